// `briefbook merge-driver %O %A %B %P`: what git runs to merge a fact file changed on both
// sides (set up by `briefbook git-setup --merge`). The result replaces %A; git reads the
// exit code: 0 merged cleanly, 1 conflicts (the file is left for a person to resolve).
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UserError } from '../errors.js';
import type { MergeConflict } from '../merge/edits.js';
import { definedElsewhere } from '../merge/elsewhere.js';
import { type FileMerge, mergeFactFile } from '../merge/merge-file.js';
import { findProjectRoot, openProject } from '../project.js';
import { gitExit } from '../util/git.js';
import { writeAtomic } from '../util/write-atomic.js';

export interface MergeDriverOptions {
  /** git's %O, %A, %B: temporary files holding the base, ours (the result goes here) and theirs. */
  base: string;
  ours: string;
  theirs: string;
  /** git's %P: the file's path in the repository, for messages and to find the project. */
  path: string;
  /** git's %L: length of the conflict markers. */
  markerSize?: number;
  /** Where git runs the driver (the repository top); default process.cwd(). */
  cwd?: string;
}

export interface MergeDriverResult {
  path: string;
  /** True when the file merged with no conflict: git may record it. */
  clean: boolean;
  conflicts: MergeConflict[];
  /** Problems in the result that one side already had (not caused by the merge). */
  notes: string[];
  /** Why the file was left to git's own line merge, when it was. */
  fellBack?: string;
}

export async function mergeDriver(opts: MergeDriverOptions): Promise<MergeDriverResult> {
  const [base, ours, theirs] = await Promise.all([opts.base, opts.ours, opts.theirs].map(readVersionFile));
  const input = { base, ours, theirs, path: opts.path, markerSize: opts.markerSize } as Parameters<typeof mergeFactFile>[0];
  let merged: FileMerge = mergeFactFile(input);
  if (merged.ok && merged.conflicts.some((c) => c.reference)) {
    // A reference to an item removed here may be fine if another file defines it: look.
    const elsewhere = await projectIds(resolve(opts.cwd ?? process.cwd(), opts.path));
    if (elsewhere) merged = mergeFactFile({ ...input, elsewhere });
  }
  if (merged.ok) {
    await writeAtomic(opts.ours, merged.text);
    return { path: opts.path, clean: merged.conflicts.length === 0, conflicts: merged.conflicts, notes: merged.notes };
  }
  const size = String(opts.markerSize ?? 7);
  const line = await gitExit(opts.cwd ?? process.cwd(), [
    'merge-file',
    '-p',
    `--marker-size=${size}`,
    ...['-L', 'ours', '-L', 'base', '-L', 'theirs'],
    opts.ours,
    opts.base,
    opts.theirs,
  ]);
  if (line.code < 0 || line.code > 127) throw new Error(`git merge-file failed (${line.code}): ${line.stderr}`);
  await writeAtomic(opts.ours, line.stdout);
  return { path: opts.path, clean: line.code === 0, conflicts: [], notes: [], fellBack: merged.why };
}

async function readVersionFile(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (e) {
    throw new UserError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, {
      hint: 'git runs the merge driver with three temporary files: %O %A %B (see `briefbook git-setup --merge`)',
      cause: e,
    });
  }
}

async function projectIds(file: string) {
  const root = findProjectRoot(dirname(file));
  if (!root) return undefined;
  try {
    return await definedElsewhere(openProject(root), [file]);
  } catch (e) {
    if (e instanceof UserError) return undefined;
    throw e;
  }
}
