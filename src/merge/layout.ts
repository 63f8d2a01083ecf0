// Where text goes in ours: an element theirs added lands after its predecessor in theirs'
// order (past ours' own additions there, so both sides' appends keep ours first), at ours'
// indentation, blank-line spacing and line breaks; a removed element takes its comment
// lines and one run of blank lines along.
import { isSeq } from 'yaml';
import type { Child } from './children.js';
import type { Edit, Insertion } from './edits.js';
import { leadStart, lineStart, nextLine, normalText, reindent, type Slot, slotColumn, slotText } from './version.js';

export function insertionPoint(
  o: Slot,
  ours: Child[],
  theirs: Child[],
  base: Map<string, Slot>,
  theirMap: Map<string, Slot>,
  key: string,
): Insertion {
  const text = o.v.text;
  const index = new Map(ours.map((c, i) => [c.key, i]));
  const from = theirs.findIndex((c) => c.key === key);
  let anchor = -1;
  for (let j = from - 1; j >= 0 && anchor < 0; j--) anchor = index.get(theirs[j]?.key ?? '') ?? -1;
  const first = ours[0]?.slot as Slot;
  // A map's first key may share the `- ` line with its list element: nothing can go before it.
  // And when the list is new on both sides, theirs' elements follow ours'.
  if (anchor < 0 && (base.size === 0 || text.slice(lineStart(text, first.start), first.start).trim() !== '')) anchor = 0;
  if (anchor >= 0) {
    for (let next = ours[anchor + 1]; next && !base.has(next.key) && !theirMap.has(next.key); next = ours[anchor + 1]) anchor++;
  }
  const spaced = ours.some((c, i) => i > 0 && /\n[ \t]*\r?\n/.test(text.slice((ours[i - 1] as Child).slot.end, leadStart(c.slot))));
  const column = slotColumn(isSeq(o.node) ? first : (ours.at(-1) as Child).slot);
  if (anchor < 0) return { pos: lineStart(text, leadStart(first)), column, blank: spaced ? 'after' : false, needsBreak: false };
  const pos = nextLine(text, (ours[anchor] as Child).slot.end);
  return { pos, column, blank: spaced ? 'before' : false, needsBreak: pos === text.length && !text.endsWith('\n') };
}

/** A slot's text as it would stand in a block collection, from column 0. */
export function blockText(t: Slot): string {
  if (!t.flow) return normalText(t);
  return t.keyEnd === undefined ? `- ${slotText(t)}` : slotText(t);
}

/** Theirs' slot as whole lines at an insertion point, with the comment lines right above it. */
export function insertionText(t: Slot, at: Insertion): string {
  const text = t.v.text;
  const comments = t.flow ? '' : text.slice(lineStart(text, leadStart(t)), lineStart(text, t.start));
  const lead = comments
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => `${' '.repeat(at.column)}${l.trimStart()}\n`)
    .join('');
  const body = `${' '.repeat(at.column)}${reindent(blockText(t), 0, at.column)}\n`;
  return `${at.needsBreak ? '\n' : ''}${at.blank === 'before' ? '\n' : ''}${lead}${body}${at.blank === 'after' ? '\n' : ''}`;
}

export function deleteEdit(o: Slot, siblings: { prev?: Slot; next?: Slot }): Edit {
  const text = o.v.text;
  if (text.slice(lineStart(text, o.start), o.start).trim() !== '') {
    // The first key on an element's `- ` line: pull the next key up onto that line.
    return siblings.next ? { start: o.start, end: siblings.next.start, text: '' } : { start: o.start, end: o.end, text: '{}' };
  }
  let start = lineStart(text, leadStart(o));
  let end = nextLine(text, o.end);
  const blank = (at: number) => at < text.length && text.slice(at, nextLine(text, at)).trim() === '';
  if (siblings.next) while (blank(end)) end = nextLine(text, end);
  else if (siblings.prev) while (start > 0 && blank(lineStart(text, start - 1))) start = lineStart(text, start - 1);
  return { start, end, text: '' };
}

/** Theirs removed every element ours has: `key: []` (or `{}`), never a bare `key:` that reads as null. */
export function emptiedEdit(o: Slot, ours: Child[]): Edit {
  const empty = isSeq(o.node) ? '[]' : '{}';
  const last = (ours.at(-1) as Child).slot;
  if (o.keyEnd === undefined) return { start: o.node?.range?.[0] ?? o.start, end: last.end, text: o.start === 0 ? '' : empty };
  const colon = o.v.text.indexOf(':', o.keyEnd);
  return { start: colon + 1, end: last.end, text: ` ${empty}` };
}
