// The three-way merge of one slot (the file, a section, an item, a field, a list element)
// given its base, ours and theirs versions. Ours is the text being edited: a slot only
// theirs changed is replaced by theirs' text, one both changed is merged child by child
// (fields by name, list elements by key), and only what both changed differently becomes
// a conflict, written as git conflict markers around just those lines.
import { isMap, isSeq } from 'yaml';
import { conflictBlock } from '../facts/conflict-markers.js';
import { KINDS, type Kind, SINGULAR } from '../facts/kinds.js';
import { type Child, childrenOf } from './children.js';
import { byText, byValue } from './decide.js';
import { type Edit, Escalate, type Insertion, type MergeConflict, type Where } from './edits.js';
import { mergeFlow } from './flow.js';
import { blockText, deleteEdit, emptiedEdit, insertionPoint, insertionText } from './layout.js';
import { isBlockCollection, lineStart, nextLine, reindent, type Slot, slotColumn, slotValue } from './version.js';

export interface MergeState {
  edits: Edit[];
  conflicts: MergeConflict[];
  /** Ours' slots the merge deletes. */
  removed: Set<Slot>;
  /** Item fields both sides changed that the merge combined: `kind:id:field`. */
  combined: Set<string>;
  /** Item fields that must be a conflict, not combined (their combination did not validate). */
  forced: Set<string>;
  markerSize: number;
  /** The text being edited holds theirs' version (a moved item): conflict blocks swap sides. */
  swap: boolean;
  /** Items to leave out of this file whatever the sides did (they were moved to another file). */
  drop?: (kind: Kind, id: string) => boolean;
}

type Maybe = Slot | undefined;

export const fieldKey = (kind: Kind, id: string, path: string) => `${kind}:${id}:${path.split(/[.[]/)[0]}`;
const topField = (w: Where) => (w.item && w.path !== '' ? fieldKey(w.item.kind, w.item.id, w.path) : '');

