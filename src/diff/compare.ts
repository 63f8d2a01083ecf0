// The id-keyed, field-level comparison of two fact bases. Items are matched by
// (kind, id) whatever file they are in; parsed (schema-defaulted) values are compared,
// so reformatting, key order, moves between files and reordering are no change.
import { KINDS, type Kind } from '../facts/kinds.js';
import { type Canon, canonical, isKeyedList, isRow, keyedEntries, stableKey } from './canonical.js';
import { type Recheck, recheckOf } from './rechecks.js';

export interface FieldChange {
  /** e.g. `statement`, `value.number`, `sources[src.reuters].quote`, `variants[low]`, `tags`. */
  path: string;
  /** The old value; null when the field was absent. */
  from: Canon;
  /** The new value; null when the field is now absent. */
  to: Canon;
  /** For set-like lists (tags, entities, facts…): what was added and removed. */
  added?: Canon[];
  removed?: Canon[];
}

export interface ItemEntry {
  kind: Kind;
  id: string;
  /** The whole item, canonical (sets sorted, keyed lists sorted by key). */
  item: Canon;
}

export interface Renamed {
  kind: Kind;
  from: string;
  to: string;
}

export interface ChangedItem {
  kind: Kind;
  id: string;
  /** Status and sensitivity first, then the fields in schema order. */
  fields: FieldChange[];
  /** When check dates changed: the item's last check before and after (rechecks.ts); formats show it in their place. */
  rechecked?: Recheck;
}

export interface ItemChanges {
  added: ItemEntry[];
  removed: ItemEntry[];
  renamed: Renamed[];
  changed: ChangedItem[];
}

/** The id-keyed maps of a fact base; a FactBase is one. */
export type ItemMaps = { readonly [K in Kind]: ReadonlyMap<string, unknown> };

export interface CompareOptions {
  /** Only these kinds (default: all). */
  kinds?: readonly Kind[];
  /** Only items carrying this tag on either side. */
  tag?: string;
  /** Report an item that vanished while an identical one appeared under a new id as renamed (default true). */
  renames?: boolean;
  /** Ignore `note` fields (for audiences below internal). */
  redact?: boolean;
}

/** Fields whose change matters most to a reader: reported first. */
const CALLED_OUT = ['status', 'sensitivity'];

export function compareItems(from: ItemMaps, to: ItemMaps, opts: CompareOptions = {}): ItemChanges {
  const out: ItemChanges = { added: [], removed: [], renamed: [], changed: [] };
  const canon = (item: unknown) => canonical(item, { redact: opts.redact });
  const tagged = (item: unknown) => !opts.tag || (isRow(item) && Array.isArray(item.tags) && item.tags.includes(opts.tag));
  for (const kind of opts.kinds ?? KINDS) {
    const a = from[kind];
    const b = to[kind];
    const added: ItemEntry[] = [];
    const removed: ItemEntry[] = [];
    for (const [id, before] of a) {
      const after = b.get(id);
      if (after === undefined) {
        if (tagged(before)) removed.push({ kind, id, item: canon(before) });
        continue;
      }
      // Items from a file or item text that did not change are the very same object.
      if (after === before || !(tagged(before) || tagged(after))) continue;
      const x = canon(before);
      const y = canon(after);
      if (stableKey(x) === stableKey(y)) continue;
      const fields: FieldChange[] = [];
      diffValue(x, y, '', '', fields);
      const rechecked = recheckOf(x, y, fields);
      out.changed.push({ kind, id, fields: calledOutFirst(fields), ...(rechecked ? { rechecked } : {}) });
    }
    for (const [id, after] of b) if (!a.has(id) && tagged(after)) added.push({ kind, id, item: canon(after) });
    if (opts.renames !== false) matchRenames(kind, added, removed, out.renamed);
    out.added.push(...added.filter((e) => e.item !== null));
    out.removed.push(...removed.filter((e) => e.item !== null));
  }
  const byId =
    <T extends { kind: Kind }>(id: (t: T) => string) =>
    (p: T, q: T) =>
      KINDS.indexOf(p.kind) - KINDS.indexOf(q.kind) || (id(p) < id(q) ? -1 : id(p) > id(q) ? 1 : 0);
  out.added.sort(byId((e) => e.id));
  out.removed.sort(byId((e) => e.id));
  out.renamed.sort(byId((e) => e.to));
  const calledOut = (c: ChangedItem) => (c.fields.some((f) => CALLED_OUT.includes(f.path)) ? 0 : 1);
  out.changed.sort((p, q) => calledOut(p) - calledOut(q) || byId<ChangedItem>((c) => c.id)(p, q));
  return out;
}

