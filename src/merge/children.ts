// The children of a map or list, each under the key the merge matches it by across the
// three versions: a map's keys; a section's items by id; citations by source, variants by
// id, links by url, memberships by committee; plain lists (tags, entities…) by value.
import { isMap, isNode, isPair, isScalar, isSeq, type Node } from 'yaml';
import { elementKey, stableKey } from '../diff/canonical.js';
import { KINDS } from '../facts/kinds.js';
import { elementSlot, pairSlot, type Slot } from './version.js';

export interface Child {
  key: string;
  slot: Slot;
}

/**
 * Children of the collection in `s`, or undefined when they cannot be matched by key (a
 * list of records with no key field, or keys that are not plain). A key repeated in one
 * list (the same source cited twice) is told apart by its rank: `src.a`, `src.a (2)`.
 */
export function childrenOf(s: Slot, field: string, section: boolean): Child[] | undefined {
  const node = s.node;
  const flow = Boolean((node as { flow?: boolean } | null)?.flow);
  if (isMap(node)) {
    const kids: Child[] = [];
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) return undefined;
      kids.push({ key: String(pair.key.value), slot: pairSlot(s.v, pair, flow) });
    }
    return kids;
  }
  if (!isSeq(node)) return undefined;
  const seen = new Map<string, number>();
  const kids: Child[] = [];
  for (const item of node.items) {
    if (!isNode(item)) return undefined;
    const slot = elementSlot(s.v, item, flow);
    const base = keyOf(shallow(item), field, section);
    if (base === undefined) return undefined;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    kids.push({ key: n === 1 ? base : `${base} (${n})`, slot });
  }
  return kids;
}

/** What keying needs of an element: a scalar's value, or a map's scalar fields (not its nested lists). */
function shallow(node: Node): unknown {
  if (isScalar(node)) return node.value;
  if (!isMap(node)) return node;
  return Object.fromEntries(
    node.items.map((p) => [String(isScalar(p.key) ? p.key.value : ''), isScalar(p.value) ? p.value.value : p.value]),
  );
}

function keyOf(value: unknown, field: string, section: boolean): string | undefined {
  if (section && (KINDS as readonly string[]).includes(field)) {
    const id = (value as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? id : undefined;
  }
  const key = elementKey(field, value);
  if (key !== undefined) return key;
  // Plain values are their own key; a list of records without a key field cannot be matched.
  return value === null || typeof value !== 'object' ? stableKey(value as string) : undefined;
}
