// Figures as a staffer writes them: "28.8 million exchanges", "nearly 25,000 accounts",
// money with its symbol ("$5.4 billion", "€300 million"), spans that read aloud ("16–24
// million exchanges", "$400 million to $1.5 billion"). The locale (briefbook.yaml `locale`,
// util/number-locales.ts) decides grouping, the decimal mark and which dollar is plain "$".
import { magnitude } from '../../facts/figures.js';
import type { Value } from '../../facts/schema.js';
import { DEFAULT_LOCALE, NUMBER_LOCALES, type NumberLocale } from '../../util/number-locales.js';

const US = NUMBER_LOCALES[DEFAULT_LOCALE];

const SCALES = [
  { size: 1e9, word: 'billion', step: 1e7 },
  { size: 1e6, word: 'million', step: 1e4 },
] as const;

/** A round figure of a billion or a million and up, as its count of them; else undefined. */
function scaled(abs: number): { count: number; word: string } | undefined {
  const s = SCALES.find((x) => abs >= x.size && abs % x.step === 0);
  return s && { count: Math.round((abs / s.size) * 100) / 100, word: s.word };
}

function digits(n: number, loc: NumberLocale): string {
  const [int = '', frac] = String(n).split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, loc.group)}${frac ? `${loc.decimal}${frac}` : ''}`;
}

/** 28800000 → "28.8 million"; 25000 → "25,000". */
export function formatNumber(n: number, loc: NumberLocale = US): string {
  const abs = Math.abs(n);
  const s = scaled(abs);
  return `${n < 0 ? '-' : ''}${s ? `${digits(s.count, loc)} ${s.word}` : digits(abs, loc)}`;
}

/** Whether `unit` is money: a currency code the locale has a symbol for. */
export const isCurrency = (unit: string, loc: NumberLocale = US) => unit in loc.symbols;

/** An amount of a unit: "$5.4 billion", "€300 million", "25,000 accounts". */
export function formatAmount(n: number, unit: string, loc: NumberLocale = US): string {
  if (!isCurrency(unit, loc)) return `${formatNumber(n, loc)} ${unit}`;
  return `${n < 0 ? '-' : ''}${loc.symbols[unit]}${formatNumber(Math.abs(n), loc)}`;
}

/**
 * A span of a unit, as it is read aloud: one scale word shared ("16–24 million exchanges",
 * "$16–24 million"), else each end whole ("400 million to 1.5 billion exchanges", "$400
 * million to $1.5 billion", "$16,000–$24,000").
 */
export function formatSpan(lo: number, hi: number, unit: string, loc: NumberLocale = US): string {
  const money = isCurrency(unit, loc);
  const [a, b] = [scaled(Math.abs(lo)), scaled(Math.abs(hi))];
  const after = money ? '' : ` ${unit}`;
  const sign = (n: number) => (money ? (n < 0 ? `-${loc.symbols[unit]}` : loc.symbols[unit]) : n < 0 ? '-' : '');
  if (a && b && a.word === b.word && lo >= 0) return `${sign(lo)}${digits(a.count, loc)}–${digits(b.count, loc)} ${b.word}${after}`;
  if (a || b) return `${sign(lo)}${formatNumber(Math.abs(lo), loc)} to ${sign(hi)}${formatNumber(Math.abs(hi), loc)}${after}`;
  return `${sign(lo)}${formatNumber(Math.abs(lo), loc)}–${sign(hi)}${formatNumber(Math.abs(hi), loc)}${after}`;
}

const QUALIFIER: Record<string, string> = {
  approximately: 'approximately',
  about: 'about',
  nearly: 'nearly',
  'more-than': 'more than',
  'at-least': 'at least',
  'up-to': 'up to',
};

/** A unit after "thousands of": "accounts", or money by its name ("dollars"). */
const counted = (unit: string, loc: NumberLocale) => loc.names[unit] ?? unit;

/**
 * A hedged figure in words: "nearly 25,000 accounts", "about $5.4 billion", "thousands of
 * accounts", "16–24 million exchanges".
 */
export function formatValue(v: Value, loc: NumberLocale = US): string {
  const unit = v.unit;
  if (v.number !== undefined) {
    const q = v.qualifier ? QUALIFIER[v.qualifier] : undefined;
    return `${q ? `${q} ` : ''}${formatAmount(v.number, unit, loc)}`;
  }
  if (v.min !== undefined && v.max !== undefined) return formatSpan(v.min, v.max, unit, loc);
  if (v.qualifier === 'thousands' || v.qualifier === 'millions') {
    const scale = v.qualifier;
    const base = scale === 'thousands' ? 1e3 : 1e6;
    if (v.min !== undefined) {
      const low = magnitude(v.min) ?? formatNumber(v.min, loc);
      return v.min < base ? `${low} to ${scale} of ${counted(unit, loc)}` : `${low} of ${counted(unit, loc)}`;
    }
    return `${scale} of ${counted(unit, loc)}`;
  }
  if (v.min !== undefined) return `at least ${formatAmount(v.min, unit, loc)}`;
  if (v.max !== undefined) return `up to ${formatAmount(v.max, unit, loc)}`;
  return unit;
}
