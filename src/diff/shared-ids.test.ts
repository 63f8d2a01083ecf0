// The shared units a diff parses to look for an id: never fewer than the expression the
// load used before (a unit missed would hide a duplicate id), the same whether the ids are
// looked up in the bytes or in an index of the decoded text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Unit } from './pair-units.js';
import { idIndex, sharedIds } from './shared-ids.js';

// The expression the load ran over every shared unit before, kept here as the reference.
function before(text: string): Set<string> {
  const re = /(?:^|[\s{,])["']?id["']?[ \t]*:[ \t]*["']?([a-z0-9][a-z0-9._-]*)/g;
  return new Set([...text.matchAll(re)].map((m) => m[1] as string));
}

const piece = fc.constantFrom('id', 'id:', '"id"', "'", ' ', '\t', ':', '{', ',', '\n', '- ', 'a', 'x.1', 'b-2', 'é', '\u00a0', 'said');
const text = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));
const enc = new TextEncoder();
const fileUnit = (t: string, n: number): Unit => ({ key: `f${n}`, file: { path: `f${n}.yaml`, bytes: enc.encode(t) } });
const itemUnit = (t: string, n: number): Unit => ({
  key: '',
  file: { path: `i${n}.yaml`, bytes: new Uint8Array() },
  item: { section: 'facts', text: t, line: 1 },
});

describe('shared ids', () => {
  it('finds every id the old expression found, in items and in whole files', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, fc.boolean()), { maxLength: 6 }), (units) => {
        const shared = units.map(([t, whole], n) => (whole ? fileUnit(t, n) : itemUnit(t, n)));
        const definedBy = sharedIds(shared);
        const index = idIndex(shared);
        units.forEach(([t], n) => {
          for (const id of before(t)) {
            expect(definedBy(id)).toContain(shared[n]);
            expect(index.get(id)).toContain(shared[n]);
          }
        });
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same units, in the same order, looking in the bytes or in the index', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(text, fc.boolean()), { maxLength: 6 }),
        fc.array(fc.constantFrom('a', 'x.1', 'b-2', 'id', 'zz')),
        (units, ids) => {
          const shared = units.map(([t, whole], n) => (whole ? fileUnit(t, n) : itemUnit(t, n)));
          const index = idIndex(shared);
          // A fresh lookup per id keeps to the bytes; one lookup for many ids moves to the index.
          const many = sharedIds(shared);
          for (const w of Array.from({ length: 10 }, () => 'zz')) many(w);
          for (const id of ids) {
            const want = index.get(id) ?? [];
            expect(sharedIds(shared)(id)).toEqual(want);
            expect(many(id)).toEqual(want);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads a definition in a whole file, but not a mere mention', () => {
    const defines = fileUnit('facts:\n  - id: f.1\n    statement: x\n', 0);
    const mentions = fileUnit('questions:\n  - id: q.1\n    facts: [f.1]\n', 1);
    expect(sharedIds([defines, mentions])('f.1')).toEqual([defines]);
    expect(sharedIds([defines, mentions])('q.1')).toEqual([mentions]);
  });
});
