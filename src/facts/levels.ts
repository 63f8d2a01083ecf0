// The sensitivity every value of the fact base carries (its taint), decided in one place:
// a value has the sensitivity of the item it came from — the item's own `sensitivity`, or
// public for an item that has none — and editorial notes
// (a fact's, a citation's, a source's `note`) are for internal readers whatever their item.
import { SENSITIVITIES, type Sensitivity } from './kinds.js';

// A Map, not SENSITIVITIES.indexOf or an object's own keys: the guard asks for every item
// a render reads (an own-key check was ~1.5 % of a Markdown build at 10,000 facts).
const RANKS = new Map<string, number>(SENSITIVITIES.map((s, i) => [s, i]));

/** A level's place in SENSITIVITIES (-1 for anything else, as indexOf). */
export const rank = (s: Sensitivity): number => RANKS.get(s) ?? -1;

/** True when `level` is above what a reader cleared for `max` may see. */
export const above = (level: Sensitivity, max: Sensitivity) => rank(level) > rank(max);

export const higher = (a: Sensitivity, b: Sensitivity): Sensitivity => (rank(a) >= rank(b) ? a : b);

/** The sensitivity of an item of any kind. */
export const levelOf = (item: { sensitivity?: Sensitivity }): Sensitivity => item.sensitivity ?? 'public';

/** Editorial notes are never below this, whatever the item they annotate. */
export const NOTE_LEVEL: Sensitivity = 'internal';

/** The sensitivity of an item's editorial notes. */
export const noteLevel = (item: { sensitivity?: Sensitivity }): Sensitivity => higher(levelOf(item), NOTE_LEVEL);

/**
 * An item's level counting the facts it rests on: a question whose answer cites an
 * internal fact carries that fact's level (facts/select.ts hides it for the same reason).
 */
export function restingLevel(
  item: { sensitivity?: Sensitivity; facts?: readonly string[] },
  factLevel: (id: string) => Sensitivity | undefined,
): Sensitivity {
  let level = levelOf(item);
  for (const id of item.facts ?? []) level = higher(level, factLevel(id) ?? 'public');
  return level;
}
