// Dates in US house style ("June 10, 2026"). Figures are in numbers.ts.
// No Intl/locale lookups: output must not depend on the machine that builds it.
import { dateWords } from '../../util/date-words.js';
import { tryParseDate } from '../../util/dates.js';

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
