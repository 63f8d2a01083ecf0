// Which shared units (content both sides hold, not parsed) may define an id: a diff
// parses them only when an id in the changed content (or one an audience needs) could be
// defined there too. A superset is fine, it only costs a parse; missing one is not.
import type { Unit } from './pair-units.js';

const lenient = new TextDecoder('utf-8');

export function textOf(u: Unit): string {
  return u.item ? u.item.text : lenient.decode(u.file.bytes);
}

/**
 * `definedBy(id)`: the shared units that look as if they define `id` (`id: x`). Items are
 * already text (cut from a changed file) and indexed in one pass. Whole files are bytes
 * nobody has decoded: for the first few ids asked, each is looked for in the bytes (a
 * file without the id's text cannot define it), and only the files holding it are decoded
 * and read; past that, every file is decoded and indexed once. `diff` of the working tree
 * asks for the one or two ids of an edit, where decoding 5 MB of unchanged files to find
 * them cost more than the rest of the comparison.
 */
export function sharedIds(shared: readonly Unit[]): (id: string) => Unit[] {
  const items = shared.filter((u) => u.item);
  const files = shared.filter((u) => !u.item);
  let itemIndex: Map<string, Unit[]> | undefined;
  let fileIndex: Map<string, Unit[]> | undefined;
  let asked = 0;
  // Found units in the order they are shared, as one index over all of them gave them.
  const order = new Map(shared.map((u, i) => [u, i]));
  const inFiles = (id: string): Unit[] => {
    if (fileIndex || ++asked > BYTE_SEARCHES) {
      fileIndex ??= idIndex(files);
      return fileIndex.get(id) ?? [];
    }
    return files.filter((u) => holds(u.file.bytes, id) && idIndex([u]).has(id));
  };
  return (id) => {
    itemIndex ??= idIndex(items);
    const found = itemIndex.get(id) ?? [];
    if (files.length === 0) return found;
    const all = [...found, ...inFiles(id)];
    return found.length === 0 ? all : all.sort((a, b) => (order.get(a) as number) - (order.get(b) as number));
  };
}

/** How many ids are looked up in the bytes before the files are indexed whole. */
const BYTE_SEARCHES = 8;

function holds(bytes: Uint8Array, id: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(id) >= 0;
}

// The key, its quotes and the value; what may stand before the key is checked by hand,
// so the expression starts with a literal and V8 can skip ahead to each "id".
const ID_KEY = /id["']?[ \t]*:[ \t]*["']?([a-z0-9][a-z0-9._-]*)/g;
const QUOTE = new Set(['"', "'"]);
const BEFORE = /[\s{,]/;

/** Ids that look defined in each unit: `id: x` at the start, after whitespace, `{` or `,`, the key maybe quoted. */
export function idIndex(units: readonly Unit[]): Map<string, Unit[]> {
  const index = new Map<string, Unit[]>();
  for (const u of units) {
    const text = textOf(u);
    ID_KEY.lastIndex = 0;
    // exec, not matchAll: matchAll copies the expression, once for each of 10,000s of items.
    for (let m = ID_KEY.exec(text); m; m = ID_KEY.exec(text)) {
      // Matches may overlap ("id: id: x"): look again just after this key.
      ID_KEY.lastIndex = m.index + 2;
      if (!keyStarts(text, m.index)) continue;
      const id = m[1] as string;
      const list = index.get(id);
      if (!list) index.set(id, [u]);
      else if (list[list.length - 1] !== u) list.push(u);
    }
  }
  return index;
}

function keyStarts(text: string, at: number): boolean {
  let p = at - 1;
  if (p >= 0 && QUOTE.has(text[p] as string)) p--;
  return p < 0 || BEFORE.test(text[p] as string);
}
