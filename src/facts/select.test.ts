// What an audience may see of the sources: their own sensitivity, and whether anything
// it may see cites them.
import { describe, expect, it } from 'vitest';
import { loadFromFiles } from './load.js';
import { provenance, provenanceOf } from './provenance.js';
import { selectForAudience } from './select.js';

const DATA = `sources:
  - { id: src.news, title: News }
  - { id: src.staff-call, title: Call, kind: briefing, sensitivity: internal }
  - { id: src.only-internal, title: Cited only by internal facts }
  - { id: src.event, title: Cited by a public event }
  - { id: src.origin, title: An origin, kind: letter }
  - { id: src.uncited, title: Cited by nothing }
facts:
  - { id: f.pub, statement: P., status: reported, sensitivity: public, origin: src.origin, sources: [{ source: src.news }] }
  - id: f.int
    statement: I.
    status: reported
    sensitivity: internal
    sources: [{ source: src.staff-call }, { source: src.only-internal }]
events:
  - { id: ev.pub, date: "2026-06", title: E, sources: [{ source: src.event }] }
`;

const { factBase, report } = loadFromFiles([{ path: 'data/x.yaml', bytes: new TextEncoder().encode(DATA) }]);

describe('selectForAudience: sources', () => {
  it('keeps from a public audience every internal source and every source only internal items cite', () => {
    expect(report.errors).toEqual([]);
    expect([...selectForAudience(factBase, 'public').sources.keys()]).toEqual(['src.news', 'src.event', 'src.origin', 'src.uncited']);
  });

  it('shows an internal audience all of them', () => {
    expect([...selectForAudience(factBase, 'internal').sources.keys()]).toEqual([
      'src.news',
      'src.staff-call',
      'src.only-internal',
      'src.event',
      'src.origin',
      'src.uncited',
    ]);
  });
});

describe('selectForAudience: what a level shares with the fact base', () => {
  it('shares the sources map only with a level that keeps every source, and keeps a smaller one apart', () => {
    expect(selectForAudience(factBase, 'internal').sources).toBe(factBase.sources);
    expect(selectForAudience(factBase, 'public').sources).not.toBe(factBase.sources);
    expect(selectForAudience(factBase, 'internal').entities).toBe(factBase.entities);
  });

  it('gives each level the provenance computed fresh on its own selection, the shared one included', () => {
    const pub = factBase.facts.get('f.pub')!;
    for (const level of ['public', 'internal'] as const) {
      const visible = selectForAudience(factBase, level);
      expect(provenanceOf(visible, pub)).toEqual(provenance(visible, pub));
    }
    // The internal level keeps every source and entity: it is handed the fact base's own.
    expect(provenanceOf(selectForAudience(factBase, 'internal'), pub)).toBe(provenanceOf(factBase, pub));
    expect(provenanceOf(selectForAudience(factBase, 'public'), pub)).not.toBe(provenanceOf(factBase, pub));
  });
});
