// Whom a document credits, or a fact's claimant: an entity (by id, else by name) or an
// outlet known only by name. Resolved once per reference and entities map, and shared:
// every citation of every fact asks, and each fact's provenance keeps what it gets.
import type { FactBase } from './factbase.js';
import type { Entity } from './schema.js';

/** Someone a document credits, or a fact's claimant: an entity, or an outlet known only by name. */
export interface Party {
  key: string;
  /** The entity id; undefined for a name that is no entity. */
  id?: string;
  name: string;
  /** How a sentence names it ("the Financial Times"). */
  called: string;
  /** The entity's kind; undefined for a name. */
  kind?: string;
  /** A news organisation: an entity of kind `outlet`, or a name that is no entity. */
  outlet: boolean;
}

const ID = /^[a-z0-9][a-z0-9._-]*$/;
const byName = new WeakMap<Map<string, Entity>, Map<string, Entity>>();

const resolved = new WeakMap<Map<string, Entity>, Map<string, Party | undefined>>();

/**
 * An entity by id, else by name (case-insensitive); a name that is neither is an outlet's
 * name. One Party per reference and entities map: every citation of every fact asks, and
 * the provenance kept for each fact holds what it gets (read-only, so shared).
 */
export function resolveParty(fb: FactBase, ref: string): Party | undefined {
  let known = resolved.get(fb.entities);
  if (!known) {
    known = new Map();
    resolved.set(fb.entities, known);
  }
  if (known.has(ref)) return known.get(ref);
  const party = findParty(fb, ref);
  known.set(ref, party);
  return party;
}

function findParty(fb: FactBase, ref: string): Party | undefined {
  let e = fb.entities.get(ref);
  if (!e) {
    let names = byName.get(fb.entities);
    if (!names) {
      names = new Map();
      for (const x of fb.entities.values()) if (!names.has(x.name.toLowerCase())) names.set(x.name.toLowerCase(), x);
      byName.set(fb.entities, names);
    }
    e = names.get(ref.toLowerCase());
  }
  if (e) return { key: e.id, id: e.id, name: e.name, called: e.called ?? e.name, kind: e.kind, outlet: e.kind === 'outlet' };
  // An id-shaped reference that resolves to nothing is unknown or hidden from this
  // audience (validate reports unknown ones): never print it.
  if (ID.test(ref)) return undefined;
  return { key: `name:${ref.toLowerCase()}`, name: ref, called: ref, outlet: true };
}

export function parties(fb: FactBase, refs: readonly string[]): Party[] {
  return refs.map((r) => resolveParty(fb, r)).filter((p): p is Party => p !== undefined);
}
