// Dates as precise as the sources are. A source may give a day, a month, a year, part of a
// month ("early June"), a span ("late April to early June"), a day something happened
// between two dates, a bound ("on or after 25 June") or an approximate date. Each form is
// written as one short string in a fact file (docs/fact-format.md#dates) and parsed once,
// here, into an interval: the earliest and latest day it allows, with its precision and
// the parts needed to say it in words (date-words.ts). Sorting uses the interval
// (compareDates), so an item is never placed before something it must follow.
//
// Below the fact model and the project config, both of which read dates.

export type Part = 'early' | 'mid' | 'late';
export type Precision = 'day' | 'part' | 'month' | 'year';

/** One calendar date as written: a year, a month, a day, or part of a month. */
export interface Anchor {
  year: number;
  month?: number;
  day?: number;
  part?: Part;
}

/**
 * `point`: on that day/month/year (or part of a month); `span`: lasting from one date to
 * another; `between`: one day, not known which, between two dates; the bounds and `about`
 * qualify one date.
 */
export type DateForm = 'point' | 'span' | 'between' | 'on-or-after' | 'after' | 'on-or-before' | 'before' | 'about';

export interface DateInterval {
  /** As written. */
  text: string;
  form: DateForm;
  /** The earliest possible day, YYYY-MM-DD; undefined when open ("before July 1"). */
  earliest?: string;
  /** The latest possible day; undefined when open ("on or after June 25"). */
  latest?: string;
  /** How precisely it is known: the coarsest unit of the dates it names. */
  precision: Precision;
  /** The date named (the first, for spans and `between`). */
  from: Anchor;
  /** The second date of a span or `between`. */
  to?: Anchor;
}

/** Thrown (and turned into a located diagnostic by callers) for a string that is no date. */
export class DateSyntaxError extends Error {}

export const DATE_FORMS_HINT =
  'write YYYY, YYYY-MM or YYYY-MM-DD; "early|mid|late YYYY-MM"; a span "A .. B"; "between A and B"; ' +
  '"on or after|after|on or before|before DATE"; or "about DATE" (docs/fact-format.md, Dates)';

const PARTS: Record<Part, [number, number]> = { early: [1, 10], mid: [11, 20], late: [21, 31] };
const CAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const BOUNDS = ['on or after', 'on or before', 'after', 'before'] as const;

/** Days in a month (1-12) of a year, by the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A day number (days since 1970-01-01) for comparing; no time zones, no locale. */
export const dayNumber = (iso: string): number => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;

const isoDays = new Map<number, string>();

/**
 * The YYYY-MM-DD of a day number. Kept once made: every date a render reads is made an
 * interval again, and a Date and its ISO string for each end was ~2 % of a Markdown build
 * at 10,000 facts; a fact base names a few thousand days at most.
 */
export function isoDay(n: number): string {
  let day = isoDays.get(n);
  if (day === undefined) {
    day = new Date(n * 86_400_000).toISOString().slice(0, 10);
    isoDays.set(n, day);
  }
  return day;
}

function anchor(raw: string): Anchor {
  const m = /^(early|mid|late)\s+(.*)$/i.exec(raw);
  const part = m ? (m[1]?.toLowerCase() as Part) : undefined;
  const cal = CAL.exec((m ? m[2] : raw) ?? '');
  if (!cal) throw new DateSyntaxError(`"${raw}" is not a date`);
  const [, y, mo, d] = cal;
  const a: Anchor = { year: Number(y) };
  if (mo !== undefined) {
    a.month = Number(mo);
    if (a.month < 1 || a.month > 12) throw new DateSyntaxError(`"${raw}": there is no month ${mo}`);
  }
  if (d !== undefined) {
    a.day = Number(d);
    if (a.day < 1 || a.day > daysInMonth(a.year, a.month as number)) throw new DateSyntaxError(`"${raw}" is not a real calendar date`);
  }
  if (part) {
    if (a.month === undefined || a.day !== undefined) throw new DateSyntaxError(`"${raw}": early, mid and late qualify a month, YYYY-MM`);
    a.part = part;
  }
  return a;
}

/** The first and last day an anchor allows, as day numbers. */
export function anchorDays(a: Anchor): [number, number] {
  const day = (m: number, d: number) => Date.UTC(a.year, m - 1, d) / 86_400_000;
  if (a.month === undefined) return [day(1, 1), day(12, 31)];
  if (a.day !== undefined) return [day(a.month, a.day), day(a.month, a.day)];
  const last = daysInMonth(a.year, a.month);
  if (!a.part) return [day(a.month, 1), day(a.month, last)];
  const [lo, hi] = PARTS[a.part];
  return [day(a.month, lo), day(a.month, Math.min(hi, last))];
}

export const precisionOf = (a: Anchor): Precision =>
  a.day !== undefined ? 'day' : a.part ? 'part' : a.month !== undefined ? 'month' : 'year';

