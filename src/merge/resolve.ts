// Resolving across the fact base what one file could not: an item one side moved to another
// file while the other side edited it where it was. Git stopped on that file (an edit
// against a removal); here the edit is merged into the item where it now lives, field by
// field against the base, and the item leaves the old file. Pure: the caller reads and writes.
import { originKey } from '../facts/factbase.js';
import { KINDS, type Kind } from '../facts/kinds.js';
import { childrenOf } from './children.js';
import { applyEdits, type MergeConflict } from './edits.js';
import { mergeFactFile } from './merge-file.js';
import { type MergeState, mergeSlot } from './three-way.js';
import { readVersion, rootSlot, type Slot, sectionIds, type Version } from './version.js';

export interface TreeFile {
  /** Path as shown (relative to the repository top). */
  path: string;
  bytes: Uint8Array;
}

export interface ThreeVersions {
  path: string;
  base: Uint8Array;
  ours: Uint8Array;
  theirs: Uint8Array;
}

export interface Carried {
  kind: Kind;
  id: string;
  from: string;
  to: string;
  /** The side whose edit was carried to where the other side moved the item. */
  edit: 'ours' | 'theirs';
}

export interface Resolution {
  /** New text of the conflicted file, and what is left to resolve in it. */
  text: Uint8Array;
  conflicts: MergeConflict[];
  notes: string[];
  carried: Carried[];
}

/** Where each item of the settled (not conflicted) files lives, by originKey. */
export function indexTree(files: readonly TreeFile[]): Map<string, { file: TreeFile; v: Version }> {
  const index = new Map<string, { file: TreeFile; v: Version }>();
  for (const file of files) {
    const v = readVersion(file.bytes);
    if ('problem' in v || !v.doc.contents) continue;
    for (const kind of KINDS) for (const id of sectionIds(v, kind)) index.set(originKey(kind, id), { file, v });
  }
  return index;
}

/** Carries moved items' edits into `targets` (per file: a merge state on its text), then merges the file. */
export function resolveAcross(
  u: ThreeVersions,
  index: Map<string, { file: TreeFile; v: Version }>,
  targets: Map<string, MergeState>,
  markerSize = 7,
): Resolution | { why: string } {
  const elsewhere = (kind: Kind, id: string) => index.has(originKey(kind, id));
  const first = mergeFactFile({ ...u, markerSize, elsewhere });
  if (!first.ok) return { why: first.why };
  const sides = { base: readVersion(u.base), ours: readVersion(u.ours), theirs: readVersion(u.theirs) };
  const carried: Carried[] = [];
  for (const c of first.conflicts) {
    const p = c.present;
    if (!c.item || c.path !== '' || !p?.base || p.ours === p.theirs) continue;
    const there = index.get(originKey(c.item.kind, c.item.id));
    const edit = p.ours ? 'ours' : 'theirs';
    const b = itemSlotIn(sides.base, c.item.kind, c.item.id);
    const e = itemSlotIn(sides[edit], c.item.kind, c.item.id);
    const target = there && itemSlotIn(there.v, c.item.kind, c.item.id);
    if (!there || !b || !e || !target) continue;
    const st = targets.get(there.file.path) ?? newState(markerSize);
    targets.set(there.file.path, st);
    // The target holds the mover's version: when the edit is ours, conflict blocks swap so ours stays first.
    st.swap = edit === 'ours';
    mergeSlot(st, b, target, e, { item: c.item, path: '', field: '', section: false });
    carried.push({ ...c.item, from: u.path, to: there.file.path, edit });
  }
  if (carried.length === 0) return { text: first.text, conflicts: first.conflicts, notes: first.notes, carried };
  const moved = new Set(carried.map((c) => originKey(c.kind, c.id)));
  const again = mergeFactFile({ ...u, markerSize, elsewhere, drop: (kind, id) => moved.has(originKey(kind, id)) });
  if (!again.ok) return { why: again.why };
  return { text: again.text, conflicts: again.conflicts, notes: again.notes, carried };
}

/** A target file's new text with the carried edits, and the conflicts written into it. */
export function applyCarried(file: TreeFile, st: MergeState): { text: Uint8Array; conflicts: MergeConflict[] } {
  const v = readVersion(file.bytes) as Version;
  const text = applyEdits(v.text, st.edits, st.conflicts);
  const bom = file.bytes[0] === 0xef && file.bytes[1] === 0xbb && file.bytes[2] === 0xbf ? '\uFEFF' : '';
  return { text: new TextEncoder().encode(bom + text), conflicts: st.conflicts };
}

export function newState(markerSize: number): MergeState {
  return { edits: [], conflicts: [], removed: new Set(), combined: new Set(), forced: new Set(), markerSize, swap: false };
}

function itemSlotIn(v: Version | { problem: string }, kind: Kind, id: string): Slot | undefined {
  if ('problem' in v || !v.doc.contents) return undefined;
  const section = childrenOf(rootSlot(v), '', false)?.find((c) => c.key === kind);
  return section && childrenOf(section.slot, kind, true)?.find((c) => c.key === id)?.slot;
}
