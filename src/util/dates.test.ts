import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateWords } from './date-words.js';
import { compareDates, type DateInterval, disjoint, isDay, parseDate, tryParseDate } from './dates.js';

describe('date forms: interval and words', () => {
  // text → [earliest, latest, precision, words, words in a table (short, flagged)]
  const table: [string, string | undefined, string | undefined, string, string, string][] = [
    ['2026-06-10', '2026-06-10', '2026-06-10', 'day', 'June 10, 2026', 'June 10, 2026'],
    ['2026-06', '2026-06-01', '2026-06-30', 'month', 'June 2026', 'June 2026 (day not reported)'],
    ['2026-02', '2026-02-01', '2026-02-28', 'month', 'February 2026', 'Feb. 2026 (day not reported)'],
    ['2024-02', '2024-02-01', '2024-02-29', 'month', 'February 2024', 'Feb. 2024 (day not reported)'],
    ['2026', '2026-01-01', '2026-12-31', 'year', '2026', '2026 (month and day not reported)'],
    ['early 2026-06', '2026-06-01', '2026-06-10', 'part', 'early June 2026', 'early June 2026'],
    ['mid 2026-06', '2026-06-11', '2026-06-20', 'part', 'mid-June 2026', 'mid-June 2026'],
    ['late 2026-04', '2026-04-21', '2026-04-30', 'part', 'late April 2026', 'late Apr. 2026'],
    ['late 2026-01', '2026-01-21', '2026-01-31', 'part', 'late January 2026', 'late Jan. 2026'],
    ['late 2026-04 .. early 2026-06', '2026-04-21', '2026-06-10', 'part', 'late April to early June 2026', 'late Apr. to early June 2026'],
    ['2026-04 .. 2026-06', '2026-04-01', '2026-06-30', 'month', 'April–June 2026', 'Apr.–June 2026'],
    ['2026-06-10 .. 2026-06-24', '2026-06-10', '2026-06-24', 'day', 'June 10–24, 2026', 'June 10–24, 2026'],
    ['2026-06-10 .. 2026-07-02', '2026-06-10', '2026-07-02', 'day', 'June 10–July 2, 2026', 'June 10–July 2, 2026'],
    ['2025-12 .. 2026-01', '2025-12-01', '2026-01-31', 'month', 'December 2025 to January 2026', 'Dec. 2025 to Jan. 2026'],
    ['2025 .. 2026', '2025-01-01', '2026-12-31', 'year', '2025–2026', '2025–2026'],
    [
      'between 2026-06-10 and 2026-06-24',
      '2026-06-10',
      '2026-06-24',
      'day',
      'between June 10 and June 24, 2026',
      'between June 10 and June 24, 2026',
    ],
    ['on or after 2026-06-25', '2026-06-25', undefined, 'day', 'on or after June 25, 2026', 'on or after June 25, 2026'],
    ['after 2026-06-10', '2026-06-11', undefined, 'day', 'after June 10, 2026', 'after June 10, 2026'],
    ['after 2026-06', '2026-07-01', undefined, 'month', 'after June 2026', 'after June 2026'],
    ['before 2026-07-01', undefined, '2026-06-30', 'day', 'before July 1, 2026', 'before July 1, 2026'],
    ['on or before 2026-06', undefined, '2026-06-30', 'month', 'in or before June 2026', 'in or before June 2026'],
    ['on or after 2026-06', '2026-06-01', undefined, 'month', 'in or after June 2026', 'in or after June 2026'],
    ['on or after late 2026-06', '2026-06-21', undefined, 'part', 'in or after late June 2026', 'in or after late June 2026'],
    ['about 2026-06-10', '2026-06-07', '2026-06-13', 'day', 'about June 10, 2026', 'about June 10, 2026'],
    ['about 2026-06', '2026-05-01', '2026-07-31', 'month', 'about June 2026', 'about June 2026'],
    ['  On or after   2026-06-25 ', '2026-06-25', undefined, 'day', 'on or after June 25, 2026', 'on or after June 25, 2026'],
  ];
  it.each(table)('%s', (text, earliest, latest, precision, words, cell) => {
    const d = parseDate(text);
    expect([d.earliest, d.latest, d.precision]).toEqual([earliest, latest, precision]);
    expect(dateWords(d)).toBe(words);
    expect(dateWords(d, { short: true, flag: true })).toBe(cell);
  });

  it.each([
    ['2026-13', 'there is no month 13'],
    ['2026-02-30', 'not a real calendar date'],
    ['June 2026', 'is not a date'],
    ['early 2026', 'qualify a month'],
    ['early 2026-06-10', 'qualify a month'],
    ['2026-06 .. 2026-04', 'ends before it begins'],
    ['between 2026-06-24 and 2026-06-10', 'ends before it begins'],
    ['about early 2026-06', 'not part of a month'],
    ['on or after', 'is not a date'],
    ['', 'empty'],
  ])('refuses %j (%s)', (text, message) => {
    expect(() => parseDate(text)).toThrow(message);
    expect(tryParseDate(text)).toBeUndefined();
  });

  it('takes only a plain day as an as-of date', () => {
    expect(isDay('2026-06-25')).toBe(true);
    expect(['2026-06', 'early 2026-06', 'on or after 2026-06-25', '2026-06-31'].map(isDay)).toEqual([false, false, false, false]);
  });

  it('knows which dates cannot both be right', () => {
    expect(disjoint(parseDate('2026-06-10'), parseDate('2026-06-24'))).toBe(true);
    expect(disjoint(parseDate('early 2026-06'), parseDate('2026-06-10'))).toBe(false);
    expect(disjoint(parseDate('on or after 2026-06-25'), parseDate('2026-06'))).toBe(false);
    expect(disjoint(parseDate('on or after 2026-06-25'), parseDate('2026-06-24'))).toBe(true);
    expect(disjoint(parseDate('before 2026-06'), parseDate('after 2026-06'))).toBe(true);
  });
});

