// The single-source rule's question, answered without building a provenance: most facts of
// a large base have two distinct origins among their first citations, and building every
// fact's provenance (parties, outlets, sorted origins) was most of loading 10,000 facts.
// The origins are those of provenance.ts's citedDocument, key for key
// (corroboration.test.ts compares the two on every fact of the shipped and generated bases).
import type { FactBase } from './factbase.js';
import { resolveParty } from './parties.js';
import { publisherOutlet } from './provenance.js';
import type { Citation, Fact } from './schema.js';

/**
 * Whether the fact's citations have two or more distinct origins (what
 * `provenance(fb, f).singleSource` denies), found without building the provenance: the
 * single-source rule asks it of every fact, and most facts of a large base have two at
 * their first citations. The origins are citedDocument's, key for key.
 */
export function hasTwoOrigins(fb: FactBase, f: Fact): boolean {
  let first: string | undefined;
  const another = (key: string): boolean => {
    if (first === undefined) first = key;
    return key !== first;
  };
  for (const c of f.sources) if (originKeys(fb, c, f.origin, another)) return true;
  for (const v of f.variants) for (const c of v.sources) if (originKeys(fb, c, f.origin, another)) return true;
  return false;
}

/** Each origin key of citedDocument(fb, c, factOrigin) to `each`, until it returns true (then true). */
function originKeys(fb: FactBase, c: Citation, factOrigin: string | undefined, each: (key: string) => boolean): boolean {
  const source = fb.sources.get(c.source);
  if (!source) return false;
  const relayed = c.origin ?? factOrigin;
  if (relayed !== undefined) return fb.sources.has(relayed) && each(`source:${relayed}`);
  let credited = false;
  for (const ref of c.per ?? (source.relays === undefined ? source.via : [])) {
    const key = partyKey(fb, ref);
    if (key === undefined) continue;
    credited = true;
    if (each(`party:${key}`)) return true;
  }
  if (credited) return false;
  const publisher = publisherOutlet(fb, source);
  return each(publisher ? `party:${publisher.key}` : `source:${c.source}`);
}

/** The party's key, as citedDocument credits it (parties.ts shares one party per reference). */
function partyKey(fb: FactBase, ref: string): string | undefined {
  return resolveParty(fb, ref)?.key;
}
