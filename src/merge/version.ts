// One version of a fact file as the merge reads it: its text, its YAML document (whose
// nodes carry source ranges), and the line arithmetic that turns a node into the text it
// occupies. The merge edits those slices of ours and leaves every other byte alone, so
// comments and layout of what it did not touch survive exactly.
import { type Document, isAlias, isCollection, isMap, isNode, isScalar, isSeq, type Node, type Pair, parseDocument, visit } from 'yaml';
import { findConflictMarkers } from '../facts/conflict-markers.js';
import { LIMITS } from '../facts/limits.js';

export interface Version {
  text: string;
  doc: Document;
}

/**
 * A place in a version that the merge can keep, replace or delete: a `key: value` pair,
 * an element of a list (`- …` or an item of `[…]`), or the whole file.
 */
export interface Slot {
  v: Version;
  /** The value (a pair's value, the element itself, the root); null for `key:` with nothing after it. */
  node: Node | null;
  /** A pair's key start, a block element's dash, a flow element's first character. */
  start: number;
  /** End of the last line holding the slot's content (block), or of the node itself (flow). */
  end: number;
  /** Inside a `[…]` or `{…}`: edited by rebuilding the collection, never line by line. */
  flow: boolean;
  /** A pair's key end (its value follows the colon after it). */
  keyEnd?: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Parses a version; a reason instead when the merge should leave the file to git's line merge. */
export function readVersion(bytes: Uint8Array): Version | { problem: string } {
  if (bytes.byteLength > LIMITS.fileBytes) return { problem: 'the file is over the size limit for a fact file' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { problem: 'the file is not UTF-8 text' };
  }
  if (findConflictMarkers(text).length > 0) return { problem: 'it already holds conflict markers' };
  const doc = parseDocument(text, { uniqueKeys: true, strict: true });
  if (doc.errors.length > 0) return { problem: `it does not parse as YAML (${doc.errors[0]?.message.split('\n')[0]})` };
  const root = doc.contents;
  if (root !== null && !(isMap(root) && !root.flow) && !(isScalar(root) && root.value === null)) {
    return { problem: 'its top level is not a block map of sections' };
  }
  let unusual = '';
  // Anchors, aliases and tags need `&`, `*` or `!`: a file without them needs no walk.
  if (/[&*!]/.test(text))
    visit(doc, {
      Node(_, node) {
        // Anchors, aliases and tags tie nodes together or change their meaning: a slice of
        // text could not be moved between versions on its own.
        if (isAlias(node) || (isNode(node) && (node.anchor || node.tag))) {
          unusual = 'it uses YAML anchors, aliases or tags';
          return visit.BREAK;
        }
      },
    });
  return unusual ? { problem: unusual } : { text, doc };
}

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset of the line break ending the line at `offset` (or the text's end). */
export function lineEnd(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i < 0 ? text.length : i;
}

/** Just past the line break ending the line at `offset`. */
export function nextLine(text: string, offset: number): number {
  return Math.min(text.length, lineEnd(text, offset) + 1);
}

export function column(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** End of a node's content: its range without the trailing blank lines a block value takes along. */
function contentEnd(text: string, node: Node): number {
  let end = node.range?.[1] ?? 0;
  while (end > 0 && /\s/.test(text[end - 1] ?? '')) end--;
  return end;
}

export function pairSlot(v: Version, pair: Pair, flow: boolean): Slot {
  const key = pair.key as Node;
  const value = isNode(pair.value) ? pair.value : null;
  const last = value?.range ? value : key;
  const start = key.range?.[0] ?? 0;
  const end = flow ? (last.range?.[1] ?? start) : lineEnd(v.text, Math.max(start, contentEnd(v.text, last) - 1));
  return { v, node: value, start, end, flow, keyEnd: key.range?.[1] ?? start };
}

export function elementSlot(v: Version, node: Node, flow: boolean): Slot {
  const at = node.range?.[0] ?? 0;
  if (flow) return { v, node, start: at, end: node.range?.[1] ?? at, flow };
  // The dash belongs to the element: deleting or moving it takes the `- ` along.
  const dash = v.text.lastIndexOf('-', at);
  return { v, node, start: dash, end: lineEnd(v.text, Math.max(at, contentEnd(v.text, node) - 1)), flow };
}

export function rootSlot(v: Version): Slot {
  return { v, node: v.doc.contents as Node | null, start: 0, end: v.text.length, flow: false };
}

export const slotText = (s: Slot) => s.v.text.slice(s.start, s.end);
export const slotColumn = (s: Slot) => column(s.v.text, s.start);

/** Where the comment lines right above a block slot begin (no blank line between): they go with it. */
export function leadStart(s: Slot): number {
  let at = lineStart(s.v.text, s.start);
  while (at > 0) {
    const prev = lineStart(s.v.text, at - 1);
    if (!/^[ \t]*#/.test(s.v.text.slice(prev, at))) break;
    at = prev;
  }
  return at;
}

/** Moves every line after the first from column `from` to column `to` (block scalars keep their shape). */
export function reindent(text: string, from: number, to: number): string {
  if (from === to) return text;
  return text
    .split('\n')
    .map((line, i) => {
      if (i === 0 || line.trim() === '') return line;
      if (to > from) return ' '.repeat(to - from) + line;
      const spaces = line.length - line.trimStart().length;
      return line.slice(Math.min(spaces, from - to));
    })
    .join('\n');
}

/** The slot's text as if it started at column 0: two slots with the same text are the same, wherever they sit. */
export function normalText(s: Slot): string {
  return reindent(slotText(s), slotColumn(s), 0);
}

/** The plain value of a slot, as the schema reads it. */
export function slotValue(s: Slot): unknown {
  return s.node ? s.node.toJS(s.v.doc) : null;
}

export const isBlockCollection = (n: Node | null): boolean => isCollection(n) && !n.flow;

/** Ids of a section's items, read off the document without converting the items. */
export function sectionIds(v: Version, kind: string): string[] {
  const list = isMap(v.doc.contents) ? v.doc.contents.get(kind) : undefined;
  if (!isSeq(list)) return [];
  return list.items.flatMap((i) => {
    const id = isMap(i) ? i.get('id') : undefined;
    return typeof id === 'string' ? [id] : [];
  });
}
