import { describe, expect, it } from 'vitest';
import type { Fact, Value } from '../../facts/schema.js';
import { NUMBER_LOCALES } from '../../util/number-locales.js';
import { compactValue, variantSummary } from './variant-summary.js';

const fact = (...values: Value[]): Fact => ({
  id: 'f',
  statement: 'S.',
  status: 'reported',
  sensitivity: 'public',
  tags: [],
  entities: [],
  sources: [],
  links: [],
  variants: values.map((value, i) => ({ id: `v${i}`, statement: `Version ${i}.`, value, sources: [{ source: 's' }] })),
});
const usd = (min: number, max: number): Value => ({ min: min * 1e6, max: max * 1e6, unit: 'USD' });

describe('how the reports differ, in words', () => {
  it.each<[string, Value[], string]>([
    [
      'one range inside another (the issue’s case)',
      [usd(400, 1500), usd(540, 1080)],
      'reports put it between $400 million and $1.5 billion; one narrows it to between $540 million and $1.08 billion',
    ],
    [
      'several ranges inside the widest',
      [usd(540, 1080), usd(400, 1500), usd(600, 900)],
      'reports put it between $400 million and $1.5 billion at the widest and between $600 million and $900 million at the narrowest',
    ],
    [
      'a figure inside a range',
      [usd(400, 1500), { number: 1e9, unit: 'USD', qualifier: 'about' }],
      'reports put it between $400 million and $1.5 billion; one puts it at about $1 billion',
    ],
    [
      'overlapping ranges, neither holding the other',
      [usd(400, 1000), usd(540, 1500)],
      'reports put it anywhere between $400 million and $1.5 billion; their estimates overlap between $540 million and $1 billion',
    ],
    [
      'ranges that do not meet',
      [
        { min: 16e6, max: 24e6, unit: 'exchanges' },
        { min: 30e6, max: 40e6, unit: 'exchanges' },
      ],
      'reports differ: one puts it between 16 and 24 million exchanges, another between 30 and 40 million exchanges',
    ],
    [
      'figures only: the span, the unit said once',
      [
        { unit: 'accounts', qualifier: 'thousands' },
        { number: 25_000, unit: 'accounts', qualifier: 'nearly' },
      ],
      'reports range from thousands to nearly 25,000 accounts',
    ],
    [
      'money figures: the symbol on both ends',
      [
        { number: 5e9, unit: 'USD' },
        { number: 5.4e9, unit: 'USD' },
      ],
      'reports range from $5 billion to $5.4 billion',
    ],
    [
      'one figure hedged differently',
      [
        { number: 28.8e6, unit: 'exchanges', qualifier: 'more-than' },
        { number: 28.8e6, unit: 'exchanges' },
      ],
      'reports agree on 28.8 million exchanges but hedge it differently (“more than”, unhedged)',
    ],
  ])('%s', (_, values, text) => {
    expect(variantSummary(fact(...values))).toBe(text);
    expect(variantSummary(fact(...values))).not.toMatch(/\d–\d[^–]* to \d/);
  });

  it('writes money in the project’s locale', () => {
    expect(variantSummary(fact(usd(400, 1500), usd(540, 1080)), NUMBER_LOCALES['en-GB'])).toBe(
      'reports put it between US$400 million and US$1.5 billion; one narrows it to between US$540 million and US$1.08 billion',
    );
  });

  it('gives a table cell the span without "reports range from"', () => {
    expect(compactValue(fact({ number: 5e9, unit: 'USD' }, { number: 5.4e9, unit: 'USD' }))).toBe('$5 billion to $5.4 billion');
  });
});
