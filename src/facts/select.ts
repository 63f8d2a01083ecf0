// What one audience may see. This is the leak guard's first half: everything above the
// audience's sensitivity (levels.ts: every kind, sources included) is removed before any
// template runs, together with every item that rests on a removed fact (a public question
// whose answer cites an internal fact would leak it) and every source only removed items cite.
import { emptyFactBase, type FactBase, factCitations } from './factbase.js';
import { KINDS, type Sensitivity } from './kinds.js';
import { above, levelOf, rank } from './levels.js';
import type { Citation } from './schema.js';

export { rank } from './levels.js';

export function visibleTo(max: Sensitivity) {
  return (item: { sensitivity?: Sensitivity }) => !above(levelOf(item), max);
}

const selections = new WeakMap<FactBase, Map<Sensitivity, FactBase>>();

/** What an audience cleared for `max` may see; the same object for every audience of one level (read-only). */
export function selectForAudience(fb: FactBase, max: Sensitivity): FactBase {
  let byLevel = selections.get(fb);
  if (!byLevel) {
    byLevel = new Map();
    selections.set(fb, byLevel);
  }
  let out = byLevel.get(max);
  if (!out) {
    out = select(fb, max);
    byLevel.set(max, out);
  }
  return out;
}

function select(fb: FactBase, max: Sensitivity): FactBase {
  const ok = visibleTo(max);
  const out = emptyFactBase();
  out.origins = fb.origins;
  out.generated = fb.generated;
  for (const [id, f] of fb.facts) if (ok(f)) out.facts.set(id, f);
  const factsOk = (ids: readonly string[]) => ids.every((id) => out.facts.has(id));
  for (const kind of KINDS) {
    if (kind === 'facts') continue;
    for (const [id, item] of fb[kind] as Map<string, { sensitivity?: Sensitivity; facts?: string[] }>) {
      if (!ok(item)) continue;
      if (item.facts && !factsOk(item.facts)) continue;
      (out[kind] as Map<string, unknown>).set(id, item);
    }
  }
  // A source that only hidden items cite is hidden too: naming the document behind an
  // internal fact (its title, its id) tells a reader what that fact is about.
  const lowest = lowestCiters(fb);
  for (const id of [...out.sources.keys()]) if ((lowest.get(id) ?? -1) > rank(max)) out.sources.delete(id);
  shareWhole(fb, out);
  return out;
}

/**
 * A level that keeps every source (or entity) gets the fact base's own map, the same items
 * in the same order: provenance, which reads only these two, is then computed once for the
 * fact base and that level (provenance.ts keys it by them). Not for a view whose maps are
 * not plain (watch's tracked view: reading through it records what a render read).
 */
function shareWhole(fb: FactBase, out: FactBase): void {
  if (out.sources.size === fb.sources.size && fb.sources.constructor === Map) out.sources = fb.sources;
  if (out.entities.size === fb.entities.size && fb.entities.constructor === Map) out.entities = fb.entities;
}

const citerRanks = new WeakMap<FactBase, Map<string, number>>();

/**
 * For each source cited (or named as an origin), the lowest level at which an item citing
 * it is visible — an item resting on facts is as hidden as the most hidden of them.
 * Computed once per fact base: every audience's selection asks.
 */
function lowestCiters(fb: FactBase): Map<string, number> {
  const cached = citerRanks.get(fb);
  if (cached) return cached;
  const lowest = new Map<string, number>();
  const note = (id: string | undefined, r: number) => {
    if (id !== undefined) lowest.set(id, Math.min(lowest.get(id) ?? Number.POSITIVE_INFINITY, r));
  };
  const cite = (cites: readonly Citation[], r: number) => {
    for (const c of cites) {
      note(c.source, r);
      note(c.origin, r);
    }
  };
  const factRank = (id: string) => {
    const f = fb.facts.get(id);
    return f ? rank(f.sensitivity) : Number.POSITIVE_INFINITY;
  };
  for (const f of fb.facts.values()) {
    note(f.origin, rank(f.sensitivity));
    cite(factCitations(f), rank(f.sensitivity));
  }
  for (const kind of ['entities', 'events', 'glossary'] as const) {
    for (const item of fb[kind].values()) {
      const rests = 'facts' in item ? item.facts.map(factRank) : [];
      cite(item.sources, Math.max(rank(item.sensitivity), ...rests));
    }
  }
  citerRanks.set(fb, lowest);
  return lowest;
}

/** Ids of facts the audience must never see, with their statements, for the post-render check. */
export function excludedFacts(fb: FactBase, max: Sensitivity): { id: string; texts: string[] }[] {
  const ok = visibleTo(max);
  return [...fb.facts.values()]
    .filter((f) => !ok(f))
    .map((f) => ({ id: f.id, texts: [f.statement, ...f.variants.map((v) => v.statement)] }));
}
