// Helpers about time: {{recheck}}, the facts to re-check before the hearing (last checked
// more than `staleAfterDays` before the as-of date, facts/staleness.ts).
import { staleness } from '../../../facts/staleness.js';
import { escapeMarkdown as md } from '../../escape.js';
import { formatDate } from '../format.js';
import type { RenderState } from '../state.js';
import { each, type Helper, int, safe, split, str, tagged } from './args.js';
import { factView } from './views.js';

export function timeHelpers(s: RenderState): Record<string, Helper> {
  return {
    /**
     * {{recheck}}: a list of the facts last checked more than `staleAfterDays` before the
     * as-of date, oldest check first, and how many record no check date. As a block,
     * {{#recheck [unchecked=true] [limit=N]}}…{{else}}…{{/recheck}} runs once per such fact
     * (unchecked=true: also those with no check date), with the fact's fields and `checked`
     * (YYYY-MM-DD), `checkedOn` ("June 1, 2026"), `age` (days). `tag=`/`all=true` as for {{#facts}}.
     */
    recheck(this: unknown, ...args) {
      const [, o] = split(args);
      const { asOf, staleAfterDays: days } = s.time;
      const t = str(o, 'tag');
      const tags = t ? t.split(/[\s,]+/) : o.hash.all === true ? [] : s.audience.front.tags;
      const { stale, unchecked } = staleness(
        [...s.fb.facts.values()].filter((f) => tagged(f, tags)),
        asOf,
        days,
      );
      if (o.fn) {
        const items = [
          ...stale.map((x) => ({ ...factView(s, x.fact), checked: x.checked.day, checkedOn: formatDate(x.checked.day), age: x.age })),
          ...(o.hash.unchecked === true ? unchecked.map((f) => ({ ...factView(s, f), checked: null, checkedOn: null, age: null })) : []),
        ];
        const limit = int(o, 'limit');
        return each.call(this, s, limit === undefined ? items : items.slice(0, limit), o);
      }
      const lines = stale.map(
        (x) =>
          `- ${md(x.fact.statement)} (\`${x.fact.id}\`: last checked ${formatDate(x.checked.day)}, ${x.age} days before the as-of date)`,
      );
      const n = unchecked.length;
      if (n > 0) {
        const which = n === 1 ? `\`${unchecked[0]?.id}\` records` : `${n} facts record`;
        lines.push(
          `${lines.length ? '\n' : ''}${which} no check date: check ${n === 1 ? 'it' : 'them'} against the sources before the hearing.`,
        );
      }
      if (lines.length === 0) lines.push(`Every fact was checked within ${days} days of the as-of date.`);
      return safe(lines.join('\n'));
    },
  };
}
