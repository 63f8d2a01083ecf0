import { describe, expect, it } from 'vitest';
import { type FileMergeInput, mergeFactFile } from './merge-file.js';

const enc = (s: string) => new TextEncoder().encode(s);

function merge(base: string, ours: string, theirs: string, extra: Partial<FileMergeInput> = {}) {
  const r = mergeFactFile({ base: enc(base), ours: enc(ours), theirs: enc(theirs), path: 'data/f.yaml', ...extra });
  if (!r.ok) throw new Error(r.why);
  return { text: new TextDecoder().decode(r.text), conflicts: r.conflicts, notes: r.notes };
}

const BASE = `# Facts about the campaign.
facts:
  - id: a   # the first one
    statement: Alpha.
    status: alleged
    sensitivity: public
    tags: [x, y]
    sources:
      - source: s1
        quote: q1

  # Beta has two sources.
  - id: b
    statement: Beta.
    status: reported
    sensitivity: public
    sources:
      - source: s1
      - source: s2
`;

describe('mergeFactFile: clean merges', () => {
  it('merges different fields of one fact and different facts, keeping comments and layout', () => {
    const ours = BASE.replace('status: alleged', 'status: confirmed').replace('statement: Beta.', 'statement: Beta, revised.');
    const theirs = BASE.replace('statement: Alpha.', 'statement: Alpha, reworded.');
    const r = merge(BASE, ours, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.text).toBe(ours.replace('statement: Alpha.', 'statement: Alpha, reworded.'));
  });

  it('keeps both sides’ facts appended at the end, ours first, with the file’s blank-line spacing', () => {
    const c = '\n  - id: c\n    statement: Gamma.\n    status: alleged\n    sensitivity: public\n';
    const d = '\n  # Added by theirs.\n  - id: d\n    statement: Delta.\n    status: alleged\n    sensitivity: internal\n';
    const r = merge(BASE, BASE + c, BASE + d);
    expect(r.conflicts).toEqual([]);
    expect(r.text).toBe(BASE + c + d);
  });

  it('unions tags and citations added on both sides', () => {
    const ours = BASE.replace('tags: [x, y]', 'tags: [x, y, z]').replace(
      '      - source: s2\n',
      '      - source: s2\n      - source: s3\n',
    );
    const theirs = BASE.replace('tags: [x, y]', 'tags: [w, x, y]').replace(
      '      - source: s2\n',
      '      - source: s2\n      - source: s4\n',
    );
    const r = merge(BASE, ours, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.text).toContain('tags: [w, x, y, z]');
    expect(r.text).toContain('      - source: s2\n      - source: s3\n      - source: s4\n');
  });

  it('applies theirs’ removal of a fact ours did not touch, with its comment', () => {
    const theirs = BASE.slice(0, BASE.indexOf('\n  # Beta'));
    const ours = BASE.replace('tags: [x, y]', 'tags: [x]');
    const r = merge(BASE, ours, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.text).toBe(theirs.replace('tags: [x, y]', 'tags: [x]'));
  });

  it('adds a field theirs added, at ours’ indentation', () => {
    const theirs = BASE.replace('    status: reported\n', '    status: reported\n    date: 2026-06-10\n');
    const ours = BASE.replace('Alpha.', 'Alpha!');
    expect(merge(BASE, ours, theirs).text).toBe(ours.replace('    status: reported\n', '    status: reported\n    date: 2026-06-10\n'));
  });
});

describe('mergeFactFile: conflicts', () => {
  it('puts markers around just the field both sides changed', () => {
    const ours = BASE.replace('status: alleged', 'status: confirmed');
    const theirs = BASE.replace('status: alleged', 'status: disputed').replace('Beta.', 'Beta two.');
    const r = merge(BASE, ours, theirs);
    expect(r.conflicts).toMatchObject([{ what: 'fact a field status', ours: '"confirmed"', theirs: '"disputed"', line: 5 }]);
    expect(r.text).toBe(
      ours
        .replace('Beta.', 'Beta two.')
        .replace(
          '    status: confirmed\n',
          '<<<<<<< ours: fact a field status\n    status: confirmed\n=======\n    status: disputed\n>>>>>>> theirs\n',
        ),
    );
  });

  it('reports a fact both sides added under one id with different content, whole', () => {
    const ours = `${BASE}  - id: c\n    statement: Ours.\n    status: alleged\n    sensitivity: public\n`;
    const theirs = `${BASE}  - id: c\n    statement: Theirs.\n    status: alleged\n    sensitivity: public\n`;
    const r = merge(BASE, ours, theirs);
    expect(r.conflicts).toMatchObject([{ what: 'fact c', ours: 'added it', theirs: 'added it', line: 20 }]);
    expect(r.text).toBe(
      `${BASE}<<<<<<< ours: fact c\n  - id: c\n    statement: Ours.\n    status: alleged\n    sensitivity: public\n=======\n` +
        '  - id: c\n    statement: Theirs.\n    status: alleged\n    sensitivity: public\n>>>>>>> theirs\n',
    );
  });

  it('reports ours’ edit to a fact theirs removed, around the whole fact', () => {
    const ours = BASE.replace('Beta.', 'Beta, edited.');
    const theirs = `${BASE.slice(0, BASE.indexOf('\n  # Beta'))}\n`;
    const r = merge(BASE, ours, theirs);
    expect(r.conflicts).toMatchObject([{ what: 'fact b', ours: 'changed it', theirs: 'removed it (or moved it to another file)' }]);
    expect(r.text).toContain('<<<<<<< ours: fact b\n  - id: b\n    statement: Beta, edited.\n');
    expect(r.text).toMatch(/ {6}- source: s2\n=======\n>>>>>>> theirs\n$/);
  });

  it('turns a combination that does not validate into a conflict of the whole field', () => {
    const base = BASE.replace('    tags: [x, y]\n', '    value:\n      number: 3\n      unit: accounts\n      qualifier: about\n');
    const ours = base.replace('      number: 3\n', '');
    const theirs = base.replace('      qualifier: about\n', '');
    const r = merge(base, ours, theirs);
    expect(r.conflicts).toMatchObject([{ what: 'fact a field value' }]);
  });

  it('reports a reference to a fact the merge removed', () => {
    const base = `${BASE}questions:\n  - id: q\n    question: Why?\n    answer: Because.\n    facts: [a]\n`;
    const ours = base.replace('facts: [a]', 'facts: [a, b]');
    const theirs = base.replace(BASE.slice(BASE.indexOf('\n  # Beta')), '\n').replace('Why?', 'Why so?');
    const r = merge(base, ours, theirs);
    expect(r.conflicts).toMatchObject([{ what: 'question q field facts', ours: 'refers to fact b' }]);
    expect(merge(base, ours, theirs, { elsewhere: (k, id) => k === 'facts' && id === 'b' }).conflicts).toEqual([]);
  });
});

describe('mergeFactFile: what it leaves to git', () => {
  it.each([
    ['broken YAML', 'facts:\n  - id: [a\n'],
    ['anchors', 'facts:\n  - &x\n    id: a\n'],
    ['conflict markers', '<<<<<<< HEAD\nfacts: []\n=======\nfacts: []\n>>>>>>> x\n'],
  ])('%s', (_, ours) => {
    const r = mergeFactFile({ base: enc(BASE), ours: enc(ours), theirs: enc(BASE), path: 'f.yaml' });
    expect(r.ok).toBe(false);
  });
});
