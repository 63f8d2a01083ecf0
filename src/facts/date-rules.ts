// Rules about time and judgement: an event's `end` must make a span with its `date`; an
// event must not be dated where none of the facts it rests on can be; a staff inference
// may go public only when its statement says it is one.
import { dateWords } from '../util/date-words.js';
import { disjoint, parseDate, tryParseDate } from '../util/dates.js';
import { eventInterval, factDates } from './item-dates.js';
import type { Rule } from './rule-context.js';

/** Words that state an inference as one: a public packet may print the statement bare. */
export const STATES_INFERENCE =
  /\b(appears?|apparently|seems?|likely|unlikely|probably|presumably|possibly|suggests?|infer\w*|may have|might have|could have)\b/i;

const eventSpans: Rule = (ctx) => {
  for (const [id, e] of ctx.fb.events) {
    if (e.end === undefined) continue;
    const start = parseDate(e.date);
    const end = parseDate(e.end);
    if (start.form !== 'point' || end.form !== 'point') {
      ctx.error(
        'events',
        id,
        ['end'],
        `event "${id}" has \`end\` with a date that is not a plain date ("${start.form === 'point' ? e.end : e.date}")`,
        `write the whole span in \`date\` instead, e.g. date: "late 2026-04 .. early 2026-06"`,
      );
    } else if (!tryParseDate(`${e.date} .. ${e.end}`)) {
      ctx.error('events', id, ['end'], `event "${id}" ends (${e.end}) before it begins (${e.date})`, 'swap or correct the dates');
    }
  }
};

const eventAgainstFacts: Rule = (ctx) => {
  for (const [id, e] of ctx.fb.events) {
    const when = eventInterval(e);
    e.facts.forEach((fid) => {
      const f = ctx.fb.facts.get(fid);
      const dates = f ? factDates(f) : [];
      if (dates.length === 0 || !dates.every((d) => disjoint(d.interval, when))) return;
      const given = [...new Set(dates.map((d) => dateWords(d.interval)))].join('; ');
      ctx.warn(
        'events',
        id,
        ['date'],
        `event "${id}" is dated ${dateWords(when)}, but fact "${fid}" it rests on gives ${given}: they cannot both be right`,
        'correct the date of the event or of the fact; a fact whose statement covers several days can give a span ("2026-06-24 .. 2026-06-25")',
      );
    });
  }
};

const inference: Rule = (ctx) => {
  for (const [id, f] of ctx.fb.facts) {
    if (f.status !== 'inferred' || f.sensitivity !== 'public') continue;
    const texts: [(string | number)[], string][] = [
      [['statement'], f.statement],
      ...f.variants.map((v, i) => [['variants', i, 'statement'], v.statement] as [(string | number)[], string]),
    ];
    for (const [path, text] of texts) {
      if (STATES_INFERENCE.test(text)) continue;
      ctx.error(
        'facts',
        id,
        path,
        `public fact "${id}" is a staff inference (status: inferred), but its statement reads as established fact`,
        'say it is an inference in the statement ("It appears that …", "… probably …"), or make the fact internal',
      );
    }
  }
};

export const DATE_RULES: Rule[] = [eventSpans, eventAgainstFacts, inference];
