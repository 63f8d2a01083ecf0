import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeySet } from './key-set.js';
import { runKeysOfSizes } from './words.js';

const HALF = 2 ** 26 - 1;
/** Keys as runKeys makes them (a first hash times 2^26 plus a second), and small ones that crowd one end of the table. */
const key = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: HALF }), fc.integer({ min: 0, max: HALF })).map(([a, b]) => a * 2 ** 26 + b),
  fc.integer({ min: 0, max: 64 }),
);

describe('KeySet', () => {
  it('answers as a Set does, through every growth of its table', () => {
    fc.assert(
      fc.property(fc.array(key, { maxLength: 400 }), fc.array(key, { maxLength: 200 }), (added, asked) => {
        const set = new KeySet();
        const reference = new Set<number>();
        for (const k of added) {
          set.add(k);
          reference.add(k);
          expect(set.size).toBe(reference.size);
        }
        for (const k of [...added, ...asked]) expect(set.has(k)).toBe(reference.has(k));
      }),
    );
  });

  it('keeps keys apart that share their low 32 bits (one slot of the table)', () => {
    const set = new KeySet();
    const same = [5, 5 + 2 ** 32, 5 + 2 ** 40, 5 + 2 ** 51];
    for (const k of same.slice(0, 3)) set.add(k);
    expect(same.map((k) => set.has(k))).toEqual([true, true, true, false]);
    expect(set.has(0)).toBe(false);
  });

  it('holds the keys runKeys makes', () => {
    const words = 'the committee expects a subpoena in july and a hearing in september'.split(' ');
    const [eight, six] = runKeysOfSizes(words, [8, 6]) as [Float64Array, Float64Array];
    const set = new KeySet();
    for (const k of eight) set.add(k);
    expect([...eight].every((k) => set.has(k))).toBe(true);
    expect([...six].some((k) => set.has(k))).toBe(false);
  });

  it('refuses what is not a key, rather than holding it wrongly', () => {
    const set = new KeySet();
    for (const bad of [-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => set.add(bad)).toThrow(RangeError);
    expect(set.size).toBe(0);
  });
});
