// Where a fact comes from, computed in one place, so the footnotes, the sources appendix,
// the single-source flags, hedged wording, `list facts --json` and `validate` cannot
// disagree. Three different things (docs/fact-format.md, "Provenance"):
// - documents: the sources a fact cites — what we hold;
// - origins: where the claim comes from — the source a citation relays (`origin`: a
//   letter, a statement, an official act), else the parties the document credits for it,
//   else the document's own account. Five reports retelling one letter are one origin;
//   corroboration is the number of distinct origins;
// - outlets: the news organisations standing behind the documents for this claim — the
//   citation's `per`, else the source's `via` (limited by `relays`), and the document's
//   publisher when that is a news outlet. A forum or an aggregator is not an outlet, and a
//   report that names none is nobody's confirmation.
import { type FactBase, factCitations } from './factbase.js';
import { type Party, parties, resolveParty } from './parties.js';
import type { Citation, Fact, Source, Variant } from './schema.js';

export { type Party, resolveParty };

export interface ClaimOrigin {
  /** `source:<id>` or `party:<key>`: two citations with one key share an origin. */
  key: string;
  /** A source (relayed, or the document itself) or a credited party. */
  kind: 'source' | 'party';
  /** The source id or the party's key. */
  id: string;
  /** The source's title or the party's name. */
  name: string;
  /** The cited document's own account: it relays no one. */
  self: boolean;
}

export interface CitedDocument {
  source: string;
  origins: ClaimOrigin[];
  /** Who the document credits for this claim (outlets and others). */
  credits: Party[];
  /** The news outlet that published the document, which stands behind all of it. */
  publisher?: Party;
}

export interface Provenance {
  claimant?: Party;
  /** Source ids cited, in the fact base's order of sources (as the appendix numbers them). */
  documents: string[];
  /** Distinct origins: sources in the fact base's order, then parties by name. */
  origins: ClaimOrigin[];
  /** Distinct news outlets behind the documents for this claim, by name. */
  outlets: Party[];
  /** Documents that name no outlet behind this claim (neither a publisher nor one they credit). */
  unattributed: string[];
  /** The number of independent origins. */
  corroboration: number;
  /** One origin (or none): nothing independent confirms it. */
  singleSource: boolean;
  citations: CitedDocument[];
}

/**
 * What one citation contributes. Whom it credits: `per`, else the source's `via` — for
 * every claim, or, when the source says which origins it `relays`, only for those. Its
 * origin: the source it relays (`origin`, on the citation or the fact), else whom it
 * credits (two reports repeating Reuters are one origin), else the outlet that published
 * it, else the document itself. A publisher that is a news outlet stands behind it all.
 */
export function citedDocument(fb: FactBase, c: Citation, factOrigin: string | undefined): CitedDocument | undefined {
  const source = fb.sources.get(c.source);
  if (!source) return undefined;
  const relayed = c.origin ?? factOrigin;
  const viaApplies = source.relays === undefined || (relayed !== undefined && source.relays.includes(relayed));
  const credits = parties(fb, c.per ?? (viaApplies ? source.via : []));
  const publisher = publisherOutlet(fb, source);
  const sourceOrigin = (id: string): ClaimOrigin[] => {
    const origin = sourceOrigins(fb, id)?.[id === c.source ? 1 : 0];
    return origin ? [origin] : [];
  };
  const partyOrigins = (ps: Party[]): ClaimOrigin[] => ps.map(partyOrigin);
  let origins: ClaimOrigin[];
  if (relayed !== undefined) origins = sourceOrigin(relayed);
  else if (credits.length > 0) origins = partyOrigins(credits);
  else if (publisher) origins = partyOrigins([publisher]);
  else origins = sourceOrigin(c.source);
  return { source: c.source, origins, credits, publisher };
}

// Origins are values (read-only), made once each and shared by every citation that names them.
const bySource = new WeakMap<Map<string, Source>, Map<string, [ClaimOrigin, ClaimOrigin]>>();
const byParty = new WeakMap<Party, ClaimOrigin>();

/** A source as an origin, relayed by a document (0) or the document's own account (1); undefined for none. */
function sourceOrigins(fb: FactBase, id: string): [ClaimOrigin, ClaimOrigin] | undefined {
  let known = bySource.get(fb.sources);
  if (!known) {
    known = new Map();
    bySource.set(fb.sources, known);
  }
  let pair = known.get(id);
  if (!pair) {
    const s = fb.sources.get(id);
    if (!s) return undefined;
    const origin = { key: `source:${id}`, kind: 'source', id, name: s.title } as const;
    pair = [
      { ...origin, self: false },
      { ...origin, self: true },
    ];
    known.set(id, pair);
  }
  return pair;
}