export function mergeSlot(st: MergeState, b: Maybe, o: Maybe, t: Maybe, w: Where): void {
  if (!o && !t) return;
  if (w.item && w.path === '' && st.drop?.(w.item.kind, w.item.id)) {
    if (o) takeTheirs(st, o, undefined, w);
    return;
  }
  const quick = byText(b, o, t);
  if (quick === 'theirs') {
    takeTheirs(st, o, t, w);
    return;
  }
  if (quick === 'ours') return;
  // Both changed it: merge its children when it has some (cheaper than comparing whole values first).
  const forced = st.forced.has(topField(w));
  if (o && t && !forced && (b || w.section || w.root) && sameShape(b, o, t)) {
    const mark = { edits: st.edits.length, conflicts: st.conflicts.length };
    try {
      if (merged(st, b, o, t, w)) {
        if (topField(w) && !/[.[]/.test(w.path)) st.combined.add(topField(w));
        return;
      }
    } catch (e) {
      // A field on an item's `- ` line cannot be dropped line by line: conflict the whole item.
      if (!(e instanceof Escalate) || w.path !== '' || !w.item) throw e;
      st.edits.length = mark.edits;
      st.conflicts.length = mark.conflicts;
    }
  }
  const d = byValue(b, o, t, w.field);
  if (d === 'ours-layout') takeTheirs(st, o, t, w);
  else if (d === 'both') conflict(st, b, o, t, w);
}

function sameShape(b: Maybe, o: Slot, t: Slot): boolean {
  const shape = (s: Slot) => (isMap(s.node) ? 'map' : isSeq(s.node) ? 'seq' : '');
  return shape(o) !== '' && shape(o) === shape(t) && (!b || shape(b) === shape(o));
}

/** Merges the children of three collections; false when they cannot be matched by key. */
export function merged(st: MergeState, b: Maybe, o: Slot, t: Slot, w: Where): boolean {
  const kids = (s: Slot) => childrenOf(s, w.field, w.section);
  const [bk, ok, tk] = [b ? kids(b) : [], kids(o), kids(t)];
  if (!bk || !ok || !tk) return false;
  if (!isBlockCollection(o.node)) {
    const edit = mergeFlow(bk, ok, tk, o);
    if (edit) st.edits.push(edit);
    return edit !== undefined;
  }
  const bMap = new Map(bk.map((c) => [c.key, c.slot]));
  const tMap = new Map(tk.map((c) => [c.key, c.slot]));
  const oKeys = new Set(ok.map((c) => c.key));
  const mark = st.edits.length;
  const isMapNode = isMap(o.node);
  ok.forEach((c, i) => {
    const siblings = { prev: ok[i - 1]?.slot, next: ok[i + 1]?.slot };
    mergeSlot(st, bMap.get(c.key), c.slot, tMap.get(c.key), childWhere(w, c.key, isMapNode, siblings));
  });
  let added = 0;
  for (const c of tk) {
    if (oKeys.has(c.key)) continue;
    const at = insertionPoint(o, ok, tk, bMap, tMap, c.key);
    const before = st.edits.length;
    mergeSlot(st, bMap.get(c.key), undefined, c.slot, childWhere(w, c.key, isMapNode, {}, at));
    added += st.edits.length - before;
  }
  if (added === 0 && ok.length > 0 && ok.every((c: Child) => st.removed.has(c.slot)) && !w.root) {
    // Theirs removed every element ours has: write an empty collection, not a bare `key:` (null).
    st.edits.length = mark;
    st.edits.push(emptiedEdit(o, ok));
  }
  return true;
}

function childWhere(w: Where, key: string, inMap: boolean, siblings: Where['siblings'], at?: Insertion): Where {
  const base = { siblings, at, section: false };
  if (w.root) return { ...base, path: key, field: key, section: (KINDS as readonly string[]).includes(key) };
  if (!w.item && w.section) return { ...base, item: { kind: w.field as Kind, id: key }, path: '', field: '' };
  if (!w.item) return { ...base, path: `${w.path}.${key}`, field: key };
  if (inMap) return { ...base, item: w.item, path: w.path ? `${w.path}.${key}` : key, field: key };
  return { ...base, item: w.item, path: `${w.path}[${key}]`, field: '' };
}

function takeTheirs(st: MergeState, o: Maybe, t: Maybe, w: Where): void {
  if (o && !t) {
    st.removed.add(o);
    st.edits.push(deleteEdit(o, w.siblings ?? {}));
  } else if (!o && t) {
    st.edits.push({ start: w.at?.pos ?? 0, end: w.at?.pos ?? 0, text: insertionText(t, need(w.at)) });
  } else if (o && t) {
    st.edits.push({ start: o.start, end: o.end, text: reindent(blockText(t), 0, slotColumn(o)) });
  }
}

const need = (at: Insertion | undefined): Insertion => {
  if (!at) throw new Error('theirs has a slot ours lacks, but no place was found for it');
  return at;
};

function conflict(st: MergeState, b: Maybe, o: Maybe, t: Maybe, w: Where): void {
  const what = w.item ? `${SINGULAR[w.item.kind]} ${w.item.id}${w.path ? ` field ${w.path}` : ''}` : `the file's ${w.path || 'top level'}`;
  let start: number;
  let end: number;
  let ours = '';
  let theirs = '';
  let lead = '';
  if (o) {
    const text = o.v.text;
    start = lineStart(text, o.start);
    end = nextLine(text, o.end);
    const prefix = text.slice(start, o.start);
    if (prefix.trim() !== '' && !t) throw new Escalate();
    ours = text.slice(start, end);
    if (!ours.endsWith('\n')) ours += '\n';
    if (t) theirs = `${prefix}${reindent(blockText(t), 0, slotColumn(o))}\n`;
  } else {
    const at = need(w.at);
    start = end = at.pos;
    lead = at.needsBreak ? '\n' : '';
    theirs = insertionText(t as Slot, { ...at, blank: false, needsBreak: false });
  }
  const [first, second] = st.swap ? [theirs, ours] : [ours, theirs];
  st.edits.push({ start, end, text: lead + conflictBlock(what, first, second, st.markerSize), conflict: st.conflicts.length });
  const [po, pt] = st.swap ? [t, o] : [o, t];
  const present = { base: Boolean(b), ours: Boolean(po), theirs: Boolean(pt) };
  st.conflicts.push({ what, ours: describe(po, b, w), theirs: describe(pt, b, w), line: 0, item: w.item, path: w.path, present });
}

function describe(s: Maybe, b: Maybe, w: Where): string {
  const whole = w.item && w.path === '';
  if (!s) return b ? (whole ? 'removed it (or moved it to another file)' : 'removed it') : 'does not have it';
  if (whole) return b ? 'changed it' : 'added it';
  const text = JSON.stringify(slotValue(s)) ?? 'null';
  // JSON escapes C0 controls; C1 controls and line separators must not reach a terminal either.
  const safe = text.replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return safe.length > 60 ? `${safe.slice(0, 59)}…` : safe;
}
