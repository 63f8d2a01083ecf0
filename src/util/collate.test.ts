// compareText against Intl's English collation, which it stands in for.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareText } from './collate.js';

const english = new Intl.Collator('en');
const sign = (n: number) => Math.sign(n);

describe('compareText', () => {
  it('orders any ASCII text as Intl does for English', () => {
    const ascii = fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)), maxLength: 12 });
    // Texts that share most of their characters, where the later levels decide.
    const near = fc.string({ unit: fc.constantFrom('a', 'A', 'b', 'B', '-', ' ', '\u0001', '1', "'", 'z', 'Z'), maxLength: 8 });
    for (const arb of [ascii, near]) {
      fc.assert(
        fc.property(arb, arb, (a, b) => {
          expect(sign(compareText(a, b)), JSON.stringify([a, b])).toBe(sign(english.compare(a, b)));
        }),
        { numRuns: 4000 },
      );
    }
    for (let x = 0; x < 0x80; x++) {
      for (let y = 0; y < 0x80; y++) {
        const [a, b] = [`a${String.fromCharCode(x)}b`, `a${String.fromCharCode(y)}b`];
        expect(sign(compareText(a, b)), JSON.stringify([a, b])).toBe(sign(english.compare(a, b)));
      }
    }
  });

  it('orders other text as Intl does for English, whatever the machine’s locale', () => {
    const names = ['Zeller', 'Öberg', 'Oberg', 'Ibáñez', 'İnce', 'ice', 'Çelik', 'Celik', 'de la Cruz', 'Dale'];
    expect([...names].sort(compareText)).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
    expect([...names].sort(compareText)).toEqual([...names].sort(english.compare));
    expect(['z', 'ö', 'o', 'a'].sort(compareText)).toEqual(['a', 'o', 'ö', 'z']);
  });
});