describe('the timeline order (compareDates)', () => {
  const order = (texts: string[]) => texts.map((t, i) => ({ t, i, d: parseDate(t) })).sort((a, b) => compareDates(a.d, b.d) || a.i - b.i);

  it('puts each item at the earliest day it can be on, then the latest; an item with no earliest day at its latest', () => {
    const sorted = order([
      'on or after 2026-06-25',
      '2026-06-24',
      '2026-06',
      '2026-06-10',
      'early 2026-06',
      'before 2026-06-12',
      'late 2026-04 .. early 2026-06',
      '2026-04',
      '2026',
      'after 2026-06-10',
    ]).map((x) => x.t);
    expect(sorted).toEqual([
      '2026',
      '2026-04',
      'late 2026-04 .. early 2026-06',
      'early 2026-06',
      '2026-06',
      '2026-06-10',
      'before 2026-06-12',
      'after 2026-06-10',
      '2026-06-24',
      'on or after 2026-06-25',
    ]);
  });

  it('never lists an item before one it must follow (property)', () => {
    const anchorText = fc
      .tuple(fc.integer({ min: 2025, max: 2026 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 28 }), fc.nat(3))
      .map(([y, m, d, p]) => {
        if (m === 0) return String(y);
        const mm = `${y}-${String(m).padStart(2, '0')}`;
        if (p > 0) return `${['early', 'mid', 'late'][p - 1]} ${mm}`;
        return d === 0 ? mm : `${mm}-${String(d).padStart(2, '0')}`;
      });
    const dateText = fc.oneof(
      anchorText,
      anchorText.map((a) => `on or after ${a}`),
      anchorText.map((a) => `after ${a}`),
      anchorText.map((a) => `before ${a}`),
      anchorText.map((a) => `on or before ${a}`),
      anchorText.filter((a) => !/^(early|mid|late)/.test(a)).map((a) => `about ${a}`),
      fc.tuple(anchorText, anchorText).map(([a, b]) => `${a} .. ${b}`),
      fc.tuple(anchorText, anchorText).map(([a, b]) => `between ${a} and ${b}`),
    );
    const dates = fc
      .array(dateText, { minLength: 2, maxLength: 12 })
      .map((ts) => ts.map(tryParseDate).filter((d): d is DateInterval => !!d));
    fc.assert(
      fc.property(dates, (ds) => {
        const sorted = [...ds].sort(compareDates);
        for (let i = 0; i < sorted.length; i++) {
          for (let j = i + 1; j < sorted.length; j++) {
            const [a, b] = [sorted[i] as DateInterval, sorted[j] as DateInterval];
            // b is listed after a: b may not be an item that must come before a.
            if (b.latest !== undefined && a.earliest !== undefined && b.latest < a.earliest) return false;
          }
        }
        return true;
      }),
      { numRuns: 500 },
    );
  });
});
