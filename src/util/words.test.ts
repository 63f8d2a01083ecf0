// Texts that read the same give the same words, however they were typed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalWords, runKeys, runKeysOfSizes } from './words.js';

describe('normalWords', () => {
  const plain = ['alibabas', 'staff', 'expect', 'a', 'subpoena', 'in', 'july'];

  it.each([
    ['straight apostrophe, final period', "Alibaba's staff expect a subpoena in July."],
    ['curly apostrophe, no period', 'Alibaba’s staff expect a subpoena in July'],
    ['soft hyphen and zero-width space inside words', 'Alibaba’s staff ex\u00ADpect a sub\u200Bpoena in July.'],
    ['NFD accents and compatibility forms', 'Alibaba’s ｓｔａｆｆ expe\u0301ct a subpoena in Ju\u0308ly'],
    ['upper case, dashes and quotes', '“ALIBABA’S” — staff — expect a subpoena (in July)!'],
    ['a control character and a bidi mark', 'Alibaba’s st\u0000aff\u202E expect a subpoena in July'],
    ['line breaks and tabs', "Alibaba's\nstaff\texpect a subpoena\r\nin July"],
  ])('%s', (_, text) => {
    expect(normalWords(text)).toEqual(plain);
  });

  it('gives ASCII text (read by patterns of its own) the words the Unicode patterns give it', () => {
    // The general rule, as it reads any text.
    const general = (text: string) =>
      text
        .normalize('NFKD')
        .replace(/[\p{Cf}\p{M}]|(?![\t\n\v\f\r])\p{Cc}/gu, '')
        .replace(/['\u2018\u2019\u201B\u02BC\u02B9`\u00B4\u2032]/g, '')
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean);
    const ascii = fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)), maxLength: 80 });
    fc.assert(
      fc.property(ascii, (text) => {
        expect(normalWords(text)).toEqual(general(text));
      }),
      { numRuns: 2000 },
    );
    for (let c = 0; c < 0x80; c++) {
      const text = `ab${String.fromCharCode(c)}cd e`;
      expect(normalWords(text)).toEqual(general(text));
    }
    expect(normalWords("St\u0000aff's `JULY` 28.8m\x7F")).toEqual(['staffs', 'july', '28', '8m']);
  });

  it('keeps digits and letters of any script', () => {
    expect(normalWords('28.8m exchanges — 二〇二六')).toEqual(['28', '8m', 'exchanges', '二〇二六']);
  });
});

describe('runKeys', () => {
  it('gives equal runs equal keys and different runs different ones, wherever they are', () => {
    const words = normalWords('the committee privately expects a subpoena and the committee privately expects a vote');
    const keys = runKeys(words, 5);
    expect(keys).toHaveLength(words.length - 4);
    expect(keys[0]).toBe(keys[7]); // "the committee privately expects a", twice
    expect(new Set(keys).size).toBe(keys.length - 1);
    expect(runKeys(['a', 'b'], 3)).toHaveLength(0);
    expect(runKeys(['b', 'a'], 2)[0]).not.toBe(runKeys(['a', 'b'], 2)[0]); // order counts
  });
});

describe('runKeys, by their definition', () => {
  // FNV-1a of each word with two offsets, reduced modulo two primes; a run's key is
  // (Σ h1·B1^(size−1−i) mod P1)·2^26 + (Σ h2·B2^(size−1−i) mod P2), here in exact integers.
  const fnv = (word: string, offset: number) => {
    let h = offset;
    for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193) >>> 0;
    return BigInt(h);
  };
  const hashOf = (run: string[], offset: number, base: bigint, p: bigint) =>
    run.reduce((acc, w) => (acc * base + (fnv(w, offset) % p)) % p, 0n);
  const keyOf = (run: string[]) =>
    Number(hashOf(run, 0x811c9dc5, 40_503_611n, 67_108_859n) * 2n ** 26n + hashOf(run, 0x050c5d1f, 29_369_879n, 67_108_837n));

  it('gives every run the key its definition gives it', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'z', '0', '9', 'é'), minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), fc.integer({ min: 1, max: 9 }), (words, size) => {
        const want = words.slice(0, Math.max(0, words.length - size + 1)).map((_, at) => keyOf(words.slice(at, at + size)));
        expect([...runKeys(words, size)]).toEqual(want);
      }),
      { numRuns: 500 },
    );
  });
});

describe('runKeysOfSizes', () => {
  it('gives for each size the keys runKeys gives for it alone', () => {
    const words = normalWords('one two three four five six seven eight nine ten eleven twelve one two three four five six seven');
    const sizes = [6, 7, 8, 25];
    expect(runKeysOfSizes(words, sizes)).toEqual(sizes.map((size) => runKeys(words, size)));
    expect(runKeysOfSizes(words, [8])[0]?.length).toBe(words.length - 7);
  });
});
