// The order `validate` lists diagnostics in: by file (localeCompare's order: the report
// has always been sorted so), then line and column.
//
// localeCompare's first call builds ICU's collator, 12-30 ms here, and a big base's
// thousands of warnings compared file names some 30,000 times. Now the distinct files are
// ranked once, and that ranking is kept in the cache folder (util/disk-cache.ts), keyed by
// the names and by what ICU's default collation depends on (report-cache.ts: runtimeKey,
// node's version, ICU's and the locale variables), so an unchanged project's run asks ICU
// nothing. Files localeCompare calls equal share a rank: every comparison gives the sign
// it gave before, and the stable sort the same order.
import type { Diagnostic } from '../errors.js';
import { cacheDir, hashOf, lookup, store } from '../util/disk-cache.js';
import { runtimeKey } from './report-cache.js';

/** A comparator of diagnostics, for any of `diags`. */
export function placeOrder(diags: readonly Diagnostic[]): (a: Diagnostic, b: Diagnostic) => number {
  const rank = fileRanks([...new Set(diags.map((d) => d.file))]);
  const of = (file: string) => rank.get(file) as number;
  return (a, b) => of(a.file) - of(b.file) || a.line - b.line || a.column - b.column;
}

/** Each file's rank in localeCompare's order, equal for files it calls equal. */
export function fileRanks(files: readonly string[]): Map<string, number> {
  const names = [...files].sort();
  const key = names.length > 1 && cacheDir() ? hashOf(runtimeKey(), JSON.stringify(names)) : undefined;
  const kept = key ? fromJson(lookup('collate', key), names.length) : undefined;
  const ranks = kept ?? collate(names);
  if (key && !kept) store('collate', key, JSON.stringify(ranks));
  return new Map(names.map((f, i) => [f, ranks[i] as number]));
}

/** The ranks of `names` (in their order) as localeCompare orders them. */
function collate(names: readonly string[]): number[] {
  const order = names.map((_, i) => i).sort((a, b) => (names[a] as string).localeCompare(names[b] as string));
  const ranks = new Array<number>(names.length).fill(0);
  order.forEach((at, i) => {
    const before = order[i - 1];
    const same = before !== undefined && (names[before] as string).localeCompare(names[at] as string) === 0;
    ranks[at] = same ? (ranks[before] as number) : i;
  });
  return ranks;
}

function fromJson(json: string | undefined, length: number): number[] | undefined {
  if (json === undefined) return undefined;
  try {
    const data: unknown = JSON.parse(json);
    return Array.isArray(data) && data.length === length && data.every((n) => Number.isInteger(n)) ? data : undefined;
  } catch {
    return undefined;
  }
}
