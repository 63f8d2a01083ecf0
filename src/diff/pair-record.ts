// What a diff of two revisions loaded, kept between runs (util/disk-cache.ts), so the
// same diff again reads no fact file from git. The pair a diff of two revisions loads
// without an audience is a function of the blobs both list (each path's blob id) and of
// the code that reads them: the changed items, parsed, and whatever the duplicate check
// loaded of the content both sides share. The record keeps those items, by kind and id;
// the next diff of the same two listings compares them again instead of reading,
// decoding, splitting and pairing 11 MB of blobs (at 10,000 facts) and parsing what
// changed. A load that fails (a duplicate id, a file that does not parse) keeps nothing,
// so the next one reads and reports as before, with its located errors. Items whose JSON
// would not give them back exactly (parse-cache.ts) are not kept either.
//
// Keyed by every path and blob id of both listings, the code that reads, pairs and
// parses them (scripts/bundle.mjs injects its hash, as for the parse cache) and node's
// version. Run from source (tests) there is no such hash: records then last one process.
import { randomBytes } from 'node:crypto';
import { emptyFactBase, type FactBase } from '../facts/factbase.js';
import { KINDS, type Kind } from '../facts/kinds.js';
import { isFactFile } from '../facts/load.js';
import { exactJson } from '../facts/parse-cache.js';
import { hashOf, lookup, store } from '../util/disk-cache.js';
import type { GitBlob } from './git-objects.js';
import type { Items } from './items.js';
import { loadPair, type Pair } from './load-pair.js';
import { type Repo, readSidesUnless, type SideContext, type SideSpec } from './sides.js';

declare const __BRIEFBOOK_PAIR_CODE__: string | undefined;

const CODE =
  typeof __BRIEFBOOK_PAIR_CODE__ === 'string' ? __BRIEFBOOK_PAIR_CODE__ : `unbundled-${process.pid}-${randomBytes(8).toString('hex')}`;

/** One side's items in the order loaded: kind, id, the item. */
type Row = [kind: Kind, id: string, item: unknown];

/**
 * The pair of two sides without an audience (what `diff` compares): from the record of
 * the same two listings when there is one, else read and loaded as before, and recorded.
 * Sides other than two revisions are read and loaded as before.
 */
export async function loadRecordedPair(specs: readonly [SideSpec, SideSpec], ctx: SideContext, repo: Repo): Promise<Pair> {
  let key: string | undefined;
  let pair: Pair | undefined;
  const sides = await readSidesUnless(specs, ctx, repo, (listed) => {
    key = listingKey(listed);
    pair = fromRecord(lookup('pair', key));
    return pair !== undefined;
  });
  if (!sides) return pair as Pair;
  const recordAs = key;
  const loaded = recordAs === undefined ? undefined : (from: Items, to: Items) => record(recordAs, from, to);
  return loadPair(sides[0], sides[1], { loaded });
}

/** The key of two listings: their fact files' paths and blob ids, in order. */
export function listingKey(listed: readonly GitBlob[][]): string {
  const parts: string[] = [CODE, process.version];
  for (const blobs of listed) {
    const files = blobs.filter((b) => isFactFile(b.path));
    parts.push(String(files.length));
    for (const b of files) parts.push(b.path, b.oid);
  }
  return hashOf(...parts);
}

/**
 * How many items a record keeps at most: a diff touching more parses and prints so much
 * that reading the blobs again is a small part of it, and its record would be nearly
 * the fact base twice over, written at every such diff.
 */
const MAX_ITEMS = 5000;

function record(key: string, from: Items, to: Items): void {
  const count = (items: Items) => KINDS.reduce((n, kind) => n + items.maps[kind].size, 0);
  if (count(from) + count(to) > MAX_ITEMS) return;
  const rows = (items: Items): Row[] => KINDS.flatMap((kind) => [...items.maps[kind]].map(([id, item]): Row => [kind, id, item]));
  const json = exactJson({ a: rows(from), b: rows(to) });
  if (json !== undefined) store('pair', key, json);
}

function fromRecord(json: string | undefined): Pair | undefined {
  if (json === undefined) return undefined;
  try {
    const data = JSON.parse(json) as { a?: unknown; b?: unknown } | null;
    const from = factBase(data?.a);
    const to = factBase(data?.b);
    return from && to ? { from, to } : undefined;
  } catch {
    return undefined;
  }
}

function factBase(rows: unknown): FactBase | undefined {
  if (!Array.isArray(rows)) return undefined;
  const fb = emptyFactBase();
  const maps = fb as unknown as Record<Kind, Map<string, unknown>>;
  for (const row of rows) {
    if (!Array.isArray(row) || row.length !== 3 || !KINDS.includes(row[0]) || typeof row[1] !== 'string') return undefined;
    maps[row[0] as Kind].set(row[1], row[2]);
  }
  return fb;
}
