// The date fields of the fact model. Every date a fact file holds is one string in the
// grammar of util/dates.ts, checked here so a bad date is a located error with the forms
// that work; code that needs the interval parses it again (it cannot fail by then).
import * as z from 'zod';
import { DATE_FORMS_HINT, DateSyntaxError, isDay, parseDate } from '../util/dates.js';

/** YYYY, YYYY-MM or YYYY-MM-DD only: for records (a term's start) that are never uncertain. */
export const partialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'dates are YYYY, YYYY-MM or YYYY-MM-DD')
  .refine((s) => s.length < 10 || isDay(s), { message: 'not a real calendar date' })
  .describe('A date as precise as the sources are: YYYY, YYYY-MM or YYYY-MM-DD.');

/** Any date form: a day, month or year, part of a month, a span, between, a bound, about. */
export const dateText = z
  .string()
  .superRefine((s, ctx) => {
    try {
      parseDate(s);
    } catch (e) {
      if (!(e instanceof DateSyntaxError)) throw e;
      ctx.addIssue({ code: 'custom', message: e.message, params: { hint: DATE_FORMS_HINT } });
    }
  })
  .describe(
    'A date as precise as the sources are: "2026-06-10", "2026-06", "2026", "early 2026-06" (mid, late), ' +
      '"late 2026-04 .. early 2026-06" (a span), "between 2026-06-10 and 2026-06-24", ' +
      '"on or after 2026-06-25" (after, on or before, before), "about 2026-06-10".',
  );

/** A day something was last checked: YYYY-MM-DD. */
export const checkedDay = z
  .string()
  .refine(isDay, { message: 'a check date is a day, YYYY-MM-DD', params: { hint: 'write the day you checked it, e.g. 2026-06-24' } })
  .describe('The day this was last checked against its sources (YYYY-MM-DD); `validate` warns when it is too old.');
