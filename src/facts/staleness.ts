// Facts not checked recently enough: last checked (facts/item-dates.ts) more than N days
// before the as-of date. `validate` warns about each, at its check date; internal packets
// list them with {{recheck}} ("to re-check before the hearing").
import type { Diagnostic } from '../errors.js';
import { daysBetween } from '../util/dates.js';
import { diagnosticAt } from './assemble.js';
import type { FactBase } from './factbase.js';
import { type CheckDate, lastChecked } from './item-dates.js';
import type { Fact } from './schema.js';

export interface StaleFact {
  fact: Fact;
  checked: CheckDate;
  /** Days from the last check to the as-of date. */
  age: number;
}

export interface Staleness {
  /** Checked more than `days` before the as-of date, oldest check first. */
  stale: StaleFact[];
  /** Facts that record no check date at all, in file order. */
  unchecked: Fact[];
}

export function staleness(facts: Iterable<Fact>, asOf: string, days: number): Staleness {
  const stale: StaleFact[] = [];
  const unchecked: Fact[] = [];
  for (const fact of facts) {
    const checked = lastChecked(fact);
    if (!checked) unchecked.push(fact);
    else if (daysBetween(checked.day, asOf) > days) stale.push({ fact, checked, age: daysBetween(checked.day, asOf) });
  }
  // Oldest first; a stable sort keeps file order among equals.
  stale.sort((a, b) => b.age - a.age);
  return { stale, unchecked };
}

/** One warning per stale fact, at the check date that is too old. */
export function stalenessWarnings(fb: FactBase, asOf: string, days: number): Diagnostic[] {
  return staleness(fb.facts.values(), asOf, days).stale.map(({ fact, checked, age }) =>
    diagnosticAt(
      fb,
      'facts',
      fact.id,
      checked.path,
      `fact "${fact.id}" was last checked ${checked.day}, ${age} days before the as-of date ${asOf} (more than ${days})`,
      `check it against its sources again and set \`checked:\` to the day you did; the limit is \`staleAfterDays\` in briefbook.yaml`,
    ),
  );
}
