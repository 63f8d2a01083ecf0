import { describe, expect, it } from 'vitest';
import { givesFigure, valueFigures } from './figures.js';

describe('givesFigure', () => {
  it.each([
    ['generated more than 28.8m exchanges', 28_800_000],
    ['approximately 28.8 million interactions', 28_800_000],
    ['a total of 28,800,000 exchanges', 28_800_000],
    ['28.8M exchanges', 28_800_000],
    ['nearly 25,000 fraudulent accounts', 25_000],
    ['nearly 25 000 accounts', 25_000],
    ['some 25k accounts', 25_000],
    ['16m exchanges across 24,000 accounts', 16_000_000],
    ['over six weeks', 6],
    ['two million queries', 2_000_000],
    ['a 1.8 ratio', 1.8],
  ])('finds it in %j', (text, n) => {
    expect(givesFigure(text, n)).toBe(true);
  });

  it.each([
    ['125,000 accounts', 25_000],
    ['25,0001 accounts', 25_000],
    ['28.8mm of rain', 28_800_000],
    ['128.8m exchanges', 28_800_000],
    ['sixty weeks', 6],
    ['2.5,000', 5_000],
    ['thousands of accounts', 25_000],
  ])('does not find it in %j', (text, n) => {
    expect(givesFigure(text, n)).toBe(false);
  });
});

describe('valueFigures', () => {
  it('checks a number, both ends of a range, and a hedged lower bound by its magnitude', () => {
    expect(valueFigures({ number: 25000, unit: 'accounts', qualifier: 'nearly' })).toEqual([{ figure: 25000 }]);
    expect(valueFigures({ min: 16, max: 24, unit: 'weeks' })).toEqual([{ figure: 16 }, { figure: 24 }]);
    expect(valueFigures({ min: 100000, unit: 'exchanges', qualifier: 'millions' })).toEqual([
      { figure: 100000, phrase: 'hundreds of thousands' },
    ]);
    expect(valueFigures({ unit: 'accounts', qualifier: 'thousands' })).toEqual([]);
  });
});
