// What one audience may see. This is the leak guard's first half: everything above the
// audience's sensitivity is removed before any template runs, together with every item
// that rests on a removed fact (a public question whose answer cites an internal fact
// would leak it) and every source only removed items cite.
import { emptyFactBase, type FactBase, factCitations } from './factbase.js';
import { KINDS, SENSITIVITIES, type Sensitivity } from './kinds.js';
import type { Citation } from './schema.js';

export const rank = (s: Sensitivity) => SENSITIVITIES.indexOf(s);

export function visibleTo(max: Sensitivity) {
  return (item: { sensitivity: Sensitivity }) => rank(item.sensitivity) <= rank(max);
}

export function selectForAudience(fb: FactBase, max: Sensitivity): FactBase {
  const ok = visibleTo(max);
  const out = emptyFactBase();
  out.origins = fb.origins;
  out.generated = fb.generated;
  for (const [id, f] of fb.facts) if (ok(f)) out.facts.set(id, f);
  const factsOk = (ids: readonly string[]) => ids.every((id) => out.facts.has(id));
  for (const kind of KINDS) {
    if (kind === 'facts') continue;
    for (const [id, item] of fb[kind] as Map<string, { sensitivity?: Sensitivity; facts?: string[] }>) {
      if (item.sensitivity && !ok({ sensitivity: item.sensitivity })) continue;
      if (item.facts && !factsOk(item.facts)) continue;
      (out[kind] as Map<string, unknown>).set(id, item);
    }
  }
  // A source that only hidden items cite is hidden too: naming the document behind an
  // internal fact (its title, its id) tells a reader what that fact is about.
  const anywhere = citedSources(fb);
  const here = citedSources(out);
  for (const id of [...out.sources.keys()]) if (anywhere.has(id) && !here.has(id)) out.sources.delete(id);
  return out;
}

/** Ids of the sources the items of a fact base cite or name as an origin. */
function citedSources(fb: FactBase): Set<string> {
  const ids = new Set<string>();
  const add = (cites: readonly Citation[]) => {
    for (const c of cites) {
      ids.add(c.source);
      if (c.origin) ids.add(c.origin);
    }
  };
  for (const f of fb.facts.values()) {
    if (f.origin) ids.add(f.origin);
    add(factCitations(f));
  }
  for (const kind of ['entities', 'events', 'glossary'] as const) for (const item of fb[kind].values()) add(item.sources);
  return ids;
}

/** Ids of facts the audience must never see, with their statements, for the post-render check. */
export function excludedFacts(fb: FactBase, max: Sensitivity): { id: string; texts: string[] }[] {
  const ok = visibleTo(max);
  return [...fb.facts.values()]
    .filter((f) => !ok(f))
    .map((f) => ({ id: f.id, texts: [f.statement, ...f.variants.map((v) => v.statement)] }));
}
