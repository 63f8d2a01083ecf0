// Properties of the merge on the shipped fact base: edits to different fields merge to
// exactly the text both edits give together (every other byte untouched), and the same
// field edited two ways is one conflict whose sides are exactly ours and theirs.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { takeSide } from '../facts/conflict-markers.js';
import { packageRoot } from '../util/package-root.js';
import { mergeFactFile } from './merge-file.js';

const DIR = join(packageRoot(), 'data', 'facts');
const FILES = readdirSync(DIR).map((f) => ({ name: f, text: readFileSync(join(DIR, f), 'utf8') }));
const FIELDS = ['statement', 'status', 'sensitivity'] as const;
// Three values per field, so two of them always differ from whatever the fact holds now:
// an "edit" to the value a fact already has is no edit, and no conflict.
const NEW: Record<(typeof FIELDS)[number], string[]> = {
  statement: ['A reworded statement.', 'Another wording, with "quotes" and a colon: here.', 'A third wording.'],
  status: ['confirmed', 'disputed', 'denied'],
  sensitivity: ['public', 'internal', 'restricted'],
};

/** Two different new values for a field, neither of them the value it has in `base`. */
function twoNewValues(base: string, index: number, field: (typeof FIELDS)[number], v: number): [string, string] {
  const now = parseDocument(base).getIn(['facts', index, field]);
  const values = NEW[field].filter((x) => x !== now);
  return [values[v % values.length] as string, values[(v + 1) % values.length] as string];
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Replaces one scalar of fact `index` in the text, as an editor would. */
function edit(text: string, index: number, field: (typeof FIELDS)[number], value: string): Edit {
  const node = parseDocument(text).getIn(['facts', index, field], true) as { range: [number, number, number] };
  return { start: node.range[0], end: node.range[1], text: JSON.stringify(value) };
}

const apply = (text: string, ...edits: Edit[]) =>
  [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.text + t.slice(e.end), text);

const enc = (s: string) => new TextEncoder().encode(s);
const facts = (text: string) => (parseDocument(text).toJS().facts as unknown[]).length;

const pick = fc.record({
  file: fc.integer({ min: 0, max: FILES.length - 1 }),
  i: fc.nat(),
  j: fc.nat(),
  fi: fc.constantFrom(...FIELDS),
  fj: fc.constantFrom(...FIELDS),
  v: fc.nat(1),
});

describe('merge on the shipped fact base', () => {
  it('merges edits to different facts or different fields to exactly both edits, byte for byte', () => {
    fc.assert(
      fc.property(pick, ({ file, i, j, fi, fj, v }) => {
        const base = (FILES[file] as { text: string }).text;
        const n = facts(base);
        const [a, b] = [i % n, j % n];
        fc.pre(a !== b || fi !== fj);
        const ours = edit(base, a, fi, NEW[fi][v] as string);
        const theirs = edit(base, b, fj, NEW[fj][1 - v] as string);
        const r = mergeFactFile({ base: enc(base), ours: enc(apply(base, ours)), theirs: enc(apply(base, theirs)), path: 'f.yaml' });
        if (!r.ok) throw new Error(r.why);
        expect(r.conflicts).toEqual([]);
        expect(new TextDecoder().decode(r.text)).toBe(apply(base, ours, theirs));
      }),
      { numRuns: 60 },
    );
  });

  it('makes one field edited two ways one conflict, around that field, whose sides are ours and theirs', () => {
    fc.assert(
      fc.property(pick, ({ file, i, fi, v }) => {
        const base = (FILES[file] as { text: string }).text;
        const a = i % facts(base);
        const [mine, yours] = twoNewValues(base, a, fi, v);
        const ours = apply(base, edit(base, a, fi, mine));
        const theirs = apply(base, edit(base, a, fi, yours));
        const r = mergeFactFile({ base: enc(base), ours: enc(ours), theirs: enc(theirs), path: 'f.yaml' });
        if (!r.ok) throw new Error(r.why);
        const id = parseDocument(base).getIn(['facts', a, 'id']);
        expect(r.conflicts.map((c) => c.what)).toEqual([`fact ${id} field ${fi}`]);
        const text = new TextDecoder().decode(r.text);
        expect(takeSide(text, 'ours')).toBe(ours);
        expect(takeSide(text, 'theirs')).toBe(theirs);
        // Just the field's lines: one line each side.
        expect(text.split('\n').length - ours.split('\n').length).toBe(4);
      }),
      { numRuns: 60 },
    );
  });
});
