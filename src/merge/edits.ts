// What a merge produces: edits to ours' text (replace a slice, insert at a point, or a
// conflict block), and where each conflict landed. Applying them builds the merged file;
// everything between edits is ours' text byte for byte.
import type { Kind } from '../facts/kinds.js';
import type { Slot } from './version.js';

export interface Edit {
  start: number;
  end: number;
  text: string;
  /** Index into the merge's conflicts when this edit writes a conflict block. */
  conflict?: number;
}

export interface MergeConflict {
  /** "fact campaign.accounts field status", "fact campaign.accounts", "the file's generated". */
  what: string;
  /** What each side did, short: `"confirmed"`, `changed it`, `removed it`. */
  ours: string;
  theirs: string;
  /** 1-based line of the `<<<<<<<` marker in the merged text; 0 until the edits are applied. */
  line: number;
  item?: { kind: Kind; id: string };
  /** Path inside the item ("" for the whole item). */
  path: string;
  /** A reference to an item the merge removed from this file: fine if another file defines it. */
  reference?: boolean;
  /** Which versions have the slot: an item in base and on one side only was removed, or moved away. */
  present?: { base: boolean; ours: boolean; theirs: boolean };
}

/** Where a slot sits, for naming it and for matching its children. */
export interface Where {
  item?: { kind: Kind; id: string };
  /** Inside an item: `statement`, `value.number`, `sources[src.a].quote`; at file level: the section. */
  path: string;
  /** The key holding this slot's value: how its list elements are matched ("" for list elements). */
  field: string;
  /** The slot is a section (`facts:`…): its elements are items matched by id. */
  section: boolean;
  /** The whole file: its children are the sections. */
  root?: boolean;
  /** Ours' neighbours in the same collection (a deletion takes a blank line along). */
  siblings?: { prev?: Slot; next?: Slot };
  /** Where theirs' version goes in ours' text when ours has none. */
  at?: Insertion;
}

export interface Insertion {
  pos: number;
  column: number;
  /** A blank line before or after, when ours separates these elements with blank lines. */
  blank: 'before' | 'after' | false;
  /** Ours' text ends without a line break here. */
  needsBreak: boolean;
}

/** A field on an item's `- ` line cannot be dropped line by line: the conflict moves up to the item. */
export class Escalate extends Error {}

export function applyEdits(text: string, edits: readonly Edit[], conflicts: MergeConflict[]): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i);
  let out = '';
  let at = 0;
  let line = 1;
  const add = (s: string) => {
    out += s;
    for (let k = s.indexOf('\n'); k >= 0; k = s.indexOf('\n', k + 1)) line++;
  };
  for (const { e } of sorted) {
    if (e.start < at) throw new Error(`overlapping merge edits at offset ${e.start}`);
    add(text.slice(at, e.start));
    const piece = e.text.replace(/\r?\n/g, eol);
    const conflict = e.conflict === undefined ? undefined : conflicts[e.conflict];
    if (conflict) conflict.line = line + (piece.slice(0, piece.indexOf('<<<<<<<')).match(/\n/g)?.length ?? 0);
    add(piece);
    at = Math.max(at, e.end);
  }
  add(text.slice(at));
  return out;
}