function partyOrigin(p: Party): ClaimOrigin {
  let origin = byParty.get(p);
  if (!origin) {
    origin = { key: `party:${p.key}`, kind: 'party', id: p.key, name: p.name, self: false };
    byParty.set(p, origin);
  }
  return origin;
}

/** A source's publisher when it is a news outlet: an entity of kind outlet, or a news report's named publisher. */
export function publisherOutlet(fb: FactBase, source: Source): Party | undefined {
  if (!source.publisher) return undefined;
  const p = resolveParty(fb, source.publisher);
  if (!p) return undefined;
  if (p.id !== undefined) return p.outlet ? p : undefined;
  return source.kind === 'news' ? p : undefined;
}

const memo = new WeakMap<FactBase['sources'], WeakMap<FactBase['entities'], Map<Fact | Variant, Provenance>>>();

/**
 * `provenance`, computed once per fact base: every footnote, appendix row and flag of a
 * packet asks for the same facts, and audiences of one level share a fact base. Keyed by
 * the two maps it reads, so a selection that keeps them whole (select.ts) shares the fact
 * base's (and the caches of sources' order and entities' names, keyed the same way).
 */
export function provenanceOf(fb: FactBase, f: Fact, variant?: Variant): Provenance {
  let byEntities = memo.get(fb.sources);
  if (!byEntities) {
    byEntities = new WeakMap();
    memo.set(fb.sources, byEntities);
  }
  let byItem = byEntities.get(fb.entities);
  if (!byItem) {
    byItem = new Map();
    byEntities.set(fb.entities, byItem);
  }
  let p = byItem.get(variant ?? f);
  if (!p) {
    p = provenance(fb, f, variant);
    byItem.set(variant ?? f, p);
  }
  return p;
}

/** The provenance of a fact (all its citations), or of one of its variants. */
export function provenance(fb: FactBase, f: Fact, variant?: Variant): Provenance {
  const cites = variant ? variant.sources : factCitations(f);
  return summarise(
    fb,
    cites.map((c) => citedDocument(fb, c, f.origin)).filter((d): d is CitedDocument => d !== undefined),
    f.claimant,
  );
}

/** The provenance of an item's own citations (an event's), or else of the facts it rests on. */
export function itemProvenance(fb: FactBase, cites: readonly Citation[], facts: readonly Fact[] = []): Provenance {
  const pairs: [Citation, string | undefined][] =
    cites.length > 0
      ? cites.map((c) => [c, undefined])
      : facts.flatMap((f) => factCitations(f).map((c): [Citation, string | undefined] => [c, f.origin]));
  return summarise(
    fb,
    pairs.map(([c, origin]) => citedDocument(fb, c, origin)).filter((d): d is CitedDocument => d !== undefined),
    undefined,
  );
}

function summarise(fb: FactBase, citations: CitedDocument[], claimant: string | undefined): Provenance {
  const order = sourceOrder(fb);
  const documents = [...new Set(citations.map((c) => c.source))].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  const origins = new Map<string, ClaimOrigin>();
  const outlets = new Map<string, Party>();
  const credited = new Set<string>();
  for (const c of citations) {
    for (const o of c.origins) if (!origins.has(o.key)) origins.set(o.key, o);
    for (const p of [...c.credits, ...(c.publisher ? [c.publisher] : [])]) {
      if (!p.outlet) continue;
      outlets.set(p.key, p);
      credited.add(c.source);
    }
  }
  const corroboration = origins.size;
  return {
    claimant: claimant ? resolveParty(fb, claimant) : undefined,
    documents,
    origins: [...origins.values()].sort((a, b) => rankOf(a, order) - rankOf(b, order) || compareNames(a.name, b.name)),
    outlets: [...outlets.values()].sort((a, b) => compareNames(a.name, b.name)),
    unattributed: documents.filter((d) => !credited.has(d)),
    corroboration,
    singleSource: corroboration <= 1,
    citations,
  };
}

const orders = new WeakMap<Map<string, Source>, Map<string, number>>();

/** Each source's place in the fact base, computed once per fact base (every fact's provenance sorts by it). */
function sourceOrder(fb: FactBase): Map<string, number> {
  let order = orders.get(fb.sources);
  if (!order) {
    order = new Map([...fb.sources.keys()].map((id, i) => [id, i]));
    orders.set(fb.sources, order);
  }
  return order;
}

/** Names in code-point order, case aside: the same on every machine, and fast (no locale lookups). */
function compareNames(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Sources first, in the fact base's order; parties after them. */
function rankOf(o: ClaimOrigin, order: ReadonlyMap<string, number>): number {
  return (o.kind === 'source' ? order.get(o.id) : undefined) ?? order.size;
}
