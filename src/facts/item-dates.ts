// The dates of fact-base items as intervals (util/dates.ts): an event's date (with its
// `end`), the dates a fact gives (its own, its period, its variants'), and when a fact was
// last checked. Timelines, the contradiction rule and staleness read them from here.
import { type DateInterval, parseDate, tryParseDate } from '../util/dates.js';
import type { Event, Fact } from './schema.js';

/** A validated date string; only a bug could make it fail to parse here. */
const interval = (text: string): DateInterval => parseDate(text);

/**
 * An event's interval: its `date`, or the span from `date` to `end`. A validated event
 * with `end` has a plain date on both sides (date-rules.ts), so the span always parses;
 * an invalid one falls back to `date`.
 */
export function eventInterval(e: Pick<Event, 'date' | 'end'>): DateInterval {
  if (e.end !== undefined) {
    const span = tryParseDate(`${e.date} .. ${e.end}`);
    if (span) return span;
  }
  return interval(e.date);
}

/** A period's interval: from..to, or open at a missing end; undefined with neither. */
export function periodInterval(p: { from?: string; to?: string }): DateInterval | undefined {
  if (p.from !== undefined && p.to !== undefined) return tryParseDate(`${p.from} .. ${p.to}`) ?? interval(p.from);
  if (p.from !== undefined) return tryParseDate(`on or after ${p.from}`) ?? interval(p.from);
  if (p.to !== undefined) return tryParseDate(`on or before ${p.to}`) ?? interval(p.to);
  return undefined;
}

export interface DatedPart {
  /** Where in the fact: ['date'], ['period'], ['variants', 1, 'date']… */
  path: (string | number)[];
  interval: DateInterval;
}

/** Every date a fact gives: its own date and period, and its variants'. */
export function factDates(f: Fact): DatedPart[] {
  const out: DatedPart[] = [];
  const add = (path: (string | number)[], date?: string, period?: { from?: string; to?: string }) => {
    if (date !== undefined) out.push({ path: [...path, 'date'], interval: interval(date) });
    const p = period && periodInterval(period);
    if (p) out.push({ path: [...path, 'period'], interval: p });
  };
  add([], f.date, f.period);
  f.variants.forEach((v, i) => add(['variants', i], v.date, v.period));
  return out;
}

export interface CheckDate {
  /** YYYY-MM-DD: the latest check recorded on the fact or any of its citations. */
  day: string;
  /** Where it is recorded, for locating a warning. */
  path: (string | number)[];
}

/** When a fact was last checked: the latest `checked` on it or its citations; undefined when none records one. */
export function lastChecked(f: Fact): CheckDate | undefined {
  let best: CheckDate | undefined = f.checked ? { day: f.checked, path: ['checked'] } : undefined;
  const consider = (day: string | undefined, path: (string | number)[]) => {
    if (day !== undefined && (!best || day > best.day)) best = { day, path };
  };
  f.sources.forEach((c, i) => consider(c.checked, ['sources', i, 'checked']));
  f.variants.forEach((v, i) => v.sources.forEach((c, j) => consider(c.checked, ['variants', i, 'sources', j, 'checked'])));
  return best;
}
