// Which packets an edit to the fact base can change: compare the fact base before and
// after the edit item by item and field by field, then ask each audience's recorded
// reads (render/reads.ts) whether it read anything that changed.
import type { FactBase } from '../facts/factbase.js';
import { KINDS, type Kind, type Sensitivity } from '../facts/kinds.js';
import { properNouns } from '../facts/proper-nouns.js';
import { indexedLevels, leakIndexFor, sameWindows } from '../render/leak-guard.js';
import { EXISTS, type Reads, WHOLE } from './reads.js';

export interface FactBaseChange {
  /** `kind:id` → top-level fields that differ; an added or removed item has EXISTS and WHOLE. */
  fields: Map<string, Set<string>>;
  /** Kinds whose list of ids (membership or order) changed. */
  lists: Set<Kind>;
  /** Derived values that changed (see RenderState.properNouns). */
  derived: Set<string>;
}

export function compareFactBases(before: FactBase, after: FactBase): FactBaseChange {
  const change: FactBaseChange = { fields: new Map(), lists: new Set(), derived: new Set() };
  for (const kind of KINDS) {
    const a = before[kind] as Map<string, Record<string, unknown>>;
    const b = after[kind] as Map<string, Record<string, unknown>>;
    if (!sameOrder([...a.keys()], [...b.keys()])) change.lists.add(kind);
    for (const id of new Set([...a.keys(), ...b.keys()])) {
      const x = a.get(id);
      const y = b.get(id);
      const key = `${kind}:${id}`;
      if (!x || !y) {
        change.fields.set(key, new Set([EXISTS, WHOLE]));
        continue;
      }
      // Two parses of the same YAML give the same key order: a cheap whole-item check first.
      if (JSON.stringify(x) === JSON.stringify(y)) continue;
      const differ = [...new Set([...Object.keys(x), ...Object.keys(y)])].filter((f) => stable(x[f]) !== stable(y[f]));
      if (differ.length > 0) change.fields.set(key, new Set([...differ, WHOLE]));
    }
  }
  if (!sameSet(properNouns(before), properNouns(after))) change.derived.add('properNouns');
  for (const max of indexedLevels(before)) {
    if (!sameWindows(leakIndexFor(before, max), leakIndexFor(after, max))) change.derived.add(leakDependency(max));
  }
  return change;
}

/** The derived value a packet's leak guard reads: the withheld text of its level (render/leak-guard.ts). */
export const leakDependency = (max: Sensitivity) => `leak:${max}`;

export const isEmpty = (c: FactBaseChange) => c.fields.size === 0 && c.lists.size === 0 && c.derived.size === 0;

/** Whether a render that read `reads` could come out differently after `change`. */
export function affects(reads: Reads, change: FactBaseChange): boolean {
  for (const kind of change.lists) if (reads.lists.has(kind)) return true;
  for (const name of change.derived) if (reads.derived.has(name)) return true;
  for (const [key, changed] of change.fields) {
    const read = reads.fields.get(key);
    if (!read) continue;
    // WHOLE on the read side: the item was copied entire; on the change side: any field read counts.
    if (read.has(WHOLE)) return true;
    for (const f of read) if (changed.has(f) || (f !== EXISTS && changed.has(EXISTS))) return true;
  }
  return false;
}

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/** JSON with keys sorted, so two parses of the same YAML compare equal. */
function stable(v: unknown): string {
  return (
    JSON.stringify(v, (_, value: unknown) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : value,
    ) ?? 'undefined'
  );
}
