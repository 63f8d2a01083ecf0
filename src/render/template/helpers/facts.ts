// Helpers that print one fact (or a piece of one): statement, citation, hedge,
// corroboration, variants, values; plus number/date formatting.

import { factDates } from '../../../facts/item-dates.js';
import type { Status } from '../../../facts/kinds.js';
import type { Fact, Variant } from '../../../facts/schema.js';
import { dateWords } from '../../../util/date-words.js';
import { DATE_FORMS_HINT, tryParseDate } from '../../../util/dates.js';
import { escapeMarkdown as md, raw, Text } from '../../escape.js';
import { formatDate, formatRange } from '../format.js';
import { hedged } from '../hedge.js';
import { formatAmount, formatNumber, formatValue } from '../numbers.js';
import { provenanceText, singleSourceFlag } from '../provenance-text.js';
import { safeUrl } from '../sources-text.js';
import type { RenderState } from '../state.js';
import { compactValue, variantSummary } from '../variant-summary.js';
import { factsOf, type Helper, ids, type Options, safe, split, str } from './args.js';

const HEDGE_WORD: Record<Status, string> = {
  confirmed: 'confirmed',
  reported: 'reportedly',
  alleged: 'alleged',
  disputed: 'disputed',
  denied: 'denied',
  'no-comment': 'no comment',
  inferred: 'apparently',
};

