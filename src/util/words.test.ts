// Texts that read the same give the same words, however they were typed.
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

describe('runKeysOfSizes', () => {
  it('gives for each size the keys runKeys gives for it alone', () => {
    const words = normalWords('one two three four five six seven eight nine ten eleven twelve one two three four five six seven');
    const sizes = [6, 7, 8, 25];
    expect(runKeysOfSizes(words, sizes)).toEqual(sizes.map((size) => runKeys(words, size)));
    expect(runKeysOfSizes(words, [8])[0]?.length).toBe(words.length - 7);
  });
});
