// Loads the two sides of a diff, parsing as little as possible. Content present on both
// sides (a whole file with the same bytes, or an item with the same text) holds the same
// items on both sides, so it cannot differ and is parsed only when an answer needs it:
// to tell a duplicate id from an added one, or, for an audience, to learn whether the
// facts an item rests on are visible. Items from shared content are the very same
// objects on both sides, which lets the comparison skip them at once.
import { type Diagnostic, UserError } from '../errors.js';
import type { FactBase } from '../facts/factbase.js';
import { KINDS, type Sensitivity } from '../facts/kinds.js';
import { parseFactFile } from '../facts/parse-file.js';
import { selectForAudience } from '../facts/select.js';
import { resolveForAudience } from './audience-load.js';
import { type Entry, Items } from './items.js';
import { pairUnits, type SideFile, type Unit } from './pair-units.js';
import { sharedIds, textOf } from './shared-ids.js';

export interface Side {
  /** "HEAD~2", "working tree", or a path as the user gave it. */
  label: string;
  /** Fact files with display paths (e.g. `HEAD~2:data/facts/a.yaml`). */
  files: SideFile[];
}

export interface Pair {
  from: FactBase;
  to: FactBase;
}

export interface LoadOptions {
  /** Keep only what an audience cleared for this level may see (selectForAudience). */
  max?: Sensitivity;
  /**
   * Told the pair when it was made without an audience: every item each side loaded, by
   * kind and id. For the same two sides the same pair is made (pair-record.ts).
   */
  loaded?: (from: Items, to: Items) => void;
}

/** Splitting a file into items met something the whole-file parse must judge. */
class WholeFilesNeeded extends Error {}

export function loadPair(a: Side, b: Side, opts: LoadOptions = {}): Pair {
  try {
    return load(a, b, opts, true);
  } catch (e) {
    if (e instanceof WholeFilesNeeded) return load(a, b, opts, false);
    throw e;
  }
}

const encoder = new TextEncoder();

function load(a: Side, b: Side, opts: LoadOptions, split: boolean): Pair {
  const { shared, ownA, ownB } = pairUnits(a.files, b.files, split);
  const diags: Diagnostic[] = [];
  const from = new Items();
  const to = new Items();
  for (const u of ownA) from.add(parseUnit(u, diags));
  for (const u of ownB) to.add(parseUnit(u, diags));
  failOn(diags, a, b);

  const loaded = new Set<Unit>();
  const loadShared = (u: Unit) => {
    if (loaded.has(u)) return;
    loaded.add(u);
    const entries = parseUnit(u, diags);
    from.add(entries);
    to.add(entries);
  };
  const definedBy = sharedIds(shared);

  // An id that is new in changed content may still be defined in shared content: a duplicate.
  const ownIds = new Set([...from.ids(), ...to.ids()]);
  for (const id of ownIds) for (const u of definedBy(id)) loadShared(u);
  if (opts.max) resolveForAudience(opts.max, from, to, { shared, text: textOf, definedBy, load: loadShared });
  failOn(diags, a, b);

  const dups = [...from.duplicates, ...to.duplicates];
  if (dups.length > 0) {
    // Located messages need the whole files; items cut from them know only their text.
    if (split) throw new WholeFilesNeeded();
    throw new UserError(`cannot compare: ${dups.length} duplicate id${dups.length === 1 ? '' : 's'}`, {
      diagnostics: dups,
      hint: 'ids must be unique across all files; `briefbook validate` lists every problem',
    });
  }
  if (!opts.max) opts.loaded?.(from, to);
  const fbA = from.factBase();
  const fbB = to.factBase();
  return opts.max ? { from: selectForAudience(fbA, opts.max), to: selectForAudience(fbB, opts.max) } : { from: fbA, to: fbB };
}

function parseUnit(u: Unit, diags: Diagnostic[]): Entry[] {
  if (!u.item) {
    const parsed = parseFactFile(u.file, diags, { cache: true });
    const data = parsed.data;
    if (!data) return [];
    return KINDS.flatMap((kind) =>
      (data[kind] ?? []).map((item, index) => ({
        kind,
        id: item.id,
        item,
        where: () => ({ file: u.file.path, ...parsed.locate([kind, parsed.rawIndex(kind, index), 'id']) }),
      })),
    );
  }
  const own: Diagnostic[] = [];
  const section = u.item.section;
  // Through the parse cache: the items an edit touches are parsed again by every diff over it.
  const parsed = parseFactFile({ path: u.file.path, bytes: encoder.encode(`${section}:\n${u.item.text}\n`) }, own, { cache: true });
  const list = (parsed.data as Record<string, { id: string }[] | undefined> | undefined)?.[section];
  const kind = KINDS.find((k) => k === section);
  if (own.length > 0 || !kind || list?.length !== 1) throw new WholeFilesNeeded();
  const item = list[0] as { id: string };
  const line = u.item.line;
  return [{ kind, id: item.id, item, where: () => ({ file: u.file.path, line, column: 1 }) }];
}

function failOn(diags: Diagnostic[], a: Side, b: Side): void {
  if (diags.length === 0) return;
  const files = new Set(diags.map((d) => d.file));
  const sides = [a, b].filter((s) => s.files.some((f) => files.has(f.path))).map((s) => s.label);
  throw new UserError(
    `cannot compare: ${files.size} fact file${files.size === 1 ? '' : 's'} at ${sides.join(' and ') || 'one side'} do${files.size === 1 ? 'es' : ''} not parse`,
    {
      diagnostics: diags,
      hint: 'fix the file (for a revision, `git show REV:PATH` prints it as it was), or compare other revisions',
    },
  );
}
