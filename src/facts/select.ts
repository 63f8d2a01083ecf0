// What one audience may see. This is the leak guard's first half: everything above the
// audience's sensitivity (levels.ts: every kind, sources included once they carry one) is
// removed before any template runs, together with every item that rests on a removed
// fact (a public question whose answer cites an internal fact would leak it).
import { emptyFactBase, type FactBase } from './factbase.js';
import { KINDS, type Sensitivity } from './kinds.js';
import { above, levelOf } from './levels.js';

export { rank } from './levels.js';

export function visibleTo(max: Sensitivity) {
  return (item: { sensitivity?: Sensitivity }) => !above(levelOf(item), max);
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
      if (!ok(item)) continue;
      if (item.facts && !factsOk(item.facts)) continue;
      (out[kind] as Map<string, unknown>).set(id, item);
    }
  }
  return out;
}

/** Ids of facts the audience must never see, with their statements, for the post-render check. */
export function excludedFacts(fb: FactBase, max: Sensitivity): { id: string; texts: string[] }[] {
  const ok = visibleTo(max);
  return [...fb.facts.values()]
    .filter((f) => !ok(f))
    .map((f) => ({ id: f.id, texts: [f.statement, ...f.variants.map((v) => v.statement)] }));
}
