// The three-way rule for one slot, shared by block and flow collections: compare each
// side with the base, first by text (so a comment or layout change alone still counts as
// that side's edit), then by meaning (so both sides making the same change agree).
import { canonical, stableKey } from '../diff/canonical.js';
import { normalText, type Slot, slotValue } from './version.js';

type Maybe = Slot | undefined;

/**
 * theirs: take theirs' version (ours left it as it was); ours: keep ours; ours-layout: ours
 * only re-laid it out while theirs changed its meaning; theirs-layout: the reverse; both:
 * both changed its meaning differently (merge the children, or conflict).
 */
export type Decision = 'theirs' | 'ours' | 'ours-layout' | 'theirs-layout' | 'both';

export const sameText = (x: Maybe, y: Maybe) => (x && y ? normalText(x) === normalText(y) : x === y);

/** Same meaning: sets and keyed lists compare regardless of order, as `briefbook diff` does. */
export function sameValue(x: Maybe, y: Maybe, field: string): boolean {
  if (!x || !y) return x === y;
  return stableKey(canonical(slotValue(x), {}, field)) === stableKey(canonical(slotValue(y), {}, field));
}

/** By text alone, cheap: enough for every slot one side left as it was. */
export function byText(b: Maybe, o: Maybe, t: Maybe): 'theirs' | 'ours' | undefined {
  if (sameText(o, b)) return 'theirs';
  if (sameText(t, b)) return 'ours';
  return undefined;
}

/** Both sides changed its text: what each change means. */
export function byValue(b: Maybe, o: Maybe, t: Maybe, field: string): Exclude<Decision, 'theirs'> {
  if (o && t && sameValue(o, t, field)) return 'ours';
  if (sameValue(o, b, field)) return 'ours-layout';
  if (sameValue(t, b, field)) return 'theirs-layout';
  return 'both';
}

export function decide(b: Maybe, o: Maybe, t: Maybe, field: string): Decision {
  return byText(b, o, t) ?? byValue(b, o, t, field);
}
