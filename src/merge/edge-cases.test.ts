// The merge on layouts people really write: CRLF, flow-style lists and maps, items whose
// first key is not the id, emptied sections, new sections, fields deleted on one side.
import { describe, expect, it } from 'vitest';
import { mergeFactFile } from './merge-file.js';

const enc = (s: string) => new TextEncoder().encode(s);

function merge(base: string, ours: string, theirs: string) {
  const r = mergeFactFile({ base: enc(base), ours: enc(ours), theirs: enc(theirs), path: 'f.yaml' });
  if (!r.ok) throw new Error(r.why);
  return { text: new TextDecoder().decode(r.text), conflicts: r.conflicts };
}

const FLOW = `facts:
  - id: a
    statement: A.
    status: alleged
    sensitivity: public
    value: { number: 3, unit: accounts }
    sources: [{ source: s1 }, { source: s2, quote: q }]
`;

describe('merge: layouts', () => {
  it('keeps CRLF line breaks, in its own edits too', () => {
    const base = FLOW.replace(/\n/g, '\r\n');
    const ours = base.replace('status: alleged', 'status: reported');
    const theirs = base.replace('sensitivity: public', 'sensitivity: internal').replace('    value:', '    date: 2026-06\r\n    value:');
    const r = merge(base, ours, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.text).toBe(
      ours.replace('sensitivity: public', 'sensitivity: internal').replace('    value:', '    date: 2026-06\r\n    value:'),
    );
    expect(r.text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('merges citations added on both sides of a flow list, and keys of a flow map', () => {
    const ours = FLOW.replace('{ source: s2, quote: q }]', '{ source: s2, quote: q }, { source: s3 }]').replace('number: 3', 'number: 4');
    const theirs = FLOW.replace('[{ source: s1 }', '[{ source: s0 }, { source: s1 }').replace(
      'unit: accounts',
      'unit: accounts, qualifier: about',
    );
    const r = merge(FLOW, ours, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.text).toContain('    sources: [{ source: s0 }, { source: s1 }, { source: s2, quote: q }, { source: s3 }]\n');
    expect(r.text).toContain('    value: { number: 4, unit: accounts, qualifier: about }\n');
  });

  it('makes the whole flow field the conflict when both changed one element in it', () => {
    const ours = FLOW.replace('quote: q }', 'quote: ours }');
    const theirs = FLOW.replace('quote: q }', 'quote: theirs }');
    const r = merge(FLOW, ours, theirs);
    expect(r.conflicts).toMatchObject([{ what: 'fact a field sources', line: 7 }]);
    expect(r.text).toContain(
      '<<<<<<< ours: fact a field sources\n    sources: [{ source: s1 }, { source: s2, quote: ours }]\n=======\n    sources: [{ source: s1 }, { source: s2, quote: theirs }]\n>>>>>>> theirs\n',
    );
  });

  it('takes the whole item into the conflict when the field on its `- ` line is changed on one side and removed on the other', () => {
    const base = '# c\nfacts:\n  - statement: A.\n    id: a\n    status: alleged\n    sensitivity: public\n';
    const ours = base.replace('statement: A.', 'statement: A!');
    const theirs = base.replace('  - statement: A.\n    id: a\n', '  - id: a\n');
    const r = merge(base, ours, theirs);
    expect(r.conflicts).toMatchObject([{ what: 'fact a', ours: 'changed it', theirs: 'changed it' }]);
    expect(r.text).toBe(`# c\nfacts:\n<<<<<<< ours: fact a\n${ours.slice(11)}=======\n${theirs.slice(11)}>>>>>>> theirs\n`);
    // The other way round, ours has no line to mark: theirs' field goes in after the id.
    const back = merge(base, theirs, ours);
    expect(back.conflicts).toMatchObject([{ what: 'fact a field statement', ours: 'removed it', theirs: '"A!"' }]);
    expect(back.text).toBe(
      '# c\nfacts:\n  - id: a\n<<<<<<< ours: fact a field statement\n=======\n    statement: A!\n>>>>>>> theirs\n    status: alleged\n    sensitivity: public\n',
    );
  });

  it('pulls the next key up when theirs drops the field on an item’s `- ` line', () => {
    const base = 'facts:\n  - statement: A.\n    id: a\n    status: alleged\n    sensitivity: public\n    note: x\n';
    const theirs = base.replace('  - statement: A.\n    id: a\n', '  - id: a\n');
    const ours = base.replace('note: x', 'note: y');
    expect(merge(base, ours, theirs).text).toBe(theirs.replace('note: x', 'note: y'));
  });

  it('writes `[]` when theirs removed the last item of a section, and adds a section only theirs has', () => {
    const base = 'sources:\n  - id: s1\n    title: S\nfacts:\n  - id: a\n    statement: A.\n    status: alleged\n    sensitivity: public\n';
    const ours = base.replace('title: S', 'title: S1');
    const theirs = `${base.replace('facts:\n  - id: a\n    statement: A.\n    status: alleged\n    sensitivity: public\n', 'facts: []\n')}glossary:\n  - id: g\n    term: T\n    definition: D.\n`;
    const r = merge(base, ours, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.text).toBe('sources:\n  - id: s1\n    title: S1\nfacts: []\nglossary:\n  - id: g\n    term: T\n    definition: D.\n');
  });

  it('writes `[]` for an emptied section at the very start of the file too', () => {
    const base = 'facts:\n  - id: a\n    statement: A.\n    status: alleged\n    sensitivity: public\nsources:\n  - id: s1\n    title: S\n';
    // Ours touched the section (a comment above the fact), so the merge goes into it.
    const ours = base.replace('title: S', 'title: S1').replace('facts:\n', 'facts:\n  # Checked.\n');
    const r = merge(base, ours, base.replace(/^facts:\n[\s\S]*?(?=sources:)/, 'facts: []\n'));
    expect(r.text).toBe('facts: []\nsources:\n  - id: s1\n    title: S1\n');
  });

  it('reports a field one side removed and the other changed, with the removing side’s block empty', () => {
    const base = 'facts:\n  - id: a\n    statement: A.\n    status: alleged\n    sensitivity: public\n    note: x\n';
    const r = merge(base, base.replace('    note: x\n', ''), base.replace('note: x', 'note: y'));
    expect(r.conflicts).toMatchObject([{ what: 'fact a field note', ours: 'removed it', theirs: '"y"' }]);
    expect(r.text).toBe(`${base.replace('    note: x\n', '')}<<<<<<< ours: fact a field note\n=======\n    note: y\n>>>>>>> theirs\n`);
  });

  it('merges two files both sides created from nothing, by id', () => {
    const a = 'facts:\n  - id: a\n    statement: A.\n    status: alleged\n    sensitivity: public\n';
    const b = 'facts:\n  - id: b\n    statement: B.\n    status: alleged\n    sensitivity: public\n';
    const r = merge('', a, b);
    expect(r.conflicts).toEqual([]);
    expect(r.text).toBe(`${a}${b.slice('facts:\n'.length)}`);
  });
});
