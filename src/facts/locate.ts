// Where a path inside a fact file stands in its text (file:line:col), for messages. The
// located document comes from the `yaml` package, 4× slower to build than js-yaml's plain
// parse, so it is built only when first needed: most files are valid and never need it.
import { type Document, LineCounter, parseDocument } from 'yaml';
import { nodeAt } from '../util/yaml-path.js';
import type { Kind } from './kinds.js';

export interface Locator {
  /** The located document, built on first use. */
  slow(): { doc: Document; lineCounter: LineCounter };
  /** Line and column of a character offset in the text. */
  pos(offset: number): { line: number; column: number };
  /** Line and column of a path such as ['facts', 3, 'status']. */
  locate(path: readonly PropertyKey[]): { line: number; column: number };
}

/** `raw`: the file's sections as written (once known), whose item ids let `locate` skip the slow document. */
export function locator(text: string, raw: () => Partial<Record<Kind, unknown[]>> | undefined): Locator {
  let located: { doc: Document; lineCounter: LineCounter } | undefined;
  const slow = () => {
    if (!located) {
      const lineCounter = new LineCounter();
      located = { doc: parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true, strict: true }), lineCounter };
    }
    return located;
  };
  const pos = (offset: number) => {
    const p = slow().lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  let ids: Map<string, { line: number; column: number } | null> | undefined;
  const locate = (path: readonly PropertyKey[]) => {
    // Warnings on a big valid base are mostly about whole items: find the item's `id:`
    // line in the text rather than building the slow document for every such file.
    const sections = raw();
    if (path.length === 2 && sections && typeof path[1] === 'number') {
      const id = (sections[path[0] as Kind]?.[path[1]] as { id?: unknown } | undefined)?.id;
      ids ??= idIndex(text);
      const hit = typeof id === 'string' ? ids.get(id) : undefined;
      if (hit) return hit;
    }
    return pos(nodeAt(slow().doc.contents, path)?.range?.[0] ?? 0);
  };
  return { slow, pos, locate };
}

/** Every `id: <value>` key in the text with its position; an id seen twice maps to null. */
function idIndex(text: string): Map<string, { line: number; column: number } | null> {
  const index = new Map<string, { line: number; column: number } | null>();
  const re = /^([ \t]*(?:-[ \t]+)?)id:[ \t]*(["']?)([^"'\s#]+)\2[ \t]*(?:#.*)?\r?$/gm;
  let line = 1;
  let counted = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    for (let k = text.indexOf('\n', counted); k !== -1 && k < m.index; k = text.indexOf('\n', k + 1)) line++;
    counted = m.index;
    const id = m[3] ?? '';
    index.set(id, index.has(id) ? null : { line, column: (m[1]?.length ?? 0) + 1 });
  }
  return index;
}
