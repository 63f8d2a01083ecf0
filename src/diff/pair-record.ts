// What a diff of two revisions was made of, kept between runs (util/disk-cache.ts), so the
// same diff again reads no fact file from git. A diff of two revisions is a function of
// the blobs both list (each path's blob id) and of the code: when its load found the
// pair in the changed items alone (cut into items, none of their ids looking defined in
// the content both sides share, no duplicate; load-pair.ts `ownOnly`), the record keeps
// those items' text, and the next diff of the same listings parses them again (through
// the parse cache) instead of reading, decoding, splitting and pairing 11 MB of blobs at
// 10,000 facts. Any other load (an audience, a duplicate, a file that does not split or
// parse) keeps no record, so its reading and its located errors are as before.
//
// Keyed by every blob id and path of both listings, the code that pairs and parses
// (scripts/bundle.mjs injects its hash, as for the parse cache) and node's version. Run
// from source (tests) there is no such hash: records then last one process.
import { randomBytes } from 'node:crypto';
import { isFactFile } from '../facts/load.js';
import { hashOf, lookup, store } from '../util/disk-cache.js';
import type { GitBlob } from './git-objects.js';
import { loadOwnItems, loadPair, type Pair } from './load-pair.js';
import type { Unit } from './pair-units.js';
import { type Repo, readSidesUnless, type SideContext, type SideSpec } from './sides.js';

declare const __BRIEFBOOK_PAIR_CODE__: string | undefined;

const CODE =
  typeof __BRIEFBOOK_PAIR_CODE__ === 'string' ? __BRIEFBOOK_PAIR_CODE__ : `unbundled-${process.pid}-${randomBytes(8).toString('hex')}`;

/** One changed item: the path of its file in the listing, its section, line and text. */
type Row = [path: string, section: string, line: number, text: string];

interface PairRecord {
  a: Row[];
  b: Row[];
}

/**
 * The pair of two sides without an audience (what `diff` compares): from a record of the
 * same two listings when there is one, else read and loaded as before, and recorded when
 * the load allows. Sides other than two revisions are read and loaded as before.
 */
export async function loadRecordedPair(specs: readonly [SideSpec, SideSpec], ctx: SideContext, repo: Repo): Promise<Pair> {
  let key: string | undefined;
  let pair: Pair | undefined;
  const sides = await readSidesUnless(specs, ctx, repo, (listed) => {
    key = listingKey(listed);
    const record = key === undefined ? undefined : readRecord(lookup('pair', key));
    pair = record && loadOwnItems(units(record.a, specs[0].label), units(record.b, specs[1].label));
    return pair !== undefined;
  });
  if (!sides) return pair as Pair;
  const recordAs = key;
  const ownOnly = recordAs === undefined ? undefined : (a: readonly Unit[], b: readonly Unit[]) => writeRecord(recordAs, a, b, specs);
  return loadPair(sides[0], sides[1], { ownOnly });
}

/** The key of two listings: their fact files' paths and blob ids, in order. */
export function listingKey(listed: readonly GitBlob[][]): string | undefined {
  const parts: string[] = [CODE, process.version];
  for (const blobs of listed) {
    const files = blobs.filter((b) => isFactFile(b.path));
    parts.push(String(files.length));
    for (const b of files) parts.push(b.path, b.oid);
  }
  return hashOf(...parts);
}

function units(rows: readonly Row[], label: string): Unit[] {
  // Bytes are never read from an item unit: it is parsed from its own text.
  return rows.map(([path, section, line, text]) => ({
    key: '',
    file: { path: `${label}:${path}`, bytes: new Uint8Array() },
    item: { section, text, line },
  }));
}

function writeRecord(key: string, a: readonly Unit[], b: readonly Unit[], specs: readonly [SideSpec, SideSpec]): void {
  const rows = (list: readonly Unit[], label: string): Row[] | undefined => {
    const out: Row[] = [];
    for (const u of list) {
      // Display paths are `LABEL:path`; the record keeps the path, the label is this run's.
      if (!u.item || !u.file.path.startsWith(`${label}:`)) return undefined;
      out.push([u.file.path.slice(label.length + 1), u.item.section, u.item.line, u.item.text]);
    }
    return out;
  };
  const ra = rows(a, specs[0].label);
  const rb = rows(b, specs[1].label);
  if (ra && rb) store('pair', key, JSON.stringify({ a: ra, b: rb }));
}

function readRecord(json: string | undefined): PairRecord | undefined {
  if (json === undefined) return undefined;
  try {
    const data = JSON.parse(json) as Partial<PairRecord> | null;
    return data && isRows(data.a) && isRows(data.b) ? (data as PairRecord) : undefined;
  } catch {
    return undefined;
  }
}

function isRows(rows: unknown): rows is Row[] {
  return (
    Array.isArray(rows) &&
    rows.every(
      (r) =>
        Array.isArray(r) &&
        r.length === 4 &&
        typeof r[0] === 'string' &&
        typeof r[1] === 'string' &&
        Number.isInteger(r[2]) &&
        typeof r[3] === 'string',
    )
  );
}
