// Merging inside a `[…]` or `{…}` of ours: the elements are decided one by one and the
// collection is written again from their texts, in ours' order with theirs' additions
// after their predecessors. A change both sides made to one element, or an element that
// takes more than a line, makes the whole field a conflict instead.
import { isMap } from 'yaml';
import type { Child } from './children.js';
import { decide } from './decide.js';
import type { Edit } from './edits.js';
import { type Slot, slotText } from './version.js';

/** The edit rewriting ours' flow collection, or undefined when it cannot be merged this way. */
export function mergeFlow(b: Child[], o: Child[], t: Child[], ours: Slot): Edit | undefined {
  const bMap = new Map(b.map((c) => [c.key, c.slot]));
  const tMap = new Map(t.map((c) => [c.key, c.slot]));
  const oKeys = new Set(o.map((c) => c.key));
  const out: { key: string; text: string }[] = [];
  const pick = (key: string, os: Slot | undefined, ts: Slot | undefined): boolean => {
    const d = decide(bMap.get(key), os, ts, '');
    if (d === 'both') return false;
    const chosen = d === 'ours' || d === 'theirs-layout' ? os : ts;
    if (!chosen) return true;
    const text = chosen === os ? slotText(chosen) : inline(chosen);
    if (text === undefined) return false;
    const after = chosen === os ? out.length : placeAfter(key, t, out);
    out.splice(after, 0, { key, text });
    return true;
  };
  for (const c of o) if (!pick(c.key, c.slot, tMap.get(c.key))) return undefined;
  for (const c of t) if (!oKeys.has(c.key) && !pick(c.key, undefined, c.slot)) return undefined;
  const node = ours.node;
  const [open, close] = isMap(node) ? ['{', '}'] : ['[', ']'];
  const start = node?.range?.[0] ?? ours.start;
  const pad = ours.v.text[start + 1] === ' ' ? ' ' : '';
  const text = out.length ? `${open}${pad}${out.map((e) => e.text).join(', ')}${pad}${close}` : `${open}${close}`;
  return { start, end: node?.range?.[1] ?? ours.end, text };
}

/** Theirs' element as text that fits on one line of a flow collection. */
function inline(s: Slot): string | undefined {
  const text = s.flow || s.keyEnd !== undefined ? slotText(s) : s.v.text.slice(s.node?.range?.[0] ?? s.start, s.node?.range?.[1]);
  const one = text.trim();
  return one.includes('\n') ? undefined : one;
}

/** Index after the nearest element before `key` in theirs' order that is already placed. */
function placeAfter(key: string, theirs: Child[], out: { key: string }[]): number {
  const from = theirs.findIndex((c) => c.key === key);
  for (let j = from - 1; j >= 0; j--) {
    const i = out.findIndex((e) => e.key === theirs[j]?.key);
    if (i >= 0) return i + 1;
  }
  return 0;
}
