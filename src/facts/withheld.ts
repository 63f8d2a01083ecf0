// The text of the fact base split by what one audience may see: the text of every item it
// may not see (above its sensitivity, or resting on a fact that is) and every editorial
// note above its level, each with where it is defined; and the text it may see. The leak
// guard's second half (render/leak-guard.ts) looks for the first in a rendered packet,
// ignoring wording the two share.
import { dottedPath } from '../util/yaml-path.js';
import type { FactBase } from './factbase.js';
import { originKey } from './factbase.js';
import { KINDS, type Kind, type Sensitivity } from './kinds.js';
import { above, levelOf, noteLevel, restingLevel } from './levels.js';
import { selectForAudience } from './select.js';

export interface WithheldText {
  kind: Kind;
  id: string;
  /** Path inside the item, e.g. ['variants', 1, 'statement']. */
  path: (string | number)[];
  text: string;
  /** Its sensitivity: the item's, its notes', or that of the fact it rests on. */
  level: Sensitivity;
}

export interface TextsByAudience {
  withheld: WithheldText[];
  shown: string[];
}

type Item = { sensitivity?: Sensitivity; facts?: string[] };

export function textsFor(fb: FactBase, max: Sensitivity): TextsByAudience {
  const visible = selectForAudience(fb, max);
  const withheld: WithheldText[] = [];
  const shown: string[] = [];
  for (const kind of KINDS) {
    for (const [id, item] of fb[kind] as Map<string, Item>) {
      const seen = (visible[kind] as Map<string, unknown>).has(id);
      const itemLevel = seen ? levelOf(item) : hiddenLevel(fb, item);
      const notes = noteLevel(item);
      leaves(item, [], (path, text) => {
        const level = path.includes('note') && above(notes, itemLevel) ? notes : itemLevel;
        if (above(level, max)) withheld.push({ kind, id, path: [...path], text, level });
        else shown.push(text);
      });
    }
  }
  return { withheld, shown };
}

/**
 * False when `textsFor(fb, max)` withholds nothing: no item, and no item's notes, above
 * `max` (a text's level is its item's or its notes', and an item hidden for the facts it
 * rests on rests on one above `max`, which this finds). A pass over the items, not their
 * texts: at the highest level in use a big fact base has nothing to withhold, and listing
 * every text it may see to find that out was a walk of them all for each build.
 * (True may still withhold nothing: notes above `max` on an item without any.)
 */
export function withholdsAny(fb: FactBase, max: Sensitivity): boolean {
  for (const kind of KINDS) {
    for (const item of (fb[kind] as Map<string, Item>).values()) {
      // Notes are at their item's level or above it: this asks about the item too.
      if (above(noteLevel(item), max)) return true;
    }
  }
  return false;
}

/** Why an item is hidden: its own level, or (resting on hidden facts) the highest of theirs. */
const hiddenLevel = (fb: FactBase, item: Item) => restingLevel(item, (id) => fb.facts.get(id)?.sensitivity);

/**
 * Every string inside `value`, with its path. The path is one array, pushed and popped as
 * the walk goes (a copy per string was most of this walk's cost): `visit` copies it to keep it.
 */
function leaves(value: unknown, path: (string | number)[], visit: (path: readonly (string | number)[], text: string) => void): void {
  if (typeof value === 'string') visit(path, value);
  else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      leaves(value[i], path, visit);
      path.pop();
    }
  } else if (value && typeof value === 'object') {
    for (const k in value) {
      if (!Object.hasOwn(value, k)) continue;
      path.push(k);
      leaves((value as Record<string, unknown>)[k], path, visit);
      path.pop();
    }
  }
}

/** file:line:col and path of a withheld text, for the message that refuses a packet. */
export function locateWithheld(fb: FactBase, t: WithheldText): { file: string; line: number; column: number; path: string } {
  const origin = fb.origins.get(originKey(t.kind, t.id));
  if (!origin) return { file: 'data', line: 1, column: 1, path: '' };
  const path = [t.kind, origin.index, ...t.path];
  return { file: origin.file.path, ...origin.file.locate(path), path: dottedPath(path) };
}