const RANK: Record<Precision, number> = { day: 0, part: 1, month: 2, year: 3 };
const coarser = (p: Precision, q: Precision) => (RANK[p] >= RANK[q] ? p : q);

/** How far "about" widens a date on each side, by its precision. */
function aboutDays(a: Anchor): [number, number] {
  const [lo, hi] = anchorDays(a);
  if (a.day !== undefined) return [lo - 3, hi + 3];
  if (a.month === undefined) return [anchorDays({ year: a.year - 1 })[0], anchorDays({ year: a.year + 1 })[1]];
  const prev = a.month === 1 ? { year: a.year - 1, month: 12 } : { year: a.year, month: a.month - 1 };
  const next = a.month === 12 ? { year: a.year + 1, month: 1 } : { year: a.year, month: a.month + 1 };
  return [anchorDays(prev)[0], anchorDays(next)[1]];
}

/** Parses any date form; throws DateSyntaxError with what is wrong. */
export function parseDate(input: string): DateInterval {
  const text = input.trim().replace(/\s+/g, ' ');
  const lower = text.toLowerCase();
  const make = (form: DateForm, lo: number | undefined, hi: number | undefined, from: Anchor, to?: Anchor): DateInterval => ({
    text,
    form,
    earliest: lo === undefined ? undefined : isoDay(lo),
    latest: hi === undefined ? undefined : isoDay(hi),
    precision: to ? coarser(precisionOf(from), precisionOf(to)) : precisionOf(from),
    from,
    ...(to ? { to } : {}),
  });
  const two = (a: string, b: string, form: 'span' | 'between') => {
    const x = anchor(a.trim());
    const y = anchor(b.trim());
    const [lo] = anchorDays(x);
    const [, hi] = anchorDays(y);
    if (hi < lo) throw new DateSyntaxError(`"${text}" ends before it begins`);
    return make(form, lo, hi, x, y);
  };
  const between = /^between (.+) and (.+)$/i.exec(text);
  if (between) return two(between[1] as string, between[2] as string, 'between');
  const span = /^(.+?)\s*\.\.\s*(.+)$/.exec(text);
  if (span) return two(span[1] as string, span[2] as string, 'span');
  for (const b of BOUNDS) {
    if (!lower.startsWith(`${b} `)) continue;
    const a = anchor(text.slice(b.length + 1));
    const [lo, hi] = anchorDays(a);
    const form = b.replaceAll(' ', '-') as DateForm;
    if (form === 'on-or-after') return make(form, lo, undefined, a);
    if (form === 'after') return make(form, hi + 1, undefined, a);
    if (form === 'on-or-before') return make(form, undefined, hi, a);
    return make(form, undefined, lo - 1, a);
  }
  if (lower.startsWith('about ')) {
    const a = anchor(text.slice(6));
    if (a.part) throw new DateSyntaxError(`"${text}": "about" takes a day, month or year, not part of a month`);
    const [lo, hi] = aboutDays(a);
    return make('about', lo, hi, a);
  }
  if (text === '') throw new DateSyntaxError('the date is empty');
  const a = anchor(text);
  const [lo, hi] = anchorDays(a);
  return make('point', lo, hi, a);
}

/** The interval of a date, or undefined (with no throw) when it is not one. */
export function tryParseDate(input: string): DateInterval | undefined {
  try {
    return parseDate(input);
  } catch (e) {
    if (e instanceof DateSyntaxError) return undefined;
    throw e;
  }
}

/** A plain day, YYYY-MM-DD, as `--as-of` and `asOf:` take it. */
export function isDay(s: string): boolean {
  const d = tryParseDate(s);
  return d?.form === 'point' && d.precision === 'day';
}

/** Two intervals that share no possible day: they cannot both be right about one happening. */
export function disjoint(a: DateInterval, b: DateInterval): boolean {
  const before = (x: DateInterval, y: DateInterval) => x.latest !== undefined && y.earliest !== undefined && x.latest < y.earliest;
  return before(a, b) || before(b, a);
}

/**
 * The timeline order: by the earliest day an item can be on — for an item with no earliest
 * day ("before July 1"), its latest — then by its latest day (an open end last). So when
 * one item must come before another (it ends before the other can begin), it is listed
 * first; items whose intervals overlap are in an order the sources do not establish.
 * Returns <0, 0 or >0; callers keep ties in file order.
 */
export function compareDates(a: DateInterval, b: DateInterval): number {
  const key = (x: DateInterval) => x.earliest ?? x.latest ?? '';
  const end = (x: DateInterval) => x.latest ?? '9999-99-99';
  return cmp(key(a), key(b)) || cmp(end(a), end(b));
}

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** Whole days from `a` to `b` (positive when b is later), for ages: both YYYY-MM-DD. */
export const daysBetween = (a: string, b: string): number => dayNumber(b) - dayNumber(a);
