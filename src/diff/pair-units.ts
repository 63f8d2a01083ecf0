// Pairs the content two sides share, so a diff parses only what differs: whole files
// with the same bytes first, then, in the files left, items with the same text.
import type { SourceFile } from '../facts/parse-file.js';
import { gitBlobId } from './git-objects.js';
import { fileItems, type ItemText } from './units.js';

export interface SideFile extends SourceFile {
  /** The git blob id of its bytes: given for a file read from a revision, computed for one read from disk beside a revision. */
  oid?: string;
}

export interface Unit {
  key: string;
  file: SideFile;
  /** Set for one item cut from a file; unset for a whole file. */
  item?: ItemText;
}

/** Pairs identical files, then identical items of the remaining files, across the sides. */
export function pairUnits(filesA: readonly SideFile[], filesB: readonly SideFile[], split: boolean) {
  const shared: Unit[] = [];
  const fileKey = fileKeys([...filesA, ...filesB]);
  const poolB = pool(filesB.map((file) => ({ key: fileKey(file), file })));
  const restA: Unit[] = [];
  for (const file of filesA) {
    const u: Unit = { key: fileKey(file), file };
    if (poolB.take(u.key)) shared.push(u);
    else restA.push(u);
  }
  const unitsA = restA.flatMap((u) => splitUnit(u, split));
  const unitsB = poolB.rest().flatMap((u) => splitUnit(u, split));
  const { pairs, restA: leftA, restB: leftB } = pairInOrder(unitsA, unitsB);
  const paired = new Set(pairs);
  // Items are keyed by their text alone, one map per section: a key made of section and
  // text would be a new string to build and hash for every item.
  const bySection = new Map<string, Map<string, Unit[]>>();
  // The lists in the order they were made: what is left in them is ownB, in that order.
  const lists: Unit[][] = [];
  const keyOf = (u: Unit) => u.item ?? { section: '', text: u.key };
  for (const u of leftB) {
    const { section, text } = keyOf(u);
    let texts = bySection.get(section);
    if (!texts) {
      texts = new Map();
      bySection.set(section, texts);
    }
    const list = texts.get(text);
    if (list) list.push(u);
    else {
      const fresh = [u];
      texts.set(text, fresh);
      lists.push(fresh);
    }
  }
  const ownA: Unit[] = [];
  for (const u of leftA) {
    const { section, text } = keyOf(u);
    if (bySection.get(section)?.get(text)?.pop()) paired.add(u);
    else ownA.push(u);
  }
  // In a's order, as each was paired before.
  for (const u of unitsA) if (paired.has(u)) shared.push(u);
  return { shared, ownA, ownB: lists.flat() };
}

/**
 * Pairs the items that stand in the same order on both sides (nearly all of them, when a
 * few items were edited, added or removed) by comparing each with the one across from it,
 * so only the rest need a map, and hashing, to meet. An item whose text is in the map
 * was not paired here, so its equal on the other side was not paired either unless the
 * same text stands twice on a side: its id then is defined twice, which the load
 * reports on whole files whatever was paired with what.
 */
function pairInOrder(a: readonly Unit[], b: readonly Unit[]): { pairs: Unit[]; restA: Unit[]; restB: Unit[] } {
  const same = (x: Unit | undefined, y: Unit | undefined) =>
    x?.item !== undefined && y?.item !== undefined && x.item.section === y.item.section && x.item.text === y.item.text;
  const pairs: Unit[] = [];
  const restA: Unit[] = [];
  const restB: Unit[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (same(a[i], b[j])) {
      pairs.push(a[i++] as Unit);
      j++;
    } else if (same(a[i], b[j + 1])) {
      restB.push(b[j++] as Unit); // added on b's side
    } else if (same(a[i + 1], b[j])) {
      restA.push(a[i++] as Unit); // removed from a's side
    } else {
      restA.push(a[i++] as Unit);
      restB.push(b[j++] as Unit);
    }
  }
  while (i < a.length) restA.push(a[i++] as Unit);
  while (j < b.length) restB.push(b[j++] as Unit);
  return { pairs, restA, restB };
}

/**
 * What identifies a whole file's bytes: its git blob id, known for a file read from a
 * revision and computed (as git would) for one read from disk, so a file unchanged
 * since a revision pairs with it without hashing the revision's side. A file left unread
 * (too large, refused) has no bytes to compare: never the same as another.
 */
function fileKeys(files: readonly SideFile[]): (f: SideFile) => string {
  const oidLength = files.find((f) => f.oid)?.oid?.length;
  return (f) => (f.size !== undefined || f.refused ? `unread:${f.path}` : `file:${f.oid ?? gitBlobId(f.bytes, oidLength)}`);
}

function pool<T extends { key: string }>(units: readonly T[]) {
  const byKey = new Map<string, T[]>();
  for (const u of units) {
    const list = byKey.get(u.key);
    if (list) list.push(u);
    else byKey.set(u.key, [u]);
  }
  return {
    take: (key: string) => byKey.get(key)?.pop(),
    rest: () => [...byKey.values()].flat(),
  };
}

function splitUnit(u: Unit, split: boolean): Unit[] {
  if (!split || u.file.size !== undefined || u.file.refused) return [u];
  const items = fileItems(u.file.bytes);
  if (!items) return [u];
  return items.map((item) => ({ key: '', file: u.file, item }));
}
