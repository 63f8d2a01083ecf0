// Rules about where facts come from (provenance.ts): the origins, credited parties and
// claimants a fact names must exist; no item may rest on a source (or name a party) more
// sensitive than itself, or a packet that may show the item would show them; and a fact
// with a single origin that names no claimant is flagged for hedging.
import { nearest } from '../util/closest.js';
import { hasTwoOrigins } from './corroboration.js';
import type { FactBase } from './factbase.js';
import { type Kind, type Sensitivity, SINGULAR } from './kinds.js';
import { provenance, resolveParty } from './provenance.js';
import { checkRef, type Rule, type RuleContext } from './rule-context.js';
import type { Citation } from './schema.js';
import { rank } from './select.js';

type Sub = readonly (string | number)[];

const ID = /^[a-z0-9][a-z0-9._-]*$/;

/** A party is an entity id, or an outlet's name as written ("Reuters"); an id-shaped one must exist. */
function checkParty(ctx: RuleContext, kind: Kind, id: string, sub: Sub, ref: string): void {
  if (!ID.test(ref) || resolveParty(ctx.fb, ref)) return;
  const near = nearest(ref, ctx.fb.entities.keys());
  ctx.error(
    kind,
    id,
    sub,
    `unknown entity "${ref}"`,
    `${near.length ? `did you mean ${near.map((n) => `"${n}"`).join(' or ')}? ` : ''}name an entity id, or an outlet by its name as written ("Reuters")`,
  );
}

const references: Rule = (ctx) => {
  const cites = (kind: Kind, id: string, sub: Sub, list: readonly Citation[]) =>
    list.forEach((c, i) => {
      if (c.origin) checkRef(ctx, kind, id, [...sub, i, 'origin'], 'sources', c.origin);
      c.per?.forEach((p, j) => checkParty(ctx, kind, id, [...sub, i, 'per', j], p));
    });
  for (const [id, f] of ctx.fb.facts) {
    if (f.claimant) checkRef(ctx, 'facts', id, ['claimant'], 'entities', f.claimant);
    if (f.origin) checkRef(ctx, 'facts', id, ['origin'], 'sources', f.origin);
    cites('facts', id, ['sources'], f.sources);
    f.variants.forEach((v, i) => cites('facts', id, ['variants', i, 'sources'], v.sources));
  }
  for (const kind of ['entities', 'events', 'glossary'] as const)
    for (const [id, item] of ctx.fb[kind]) cites(kind, id, ['sources'], item.sources);
  for (const [id, s] of ctx.fb.sources) {
    s.via.forEach((p, j) => checkParty(ctx, 'sources', id, ['via', j], p));
    s.relays?.forEach((r, j) => checkRef(ctx, 'sources', id, ['relays', j], 'sources', r));
  }
};

/** Each item's own level against what it names: sources, origins, credited parties, its claimant. */
const sensitivity: Rule = (ctx) => {
  const { fb } = ctx;
  const check = (kind: Kind, id: string, level: Sensitivity, sub: Sub, what: 'source' | 'entity', ref: string | undefined) => {
    const target = ref === undefined ? undefined : what === 'source' ? fb.sources.get(ref) : resolvedEntity(fb, ref);
    if (!target || rank(target.sensitivity) <= rank(level)) return;
    const noun = SINGULAR[kind];
    ctx.error(
      kind,
      id,
      sub,
      `${level} ${noun} "${id}" names ${target.sensitivity} ${what} "${target.id}"`,
      `a packet that may show this ${noun} may not show the ${what}: make the ${noun} ${target.sensitivity}, name a ${level} ${what} instead, or lower the ${what}'s sensitivity if it may be shown`,
    );
  };
  const cites = (kind: Kind, id: string, level: Sensitivity, sub: Sub, list: readonly Citation[]) =>
    list.forEach((c, i) => {
      check(kind, id, level, [...sub, i, 'source'], 'source', c.source);
      check(kind, id, level, [...sub, i, 'origin'], 'source', c.origin);
      c.per?.forEach((p, j) => check(kind, id, level, [...sub, i, 'per', j], 'entity', p));
    });
  for (const [id, f] of fb.facts) {
    check('facts', id, f.sensitivity, ['claimant'], 'entity', f.claimant);
    check('facts', id, f.sensitivity, ['origin'], 'source', f.origin);
    cites('facts', id, f.sensitivity, ['sources'], f.sources);
    f.variants.forEach((v, i) => cites('facts', id, f.sensitivity, ['variants', i, 'sources'], v.sources));
  }
  for (const kind of ['entities', 'events', 'glossary'] as const)
    for (const [id, item] of fb[kind]) cites(kind, id, item.sensitivity, ['sources'], item.sources);
  for (const [id, s] of fb.sources) s.via.forEach((p, j) => check('sources', id, s.sensitivity, ['via', j], 'entity', p));
};

function resolvedEntity(fb: FactBase, ref: string) {
  const id = resolveParty(fb, ref)?.id;
  return id === undefined ? undefined : fb.entities.get(id);
}

/** One origin and no claimant: nothing tells a reader whose word it is. */
const corroborated: Rule = (ctx) => {
  if (!ctx.warns) return;
  for (const [id, f] of ctx.fb.facts) {
    if (f.claimant || hasTwoOrigins(ctx.fb, f)) continue;
    // Not kept (provenanceOf): held for the whole build, it raised a 50,000-fact build's
    // live heap by ~50 MB when V8 sizes the heap's next limit (a multiple of what is live).
    const p = provenance(ctx.fb, f);
    const [origin] = p.origins;
    if (!origin || !p.singleSource) continue;
    const what = origin.self
      ? `its one document ("${origin.id}")`
      : `one origin (${origin.kind === 'source' ? `source "${origin.id}"` : origin.name}) in ${p.documents.length} document${p.documents.length === 1 ? '' : 's'}`;
    ctx.warn(
      'facts',
      id,
      [],
      `fact "${id}" rests on a single source: ${what}`,
      'find an independent source, or name who makes the claim (`claimant:`) so packets attribute it; templates flag single-source facts',
      'single-source',
    );
  }
};

export const PROVENANCE_RULES: Rule[] = [references, sensitivity, corroborated];