/** Pairs removed and added items whose content, id aside, is identical. Matched entries are nulled out. */
function matchRenames(kind: Kind, added: ItemEntry[], removed: ItemEntry[], renamed: Renamed[]): void {
  if (added.length === 0 || removed.length === 0) return;
  const withoutId = (item: Canon) => {
    if (!isRow(item)) return stableKey(item);
    const { id: _id, ...rest } = item;
    return stableKey(rest);
  };
  const newcomers = new Map<string, ItemEntry[]>();
  for (const e of added) {
    const key = withoutId(e.item);
    const list = newcomers.get(key);
    if (list) list.push(e);
    else newcomers.set(key, [e]);
  }
  for (const gone of removed) {
    const match = newcomers.get(withoutId(gone.item))?.shift();
    if (!match) continue;
    renamed.push({ kind, from: gone.id, to: match.id });
    gone.item = null;
    match.item = null;
  }
}

function diffValue(a: Canon, b: Canon, path: string, field: string, out: FieldChange[]): void {
  if (isRow(a) && isRow(b)) {
    const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
    for (const k of keys) diffValue(a[k] ?? null, b[k] ?? null, path ? `${path}.${k}` : k, k, out);
    return;
  }
  const listA = Array.isArray(a) ? a : a === null && Array.isArray(b) ? [] : undefined;
  const listB = Array.isArray(b) ? b : b === null && Array.isArray(a) ? [] : undefined;
  if (listA && listB) {
    if (isKeyedList(field) && [...listA, ...listB].every(isRow)) {
      const x = new Map(keyedEntries(field, listA) as [string, Canon][]);
      const y = new Map(keyedEntries(field, listB) as [string, Canon][]);
      const keys = [...new Set([...x.keys(), ...y.keys()])].sort();
      for (const k of keys) {
        const p = `${path}[${k}]`;
        const ea = x.get(k);
        const eb = y.get(k);
        if (ea === undefined || eb === undefined) out.push({ path: p, from: ea ?? null, to: eb ?? null });
        else diffValue(ea, eb, p, '', out);
      }
      return;
    }
    if (stableKey(listA) === stableKey(listB)) return;
    if ([...listA, ...listB].every((v) => !isRow(v) && !Array.isArray(v))) {
      const before = new Set(listA.map(stableKey));
      const after = new Set(listB.map(stableKey));
      out.push({
        path,
        from: listA,
        to: listB,
        added: listB.filter((v) => !before.has(stableKey(v))),
        removed: listA.filter((v) => !after.has(stableKey(v))),
      });
      return;
    }
    out.push({ path, from: listA, to: listB });
    return;
  }
  if (stableKey(a) !== stableKey(b)) out.push({ path, from: a, to: b });
}

function calledOutFirst(fields: FieldChange[]): FieldChange[] {
  const rank = (f: FieldChange) => {
    const i = CALLED_OUT.indexOf(f.path);
    return i < 0 ? CALLED_OUT.length : i;
  };
  return fields
    .map((f, i) => [f, i] as const)
    .sort(([f, i], [g, j]) => rank(f) - rank(g) || i - j)
    .map(([f]) => f);
}
