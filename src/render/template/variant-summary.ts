// How the reports' versions of a figure differ, in words a member could read aloud:
// "reports range from thousands to 25,000 accounts", "reports agree on 28.8 million exchanges
// but hedge it differently (…)", "reports put it at $400 million to $1.5 billion, one
// narrowing it to $540 million to $1.08 billion".
import { span } from '../../facts/rules.js';
import type { Fact, Value } from '../../facts/schema.js';
import { DEFAULT_LOCALE, NUMBER_LOCALES, type NumberLocale } from '../../util/number-locales.js';
import { formatAmount, formatSpan, formatValue, isCurrency } from './numbers.js';

type Valued = { value: Value; lo: number; hi: number };

export function variantSummary(f: Fact, loc: NumberLocale = NUMBER_LOCALES[DEFAULT_LOCALE]): string {
  const valued = f.variants
    .filter((v): v is typeof v & { value: Value } => v.value !== undefined)
    .map((v) => {
      const [lo, hi] = span(v.value) ?? [0, 0];
      return { value: v.value, lo, hi };
    });
  if (valued.length >= 2 && valued.length === f.variants.length) {
    const numbers = new Set(valued.map((v) => v.value.number));
    const [only] = numbers;
    if (numbers.size === 1 && only !== undefined) {
      const hedges = [...new Set(valued.map((v) => v.value.qualifier).filter((q) => q && q !== 'exact'))].map((q) =>
        q === 'more-than' ? '“more than”' : `“${q}”`,
      );
      const unhedged = valued.some((v) => !v.value.qualifier || v.value.qualifier === 'exact');
      const how = [...hedges, ...(unhedged ? ['unhedged'] : [])].join(', ');
      return `reports agree on ${formatAmount(only, valued[0]?.value.unit ?? '', loc)} but hedge it differently (${how})`;
    }
    const sorted = [...valued].sort((a, b) => a.lo - b.lo || a.hi - b.hi);
    const sameUnit = sorted.every((v) => v.value.unit === sorted[0]?.value.unit);
    if (sameUnit && sorted.some(isRange)) return rangesInWords(sorted, loc);
    const lo = sorted[0] as Valued;
    const hi = sorted.at(-1) as Valued;
    const show = (v: Value, unit: boolean) => {
      // The unit is said once, at the end; money keeps its symbol on both ends.
      const t = unit || isCurrency(v.unit, loc) ? formatValue(v, loc) : formatValue(v, loc).replace(new RegExp(`( of)? ${v.unit}$`), '');
      return t.includes(' to ') ? `“${t}”` : t;
    };
    return `reports range from ${show(lo.value, !sameUnit)} to ${show(hi.value, true)}`;
  }
  if (f.variants.length >= 2) {
    const versions = f.variants.map((v) => v.period?.text ?? (v.value ? formatValue(v.value, loc) : v.statement.replace(/\.$/, '')));
    return `reports differ: ${versions.join('; ')}`;
  }
  if (f.value) return formatValue(f.value, loc);
  return '';
}

/** A compact figure for table cells: the fact's value, else the span of its variants. */
export function compactValue(f: Fact, loc?: NumberLocale): string {
  if (f.value) return formatValue(f.value, loc);
  const summary = variantSummary(f, loc);
  return summary.replace(/^reports range from /, '').replace(/^reports agree on (.*) but hedge.*$/, '$1');
}

/** A version given as a range (min and max), not one figure. */
const isRange = (v: Valued) => v.value.min !== undefined && v.value.max !== undefined;

/**
 * Versions of which at least one is a range, sorted by their low ends. One range that holds
 * all the others is said first and the others as narrowing it; ranges that all share a part
 * are given as their whole extent and the part they share; anything else is listed.
 */
function rangesInWords(sorted: readonly Valued[], loc: NumberLocale): string {
  const unit = sorted[0]?.value.unit ?? '';
  // "between $600 million and $900 million" (money whole at both ends, so "$600" is never read
  // as six hundred dollars), "between 16 and 24 million exchanges"; a figure: "at about $1 billion".
  const between = (lo: number, hi: number) =>
    `between ${isCurrency(unit, loc) ? `${formatAmount(lo, unit, loc)} and ${formatAmount(hi, unit, loc)}` : formatSpan(lo, hi, unit, loc).replace(/\u2013| to /, ' and ')}`;
  const phrase = (v: Valued) => {
    if (isRange(v)) return between(v.lo, v.hi);
    const text = formatValue(v.value, loc);
    return text.startsWith('at ') ? text : `at ${text}`;
  };
  const low = Math.min(...sorted.map((v) => v.lo));
  const high = Math.max(...sorted.map((v) => v.hi));
  const widest = sorted.find((v) => isRange(v) && v.lo === low && v.hi === high);
  if (widest) {
    const inner = sorted.filter((v) => v !== widest).sort((a, b) => a.hi - a.lo - (b.hi - b.lo));
    const [narrowest] = inner;
    if (narrowest && inner.length === 1) {
      return `reports put it ${phrase(widest)}; one ${isRange(narrowest) ? 'narrows it to' : 'puts it'} ${phrase(narrowest)}`;
    }
    if (narrowest) return `reports put it ${phrase(widest)} at the widest and ${phrase(narrowest)} at the narrowest`;
  }
  const [from, to] = [Math.max(...sorted.map((v) => v.lo)), Math.min(...sorted.map((v) => v.hi))];
  if (from < to && Number.isFinite(low) && Number.isFinite(high)) {
    return `reports put it anywhere ${between(low, high)}; their estimates overlap ${between(from, to)}`;
  }
  const [first, second, ...rest] = sorted;
  if (first && second && rest.length === 0) return `reports differ: one puts it ${phrase(first)}, another ${phrase(second)}`;
  return `reports differ: ${sorted.map(phrase).join('; ')}`;
}