export function factHelpers(s: RenderState): Record<string, Helper> {
  const one = (args: unknown[]): [Fact, Options] => {
    const [params, o] = split(args);
    return [s.fact(raw(params[0]), o.loc), o];
  };
  /** The variant named by `variant="id"`, or none; an unknown id is a located error. */
  const variantOf = (f: Fact, o: Options): Variant | undefined => {
    const vid = o.hash.variant === undefined ? undefined : raw(o.hash.variant);
    if (vid === undefined) return undefined;
    const v = f.variants.find((x) => x.id === vid);
    if (v) return v;
    const known = f.variants.map((x) => x.id).filter(Boolean);
    return s.fail(
      o.loc,
      `fact "${f.id}" has no variant "${vid}"`,
      known.length ? `its variants: ${known.join(', ')}` : 'it has no variant ids',
    );
  };
  /** A date a template gives: any date form, or a located error naming the forms. */
  const checkedDate = (text: string, o: Options): string => {
    if (!tryParseDate(text)) s.fail(o.loc, `"${text}" is not a date`, DATE_FORMS_HINT);
    return text;
  };
  return {
    /**
     * {{fact "id" [cite=false] [hedge=true] [flag=false]}}: statement + footnote + single-source (one origin) flag.
     * A staff inference always gets its lead-in ("It appears that …"): it must never read as sourced fact.
     */
    fact: (...args) => {
      const [f, o] = one(args);
      let rest = o.hash.cite !== false ? s.cite(f) : '';
      if (o.hash.flag !== false) rest += singleSourceFlag(s.provenance(f));
      return safe(s.track(f, (x) => md(o.hash.hedge === true || x.status === 'inferred' ? hedged(s, x) : x.statement), rest));
    },
    statement: (...args) => {
      const [f] = one(args);
      return safe(s.track(f, (x) => md(x.statement)));
    },
    /** {{cite "a" "b"}} or {{cite facts}}: footnote references; {{cite "id" variant="v"}}: only that version's documents. */
    cite: (...args) => {
      const [params, o] = split(args);
      const refs = factsOf(s, ids(params), o.loc).map((f) => s.cite(f, variantOf(f, o)));
      const number = (r: string) => Number(r.slice(2, -1));
      return safe([...new Set(refs)].sort((a, b) => number(a) - number(b)).join(''));
    },
    hedge: (...args) => {
      const [f] = one(args);
      return safe(s.track(f, (x) => md(HEDGE_WORD[x.status])));
    },
    status: (...args) => {
      const [f] = one(args);
      return safe(s.track(f, (x) => md(x.status)));
    },
    /** {{corroboration "id"}}: origins, documents and outlets, as the footnote gives them. */
    corroboration: (...args) => {
      const [f, o] = one(args);
      const v = variantOf(f, o);
      // The same variant of the fact at REV, for tracked changes.
      const of = (x: Fact) => (v && x !== f ? x.variants.find((w) => w.id === v.id) : v);
      return safe(s.track(f, (x) => md(provenanceText(s.provenance(x, of(x)), true))));
    },
    variants: (...args) => {
      const [f] = one(args);
      return safe(s.track(f, (x) => md(variantSummary(x, s.numbers))));
    },
    /**
     * {{value "id"}}: the figure (or the span of its variants); variant="id" picks one reported
     * version; cite=true adds the footnote of exactly the documents that give it.
     */
    value: (...args) => {
      const [f, o] = one(args);
      const v = variantOf(f, o);
      const rest = o.hash.cite === true ? s.cite(f, v) : '';
      if (!v) return safe(s.track(f, (x) => md(compactValue(x, s.numbers)), rest));
      const printed = (x: Fact) => {
        const w = x === f ? v : x.variants.find((y) => y.id === v.id);
        return w && md(w.value ? formatValue(w.value, s.numbers) : (w.period?.text ?? w.statement));
      };
      return safe(s.track(f, printed, rest));
    },
    /** {{links "id"}}: the fact's links, "[title](url); …" (http(s) only). */
    links: (...args) => {
      const [f] = one(args);
      return safe(linksOf(f));
    },
    entity: (...args) => {
      const [params, o] = split(args);
      return safe(md(s.entity(raw(params[0]), o.loc).name));
    },
    /** {{number 28800000}} → 28.8 million; unit="USD" → $28.8 million, unit="accounts" → 28.8 million accounts. */
    number: (...args) => {
      const [params, o] = split(args);
      const n = Number(raw(params[0]));
      const unit = str(o, 'unit');
      if (!Number.isFinite(n)) return safe(md(raw(params[0])));
      return safe(md(unit ? formatAmount(n, unit, s.numbers) : formatNumber(n, s.numbers)));
    },
    /**
     * {{date "2026-06-10"}} → June 10, 2026; any date form ("early 2026-06", "on or after 2026-06-25");
     * short=true → Jun. 10, 2026; flag=true → "June 2026 (day not reported)"; end="…" for a span.
     * In a block: {{date date end=end}}. {{date fact="id" [cite=true]}}: the date (or period) a fact gives.
     */
    date: (...args) => {
      const [params, o] = split(args);
      const short = o.hash.short === true;
      const flag = o.hash.flag === true;
      if (o.hash.fact !== undefined) {
        const f = s.fact(raw(o.hash.fact), o.loc);
        const [given] = factDates(f).filter((d) => d.path.length === 1);
        if (!given) s.fail(o.loc, `fact "${f.id}" gives no date`, 'add `date:` (or `period:`) to the fact, or print a date of your own');
        return safe(md(dateWords(given.interval, { short, flag })) + (o.hash.cite === true ? s.cite(f) : ''));
      }
      const d = raw(params[0]);
      const end = o.hash.end ? raw(o.hash.end) : undefined;
      return safe(d ? md(formatRange(checkedDate(d, o), end && checkedDate(end, o), short, flag)) : '');
    },
    dateLong: (...args) => {
      const [params, o] = split(args);
      return safe(md(formatDate(checkedDate(raw(params[0]), o))));
    },
    eq: (...args) => {
      const [params] = split(args);
      return raw(params[0]) === raw(params[1]);
    },
    /** {{show value}}: any value (e.g. from a diff) as short escaped text. */
    show: (...args) => {
      const [params] = split(args);
      const v = params[0];
      const text = v instanceof Text ? raw(v) : typeof v === 'string' ? v : v === undefined || v === null ? '—' : JSON.stringify(unwrap(v));
      return safe(md(text.length > 160 ? `${text.slice(0, 157)}…` : text));
    },
  };
}

/** A fact's links as Markdown; anything but http(s) is dropped (the schema refuses it anyway). */
export function linksOf(f: Fact): string {
  return f.links
    .map((l) => {
      const url = safeUrl(l.url);
      return url ? `[${md(l.title)}](${url})` : '';
    })
    .filter(Boolean)
    .join('; ');
}

function unwrap(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v));
}
