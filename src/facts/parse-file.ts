// One fact file: bytes → checked YAML document → schema-validated data, with every
// problem located at file:line:col. Never throws for bad input; problems go to `diags`.
import type { Diagnostic } from '../errors.js';
import { NOT_QUICK, quickYaml } from '../util/quick-yaml.js';
import { PLAIN, PLAIN_ITEMS } from '../util/zod-plain.js';
import { conflictDiagnostics, findConflictMarkers, takeSide } from './conflict-markers.js';
import { type FactFile, fileOutline, ITEM_SCHEMAS } from './item-schemas.js';
import { KINDS, type Kind } from './kinds.js';
import { LIMITS } from './limits.js';
import { locator } from './locate.js';
import { parseCache } from './parse-cache.js';
import { schemaDiagnostic } from './schema-diagnostic.js';
import { firstBadByte, openingQuote, yamlHint } from './yaml-errors.js';

export interface SourceFile {
  /** Path as shown to the user (relative to the project root where possible). */
  path: string;
  bytes: Uint8Array;
  /** Size on disk when the bytes were not read because the file is too large. */
  size?: number;
  /** Why the file was not read at all (a link out of the project, not a regular file). */
  refused?: { message: string; hint: string };
}

export interface ParsedFile {
  path: string;
  data?: FactFile;
  /** Finds file:line:col of a path inside this file (e.g. ['facts', 3, 'status']). */
  locate(path: readonly PropertyKey[]): { line: number; column: number };
  /** Items that failed the schema: their ids still count as defined, so references to them do not cascade into more errors. */
  broken: { kind: Kind; id: string }[];
  /** Where item `index` of `data[kind]` stands in the file's list: failed items are left out of `data`,
   * so after one the two differ; paths given to `locate` (and shown to users) are the file's. */
  rawIndex(kind: Kind, index: number): number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Items this process has checked: past PLAIN_ITEMS, zod's compiled fast path pays (util/zod-plain.ts). */
let itemsChecked = 0;

/** `cache`: look the text up in, and keep a clean result in, the parse cache (parse-cache.ts). */
export function parseFactFile(file: SourceFile, diags: Diagnostic[], opts: { cache?: boolean } = {}): ParsedFile {
  // The closures below (kept by the ParsedFile for locating) name the path, never `file`:
  // a closure holding `file` would hold its bytes for as long as the fact base lives.
  const name = file.path;
  const nowhere: ParsedFile = { path: name, locate: () => ({ line: 1, column: 1 }), broken: [], rawIndex: (_, i) => i };
  const at = (line: number, column: number, message: string, hint: string, path = '') =>
    diags.push({ file: name, line, column, path, message, hint });

  if (file.refused) {
    at(1, 1, file.refused.message, file.refused.hint);
    return nowhere;
  }
  const size = file.size ?? file.bytes.byteLength;
  if (size > LIMITS.fileBytes) {
    // Just over the limit, "8.0 MB" would read as equal to it: give bytes then.
    const shown = mb(size) === mb(LIMITS.fileBytes) ? `${size} bytes` : mb(size);
    at(
      1,
      1,
      `file is ${shown}, over the ${mb(LIMITS.fileBytes)} limit for one fact file`,
      'split it into several files under data/ (any file name ending .yaml)',
    );
    return nowhere;
  }
  let text: string;
  try {
    text = utf8.decode(file.bytes);
  } catch {
    const { line, column } = firstBadByte(file.bytes);
    at(line, column, 'file is not valid UTF-8 text', 'save it as UTF-8 in your editor (it may be Latin-1 or Windows-1252)');
    return nowhere;
  }
  // Only a clean parse is kept, so a hit means the checks below all passed: skip them.
  const cache = opts.cache ? parseCache(text) : undefined;
  const hit = cache?.hit;
  if (hit) return { path: name, data: hit, locate: locator(text, () => hit).locate, broken: [], rawIndex: (_, i) => i };
  const diagsBefore = diags.length;
  // TextDecoder strips a leading BOM; CRLF needs nothing: yaml and LineCounter count lines the same way.
  if (text.trim() === '') {
    at(1, 1, 'file is empty', 'add a section such as `facts:` or `sources:`, or delete the file');
    return nowhere;
  }
  const markers = findConflictMarkers(text);
  if (markers.length > 0) {
    diags.push(...conflictDiagnostics(file.path, markers));
    // Ids on either side still count as defined, so references to them are not reported as well.
    for (const side of [takeSide(text, 'ours'), takeSide(text, 'theirs')].filter((t) => findConflictMarkers(t).length === 0)) {
      const p = parseFactFile({ path: file.path, bytes: new TextEncoder().encode(side) }, []);
      nowhere.broken.push(...p.broken, ...KINDS.flatMap((kind) => (p.data?.[kind] ?? []).map((i) => ({ kind, id: i.id }))));
    }
    return nowhere;
  }

  let raw: Partial<Record<Kind, unknown[]>> | undefined;
  const { slow, pos, locate } = locator(text, () => raw);
  const kept: Partial<Record<Kind, number[]>> = {};
  const parsed: ParsedFile = { path: name, locate, broken: [], rawIndex: (kind, i) => kept[kind]?.[i] ?? i };

  let js = quickYaml(text);
  if (js === NOT_QUICK) {
    const { doc } = slow();
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        const open = e.code === 'MISSING_CHAR' ? openingQuote(text, e.pos[0]) : -1;
        if (open >= 0) {
          const p = pos(open);
          at(
            p.line,
            p.column,
            `quoted text opened here is never closed (${firstLine(e.message)})`,
            'add the closing quote mark at the end of the value',
          );
          continue;
        }
        const p = pos(e.pos[0]);
        // yaml's own stack ran out (thousands of nested brackets): say so, not "Maximum call stack size exceeded".
        if (e.code === 'RESOURCE_EXHAUSTION') at(p.line, p.column, `nesting is too deep (over ${LIMITS.nesting} levels)`, NESTING_HINT);
        else at(p.line, p.column, firstLine(e.message), yamlHint(e.code));
      }
      return parsed;
    }
    try {
      js = doc.toJS({ maxAliasCount: LIMITS.aliases });
    } catch (e) {
      if (e instanceof RangeError && /call stack/i.test(e.message)) {
        at(1, 1, `nesting is too deep (over ${LIMITS.nesting} levels)`, NESTING_HINT);
      } else {
        // yaml refuses alias expansion past maxAliasCount ("billion laughs") before it allocates.
        at(
          1,
          1,
          `YAML aliases expand too far (${(e as Error).message})`,
          `an anchored value may appear at most ${LIMITS.aliases} times in all (the anchor and its aliases; aliases inside aliases multiply); write the values out`,
        );
      }
      return parsed;
    }
  }
  const depth = maxDepth(js);
  if (depth > LIMITS.nesting) {
    at(1, 1, `nesting is ${depth} levels deep, over the limit of ${LIMITS.nesting}`, NESTING_HINT);
    return parsed;
  }

  const outline = fileOutline.safeParse(js, PLAIN);
  if (outline.success) raw = outline.data;
  if (!outline.success) {
    for (const issue of outline.error.issues) diags.push(schemaDiagnostic(name, slow().doc, pos, issue));
    return parsed;
  }
  const items = KINDS.reduce((n, k) => n + (outline.data[k]?.length ?? 0), 0);
  if (items > LIMITS.itemsPerFile) {
    at(1, 1, `file holds ${items} items, over the limit of ${LIMITS.itemsPerFile}`, 'split it into several files');
    return parsed;
  }
  const data: Record<string, unknown> = { generated: outline.data.generated };
  for (const kind of KINDS) {
    const list = outline.data[kind];
    if (!list) continue;
    const schema = ITEM_SCHEMAS[kind];
    const indexes: number[] = [];
    kept[kind] = indexes;
    data[kind] = list.flatMap((raw, index) => {
      const r = schema.safeParse(raw, itemsChecked++ < PLAIN_ITEMS ? PLAIN : undefined);
      if (r.success) {
        indexes.push(index);
        return [r.data];
      }
      for (const issue of r.error.issues)
        diags.push(schemaDiagnostic(name, slow().doc, pos, { ...issue, path: [kind, index, ...issue.path] }));
      const id = (raw as { id?: unknown } | null)?.id;
      if (typeof id === 'string') parsed.broken.push({ kind, id });
      return [];
    });
  }
  parsed.data = data as FactFile;
  if (diags.length === diagsBefore && parsed.broken.length === 0) cache?.keep(parsed.data);
  return parsed;
}

function maxDepth(root: unknown): number {
  // Iterative, so a hostile deeply nested file cannot overflow the stack.
  let max = 0;
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length) {
    const [value, d] = stack.pop() as [unknown, number];
    if (d > max) max = d;
    if (d > LIMITS.nesting) return d;
    if (value !== null && typeof value === 'object') for (const v of Object.values(value)) stack.push([v, d + 1]);
  }
  return max;
}

const NESTING_HINT = 'fact files are shallow maps and lists; check the indentation';

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
