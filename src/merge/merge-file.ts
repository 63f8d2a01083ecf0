// One fact file merged three ways, as the git merge driver and `briefbook merge` need it:
// the edits applied to ours, the result checked, combined fields that do not validate
// merged again as conflicts. A version the merge cannot read slice by slice (broken YAML,
// anchors, conflict markers already in it) is left to git's line merge, with the reason.
import type { Kind } from '../facts/kinds.js';
import { checkMerged } from './check.js';
import { applyEdits, type MergeConflict } from './edits.js';
import { type MergeState, mergeSlot } from './three-way.js';
import { readVersion, rootSlot, type Version } from './version.js';

export interface FileMergeInput {
  base: Uint8Array;
  ours: Uint8Array;
  theirs: Uint8Array;
  /** The file's path as shown in messages (git's %P). */
  path: string;
  /** Length of the conflict markers (git's %L; 7 by default). */
  markerSize?: number;
  /** Whether another file of the fact base defines this item (so it was moved, not removed). */
  elsewhere?: (kind: Kind, id: string) => boolean;
  /** Items moved to another file, whose edits were carried there: left out of this file. */
  drop?: (kind: Kind, id: string) => boolean;
}

export type FileMerge = { ok: true; text: Uint8Array; conflicts: MergeConflict[]; notes: string[] } | { ok: false; why: string };

const BOM = [0xef, 0xbb, 0xbf];

export function mergeFactFile(input: FileMergeInput): FileMerge {
  const versions: Version[] = [];
  for (const [name, bytes] of [
    ['the base version', input.base],
    ['ours', input.ours],
    ['theirs', input.theirs],
  ] as const) {
    const v = readVersion(bytes);
    if ('problem' in v) return { ok: false, why: `${name} cannot be merged fact by fact: ${v.problem}` };
    versions.push(v);
  }
  const [base, ours, theirs] = versions as [Version, Version, Version];
  const forced = new Set<string>();
  // Each round turns at least one more combined field into a conflict, so this ends.
  for (;;) {
    const st: MergeState = {
      edits: [],
      conflicts: [],
      removed: new Set(),
      combined: new Set(),
      forced,
      markerSize: input.markerSize ?? 7,
      swap: false,
      drop: input.drop,
    };
    const slot = (v: Version) => (v.doc.contents ? rootSlot(v) : undefined);
    const end = ours.text.length;
    const at = { pos: end, column: 0, blank: false as const, needsBreak: end > 0 && !ours.text.endsWith('\n') };
    mergeSlot(st, slot(base), slot(ours), slot(theirs), { path: '', field: '', section: false, root: true, at });
    let text: string;
    try {
      text = applyEdits(ours.text, st.edits, st.conflicts);
    } catch (e) {
      return { ok: false, why: `briefbook could not place its edits (${(e as Error).message}); please report this file` };
    }
    const checked = checkMerged({
      text,
      path: input.path,
      versions: { base, ours, theirs },
      combined: st.combined,
      elsewhere: input.elsewhere ?? (() => false),
      hasMarkers: st.conflicts.length > 0,
    });
    if ('broken' in checked) return { ok: false, why: `the merged text did not parse (${checked.broken}); please report this file` };
    const fresh = checked.force.filter((k) => !forced.has(k));
    if (fresh.length > 0) {
      for (const k of fresh) forced.add(k);
      continue;
    }
    const bom = BOM.every((b, i) => input.ours[i] === b) ? '\uFEFF' : '';
    const conflicts = [...st.conflicts, ...checked.conflicts].sort((a, b) => a.line - b.line);
    return { ok: true, text: new TextEncoder().encode(bom + text), conflicts, notes: checked.notes };
  }
}
