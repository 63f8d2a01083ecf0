// Numbers, dates and hedged figures in US house style ("June 10, 2026", "28.8 million").
// No Intl/locale lookups: output must not depend on the machine that builds it.
import { magnitude } from '../../facts/figures.js';
import type { Value } from '../../facts/schema.js';
import { dateWords } from '../../util/date-words.js';
import { tryParseDate } from '../../util/dates.js';

export function formatNumber(n: number): string {
  const abs = Math.abs(n);
  if (abs >= 1e9 && abs % 1e7 === 0) return `${trim(n / 1e9)} billion`;
  if (abs >= 1e6 && abs % 1e4 === 0) return `${trim(n / 1e6)} million`;
  const [int, frac] = String(abs).split('.');
  const grouped = (int ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

const trim = (x: number) => String(Math.round(x * 100) / 100);

/**
 * Any date form in words (util/date-words.ts): "2026-06-10" → "June 10, 2026", "early 2026-06"
 * → "early June 2026", "on or after 2026-06-25" → "on or after June 25, 2026". `short`
 * abbreviates months; `flag` says what a month- or year-only date leaves out. Text that is
 * no date (the fact base's dates are validated) comes back as it is.
 */
export function formatDate(date: string, short = false, flag = false): string {
  const d = tryParseDate(date);
  return d ? dateWords(d, { short, flag }) : date;
}

/** A span from one date to another: "April–June 2026", "June 10–24, 2026", "late April to early June 2026". */
export function formatRange(from: string, to: string | undefined, short = false, flag = false): string {
  if (!to || to === from) return formatDate(from, short, flag);
  const d = tryParseDate(`${from} .. ${to}`);
  return d ? dateWords(d, { short }) : `${formatDate(from, short)}–${formatDate(to, short)}`;
}

const QUALIFIER: Record<string, string> = {
  approximately: 'approximately',
  about: 'about',
  nearly: 'nearly',
  'more-than': 'more than',
  'at-least': 'at least',
  'up-to': 'up to',
};

/** A hedged figure in words: "nearly 25,000 accounts", "thousands of accounts", "16–24 million exchanges". */
export function formatValue(v: Value): string {
  const unit = v.unit;
  if (v.number !== undefined) {
    const q = v.qualifier ? QUALIFIER[v.qualifier] : undefined;
    return `${q ? `${q} ` : ''}${formatNumber(v.number)} ${unit}`;
  }
  if (v.min !== undefined && v.max !== undefined) return `${formatNumber(v.min)}–${formatNumber(v.max)} ${unit}`;
  if (v.qualifier === 'thousands' || v.qualifier === 'millions') {
    const scale = v.qualifier;
    const base = scale === 'thousands' ? 1e3 : 1e6;
    if (v.min !== undefined) {
      const low = magnitude(v.min) ?? formatNumber(v.min);
      return v.min < base ? `${low} to ${scale} of ${unit}` : `${low} of ${unit}`;
    }
    return `${scale} of ${unit}`;
  }
  if (v.min !== undefined) return `at least ${formatNumber(v.min)} ${unit}`;
  if (v.max !== undefined) return `up to ${formatNumber(v.max)} ${unit}`;
  return unit;
}
