// Dates in the words a staffer uses, US house style: "June 10, 2026", "early June 2026",
// "late April to early June 2026", "on or after June 25, 2026", "June 2026 (day not
// reported)". No Intl or locale lookups: the same date prints the same on every machine.
import type { Anchor, DateInterval } from './dates.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface WordOptions {
  /** Abbreviated months: "Jun. 10, 2026" (tables). */
  short?: boolean;
  /** Say what is missing from a date known only to the month or year: "June 2026 (day not reported)". */
  flag?: boolean;
}

export function monthName(month: number, short = false): string {
  const name = MONTHS[month - 1] ?? String(month);
  return short && name.length > 4 ? `${name.slice(0, 3)}.` : name;
}

/** One date in words, with or without its year. */
function anchorWords(a: Anchor, short: boolean, withYear = true): string {
  if (a.month === undefined) return String(a.year);
  const month = monthName(a.month, short);
  const year = withYear ? ` ${a.year}` : '';
  if (a.day !== undefined) return `${month} ${a.day}${withYear ? `, ${a.year}` : ''}`;
  if (a.part === 'mid') return `mid-${month}${year}`;
  return `${a.part ? `${a.part} ` : ''}${month}${year}`;
}

/** "April–June 2026", "June 10–24, 2026", "late April to early June 2026", "2025–2026". */
function spanWords(a: Anchor, b: Anchor, short: boolean): string {
  const sameYear = a.year === b.year;
  const plain = (x: Anchor) => !x.part;
  if (a.month === undefined && b.month === undefined) return `${a.year}–${b.year}`;
  if (sameYear && plain(a) && plain(b) && a.month !== undefined && b.month !== undefined) {
    if (a.day === undefined && b.day === undefined) return `${monthName(a.month, short)}–${monthName(b.month, short)} ${b.year}`;
    if (a.day !== undefined && b.day !== undefined) {
      const end = a.month === b.month ? String(b.day) : `${monthName(b.month, short)} ${b.day}`;
      return `${monthName(a.month, short)} ${a.day}–${end}, ${b.year}`;
    }
  }
  return `${anchorWords(a, short, !sameYear || a.month === undefined)} to ${anchorWords(b, short)}`;
}

const LEAD: Partial<Record<DateInterval['form'], string>> = {
  'on-or-after': 'on or after',
  after: 'after',
  'on-or-before': 'on or before',
  before: 'before',
  about: 'about',
};

/** A parsed date in words. */
export function dateWords(d: DateInterval, opts: WordOptions = {}): string {
  const short = opts.short === true;
  if (d.to && d.form === 'span') return spanWords(d.from, d.to, short);
  if (d.to && d.form === 'between') {
    const sameYear = d.from.year === d.to.year && d.from.month !== undefined;
    return `between ${anchorWords(d.from, short, !sameYear)} and ${anchorWords(d.to, short)}`;
  }
  const lead = LEAD[d.form];
  // "on or after June 25, 2026", but "in or after June 2026": a month is not a day.
  if (lead) return `${d.precision === 'day' ? lead : lead.replace(/^on or/, 'in or')} ${anchorWords(d.from, short)}`;
  const words = anchorWords(d.from, short);
  if (!opts.flag) return words;
  if (d.precision === 'month') return `${words} (day not reported)`;
  if (d.precision === 'year') return `${words} (month and day not reported)`;
  return words;
}
