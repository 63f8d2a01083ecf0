// What an audience's render read (render/reads.ts) and which edits can change it
// (watch/affected.ts): the rule `watch` uses to rebuild only the packets an edit affects.
import { describe, expect, it } from 'vitest';
import type { FactBase } from '../facts/factbase.js';
import type { Sensitivity } from '../facts/kinds.js';
import { loadFromFiles } from '../facts/load.js';
import { checkNoLeak, leakIndexFor } from '../render/leak-guard.js';
import { renderMarkdown } from '../render/template/render-markdown.js';
import { parseAudience } from '../render/template-files/audiences.js';
import { affects, compareFactBases, isEmpty, leakDependency } from './affected.js';
import { Reads } from './reads.js';

const SOURCES = `sources:
  - id: s.one
    title: First report
    publisher: Daily One
  - id: s.two
    title: Second report
    publisher: Daily Two
`;

const fact = (id: string, statement: string, more = '') => `  - id: ${id}
    statement: ${statement}
    status: reported
    sensitivity: ${more.includes('internal') ? 'internal' : 'public'}
    tags: [${more.includes('key') ? 'key' : 'other'}]
    sources: [{ source: s.one }, { source: s.two }]
`;

const FACTS = {
  shown: fact('f.shown', 'The shown fact is printed by id.'),
  listed: fact('f.listed', 'The listed fact is picked by its tag.', 'key'),
  unused: fact('f.unused', 'Nothing prints the unused fact.'),
  secret: fact('f.secret', 'The secret fact is for staff eyes only.', 'internal key'),
};

const load = (facts: Record<string, string>): FactBase => {
  const files = [
    { path: 'data/sources.yaml', bytes: Buffer.from(SOURCES) },
    { path: 'data/facts.yaml', bytes: Buffer.from(`facts:\n${Object.values(facts).join('')}`) },
  ];
  const { factBase, report } = loadFromFiles(files);
  expect(report.errors).toEqual([]);
  return factBase;
};

const audience = (sensitivity: string) =>
  parseAudience(
    sensitivity,
    `templates/audiences/${sensitivity}.md`,
    `---\ntitle: T\naudience: A\ngenre: brief\nsensitivity: ${sensitivity}\nbanner: ${sensitivity === 'public' ? 'Public draft' : 'Internal'}\n---\n{{statement "f.shown"}}\n\n{{#facts tag="key"}}\n- {{fact id}}\n{{/facts}}\n`,
  );

const STAMP = { date: '2026-06-01', epoch: 0, dirty: false, git: false, text: 'stamp' };

/** As watch renders: on a tracked view, the leak guard's index read as one derived value. */
function readsOf(fb: FactBase, sensitivity: Sensitivity): Reads {
  const reads = new Reads();
  const tracked = reads.track(fb);
  const a = audience(sensitivity);
  const { markdown } = renderMarkdown({ audience: a, factBase: tracked, partials: [], stamp: STAMP });
  reads.derived.add(leakDependency(sensitivity));
  checkNoLeak(a, leakIndexFor(fb, sensitivity), { markdown, html: markdown, front: [] });
  return reads;
}

const edit = (name: keyof typeof FACTS, from: string, to: string) => load({ ...FACTS, [name]: FACTS[name].replace(from, to) });

describe('render reads and affected packets', () => {
  const before = load(FACTS);
  const publicReads = readsOf(before, 'public');
  const internalReads = readsOf(before, 'internal');

  it('records the fields a render read: printed by id, listed by tag, or filtered on', () => {
    expect(publicReads.fields.get('facts:f.shown')).toContain('statement');
    expect(publicReads.fields.get('facts:f.listed')).toContain('statement');
    expect(publicReads.fields.get('facts:f.unused')).not.toContain('statement');
    expect(publicReads.fields.get('facts:f.unused')).toContain('tags'); // the tag filter looked at it
    expect(publicReads.fields.get('facts:f.unused')).toContain('sensitivity'); // selection looked at it
    expect(publicReads.fields.get('sources:s.one')).toContain('title'); // its note
  });

  it('a statement edit affects only the packets that printed it', () => {
    const change = compareFactBases(before, edit('listed', 'picked by its tag', 'chosen by its tag'));
    expect([...change.fields.keys()]).toEqual(['facts:f.listed']);
    expect(affects(publicReads, change)).toBe(true);
    const unused = compareFactBases(before, edit('unused', 'Nothing prints', 'Nobody prints'));
    expect(affects(publicReads, unused)).toBe(false);
    expect(affects(internalReads, unused)).toBe(false);
  });

  it('a tag edit affects every packet that filters on tags', () => {
    const change = compareFactBases(before, edit('unused', 'tags: [other]', 'tags: [key]'));
    expect(affects(publicReads, change)).toBe(true);
  });

  it('a sensitivity edit affects every packet (selection reads every sensitivity)', () => {
    const change = compareFactBases(before, edit('shown', 'sensitivity: public', 'sensitivity: internal'));
    expect(affects(publicReads, change)).toBe(true);
    expect(affects(internalReads, change)).toBe(true);
  });

  it('an internal statement edit affects the internal packet, and the public one through its leak guard', () => {
    const change = compareFactBases(before, edit('secret', 'staff eyes only', 'staff only'));
    expect(affects(internalReads, change)).toBe(true);
    expect(affects(publicReads, change)).toBe(true);
  });

  it('adding or removing an item changes the list every packet read', () => {
    const { unused: _, ...rest } = FACTS;
    const change = compareFactBases(before, load(rest));
    expect([...change.lists]).toEqual(['facts']);
    expect(affects(publicReads, change)).toBe(true);
  });

  it('a source title edit affects packets whose notes cite it', () => {
    const after = loadFromFiles([
      { path: 'data/sources.yaml', bytes: Buffer.from(SOURCES.replace('First report', 'First story')) },
      { path: 'data/facts.yaml', bytes: Buffer.from(`facts:\n${Object.values(FACTS).join('')}`) },
    ]).factBase;
    const change = compareFactBases(before, after);
    expect([...change.fields.keys()]).toEqual(['sources:s.one']);
    expect(affects(publicReads, change)).toBe(true);
  });

  it('finds no change between two loads of the same files', () => {
    expect(isEmpty(compareFactBases(before, load(FACTS)))).toBe(true);
  });

  it('a tracked fact base is read-only', () => {
    const tracked = new Reads().track(before);
    expect(() => tracked.facts.set('x', tracked.facts.get('f.shown')!)).toThrow(/read-only/);
    expect(() => {
      (tracked.facts.get('f.shown') as { statement: string }).statement = 'x';
    }).toThrow(/read-only/);
  });
});
