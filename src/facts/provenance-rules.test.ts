// The provenance rules as `validate` reports them: located, with a hint.
import { describe, expect, it } from 'vitest';
import { loadFromFiles } from './load.js';

const load = (text: string) => loadFromFiles([{ path: 'data/f.yaml', bytes: new TextEncoder().encode(text) }]).report;
const where = (d: { line: number; column: number; path: string; message: string }) => [d.line, d.column, d.path, d.message];

const BASE = `entities:
  - { id: outlet.wire, name: Wire Service, kind: outlet }
  - { id: person.source, name: A Source, kind: person, sensitivity: internal }
sources:
  - { id: src.public, title: Public report, via: [outlet.wire] }
  - { id: src.call, title: Call with the agency, kind: briefing, sensitivity: internal, note: Background only. }
facts:
`;

describe('provenance rules', () => {
  it('refuses a public fact that cites an internal source, at the citation, with a hint', () => {
    const report = load(`${BASE}  - id: f.pub
    statement: S.
    status: reported
    sensitivity: public
    sources:
      - source: src.public
      - source: src.call
`);
    expect(report.errors.map(where)).toEqual([
      [14, 17, 'facts[0].sources[1].source', 'public fact "f.pub" names internal source "src.call"'],
    ]);
    expect(report.errors[0]?.hint).toMatch(/make the fact internal, name a public source instead, or lower the source's sensitivity/);
  });

  it('accepts the same citation from an internal fact', () => {
    const report = load(
      `${BASE}  - { id: f.int, statement: S., status: reported, sensitivity: internal, sources: [{ source: src.call }] }\n`,
    );
    expect(report.errors).toEqual([]);
  });

  it('checks origins, credited parties and claimants: they must exist and be no more sensitive than the fact', () => {
    const report = load(`${BASE}  - id: f.refs
    statement: S.
    status: alleged
    sensitivity: public
    claimant: person.source
    origin: src.memo
    sources:
      - { source: src.public, origin: src.call, per: [outlet.wir, Some Paper] }
`);
    expect(report.errors.map((e) => [e.path, e.message])).toEqual([
      ['facts[0].origin', 'unknown source "src.memo"'],
      ['facts[0].sources[0].per[0]', 'unknown entity "outlet.wir"'],
      ['facts[0].claimant', 'public fact "f.refs" names internal entity "person.source"'],
      ['facts[0].sources[0].origin', 'public fact "f.refs" names internal source "src.call"'],
    ]);
    expect(report.errors[1]?.hint).toMatch(/did you mean "outlet\.wire"\?/);
  });

  it('warns about a fact with one origin and no claimant, naming the origin', () => {
    const report = load(
      `${BASE}  - { id: f.one, statement: S., status: reported, sensitivity: public, sources: [{ source: src.public }] }\n`,
    );
    expect(report.warnings.map((w) => w.message)).toEqual([
      'fact "f.one" rests on a single source: one origin (Wire Service) in 1 document',
    ]);
    expect(report.warnings[0]?.hint).toMatch(/claimant:/);
  });
});
