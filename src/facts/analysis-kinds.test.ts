// Staff analysis of kind `unknown` (what is not known, and why it matters) and `option`
// (a course open to Congress): loaded, checked, located.
import { describe, expect, it } from 'vitest';
import { loadFromFiles } from './load.js';

const file = (path: string, text: string) => ({ path, bytes: new TextEncoder().encode(text) });
const BASE = [
  file('data/sources.yaml', 'sources:\n  - id: src.a\n    title: A\n'),
  file(
    'data/facts.yaml',
    'facts:\n  - id: f.one\n    statement: S.\n    status: reported\n    sensitivity: public\n    sources: [{ source: src.a }]\n',
  ),
];
const analysis = (item: string) => file('data/analysis.yaml', `analysis:\n  - id: a.one\n${item}    facts: [f.one]\n`);

describe('analysis kinds unknown and option', () => {
  it('loads an unknown with why it matters, internal by default', () => {
    const { report, factBase } = loadFromFiles([
      ...BASE,
      analysis('    kind: unknown\n    text: Who did it.\n    matters: It decides the answer.\n'),
    ]);
    expect(report.errors).toEqual([]);
    expect(factBase.analysis.get('a.one')).toMatchObject({ kind: 'unknown', matters: 'It decides the answer.', sensitivity: 'internal' });
  });

  it('refuses an unknown that does not say why it matters, at its kind', () => {
    const { report } = loadFromFiles([...BASE, analysis('    kind: unknown\n    text: Who did it.\n')]);
    expect(report.errors.map((e) => [e.file, e.line, e.message])).toEqual([
      ['data/analysis.yaml', 3, expect.stringContaining('an unknown must say why it matters (`matters:`)')],
    ]);
    expect(report.errors[0]?.hint).toContain('matters:');
  });

  it('loads an option, and refuses a blank why-it-matters', () => {
    expect(loadFromFiles([...BASE, analysis('    kind: option\n    text: Legislate.\n')]).report.errors).toEqual([]);
    const blank = loadFromFiles([...BASE, analysis('    kind: unknown\n    text: Who.\n    matters: "  "\n')]).report.errors;
    expect(blank.map((e) => e.message).join()).toMatch(/blank/);
  });
});
