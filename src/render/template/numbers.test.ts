import { describe, expect, it } from 'vitest';
import type { Value } from '../../facts/schema.js';
import { NUMBER_LOCALES } from '../../util/number-locales.js';
import { formatAmount, formatNumber, formatSpan, formatValue } from './numbers.js';

const US = NUMBER_LOCALES['en-US'];
const GB = NUMBER_LOCALES['en-GB'];
const CA = NUMBER_LOCALES['en-CA'];

describe('figures as a staffer writes them', () => {
  it.each([
    [28_800_000, '28.8 million'],
    [25_000, '25,000'],
    [5_400_000_000, '5.4 billion'],
    [1_234_567, '1,234,567'],
    [0.5, '0.5'],
    [-2_000_000, '-2 million'],
  ])('%d → %s', (n, text) => expect(formatNumber(n)).toBe(text));

  it.each([
    [5_400_000_000, 'USD', '$5.4 billion'],
    [300_000_000, 'EUR', '€300 million'],
    [12_500, 'GBP', '£12,500'],
    [2_000_000, 'CHF', 'CHF 2 million'],
    [-5_000_000, 'USD', '-$5 million'],
    [25_000, 'accounts', '25,000 accounts'],
  ])('%d %s → %s', (n, unit, text) => expect(formatAmount(n, unit, US)).toBe(text));

  it('takes the dollar sign from the locale: plain "$" is the locale’s own dollar', () => {
    expect(formatAmount(5_400_000_000, 'USD', GB)).toBe('US$5.4 billion');
    expect(formatAmount(5_400_000_000, 'USD', CA)).toBe('US$5.4 billion');
    expect(formatAmount(5_400_000_000, 'CAD', CA)).toBe('$5.4 billion');
    expect(formatAmount(5_400_000_000, 'CAD', US)).toBe('CA$5.4 billion');
  });

  it.each([
    [16_000_000, 24_000_000, 'exchanges', '16–24 million exchanges'],
    [400_000_000, 1_500_000_000, 'exchanges', '400 million to 1.5 billion exchanges'],
    [16_000, 24_000, 'accounts', '16,000–24,000 accounts'],
    [16_000_000, 24_000_000, 'USD', '$16–24 million'],
    [400_000_000, 1_500_000_000, 'USD', '$400 million to $1.5 billion'],
    [16_000, 24_000, 'USD', '$16,000–$24,000'],
  ])('spans %d–%d %s as "%s"', (lo, hi, unit, text) => expect(formatSpan(lo, hi, unit, US)).toBe(text));

  it.each<[Value, string]>([
    [{ number: 25_000, unit: 'accounts', qualifier: 'nearly' }, 'nearly 25,000 accounts'],
    [{ number: 5_400_000_000, unit: 'USD', qualifier: 'about' }, 'about $5.4 billion'],
    [{ min: 400_000_000, max: 1_500_000_000, unit: 'USD' }, '$400 million to $1.5 billion'],
    [{ unit: 'accounts', qualifier: 'thousands' }, 'thousands of accounts'],
    [{ unit: 'USD', qualifier: 'millions' }, 'millions of dollars'],
    [{ min: 100_000, unit: 'exchanges', qualifier: 'millions' }, 'hundreds of thousands to millions of exchanges'],
    [{ min: 5_000_000, unit: 'USD' }, 'at least $5 million'],
    [{ max: 5_000_000, unit: 'EUR' }, 'up to €5 million'],
  ])('%j → %s', (v, text) => expect(formatValue(v, US)).toBe(text));
});
