// For `diff --audience` and `build --since`: which shared content (unchanged between the
// two sides, so not parsed yet) must be loaded to tell what an audience may see on each
// side. loadPair calls it; it only decides what to load.
import { KINDS, type Sensitivity } from '../facts/kinds.js';
import { rank } from '../facts/select.js';
import type { Items } from './items.js';

/** The content both sides share, and how to read and load it. */
export interface SharedUnits<U> {
  shared: readonly U[];
  text: (u: U) => string;
  /** Units that look as if they define this id. */
  definedBy: (id: string) => U[];
  /** Loads a unit's items into both sides (once). */
  load: (u: U) => void;
}

/**
 * For an audience, an item is visible only when every fact it rests on is (and a source
 * only when a visible item cites it). Load the shared content that decides this: the facts
 * that changed items cite, the shared items that cite a fact whose visibility differs
 * between the sides, and every item citing a source in play.
 */
export function resolveForAudience<U>(max: Sensitivity, from: Items, to: Items, units: SharedUnits<U>): void {
  const { shared, text, definedBy, load: loadShared } = units;
  const visible = (items: Items, id: string) => {
    const f = items.maps.facts.get(id) as { sensitivity: Sensitivity } | undefined;
    return f !== undefined && rank(f.sensitivity) <= rank(max);
  };
  const flipped = new Set([...from.maps.facts.keys(), ...to.maps.facts.keys()].filter((id) => visible(from, id) !== visible(to, id)));
  if (flipped.size > 0) for (const u of shared) if (mentions(text(u), flipped)) loadShared(u);
  loadFactsReferenced(from, to, definedBy, loadShared);
  // A source is hidden when only hidden items cite it (select.ts). Whether a source an
  // edit touches (or that an item now loaded cites) is visible depends on every item
  // citing it, so load them all — one round: items loaded here are shared and cannot
  // change visibility between the sides.
  const inPlay = new Set([...citedOrDefinedSources(from), ...citedOrDefinedSources(to)]);
  if (inPlay.size > 0) for (const u of shared) if (mentions(text(u), inPlay)) loadShared(u);
  loadFactsReferenced(from, to, definedBy, loadShared);
}

/** Sources defined in, or cited (or named as an origin) by, the items loaded so far. */
function citedOrDefinedSources(items: Items): Set<string> {
  const ids = new Set(items.maps.sources.keys());
  type Cited = { source?: string; origin?: string };
  const add = (cites: unknown) => {
    if (!Array.isArray(cites)) return;
    for (const c of cites as Cited[]) {
      if (typeof c?.source === 'string') ids.add(c.source);
      if (typeof c?.origin === 'string') ids.add(c.origin);
    }
  };
  for (const kind of KINDS) {
    for (const item of items.maps[kind].values()) {
      const x = item as { origin?: unknown; sources?: unknown; variants?: { sources?: unknown }[] };
      if (typeof x.origin === 'string' && kind === 'facts') ids.add(x.origin);
      add(x.sources);
      if (Array.isArray(x.variants)) for (const v of x.variants) add(v?.sources);
    }
  }
  return ids;
}

/** Loads the facts that loaded items rest on (`facts:`), until none is missing. */
function loadFactsReferenced<U>(from: Items, to: Items, definedBy: (id: string) => U[], loadShared: (u: U) => void): void {
  const tried = new Set<string>();
  for (;;) {
    const wanted = new Set<string>();
    for (const side of [from, to]) {
      for (const kind of KINDS) {
        if (kind === 'facts') continue;
        for (const item of side.maps[kind].values()) {
          for (const ref of (item as { facts?: string[] }).facts ?? []) {
            if (!side.maps.facts.has(ref) && !tried.has(ref)) wanted.add(ref);
          }
        }
      }
    }
    if (wanted.size === 0) return;
    for (const id of wanted) {
      tried.add(id);
      for (const u of definedBy(id)) loadShared(u);
    }
  }
}

function mentions(text: string, ids: ReadonlySet<string>): boolean {
  for (const m of text.matchAll(/[a-z0-9][a-z0-9._-]*/g)) if (ids.has(m[0])) return true;
  return false;
}
