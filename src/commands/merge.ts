// `briefbook merge`: after `git merge` (or rebase, cherry-pick…) stops, merge the conflicted
// fact files again from git's three versions with the whole fact base in view — an item
// moved to another file on one side and edited on the other gets the edit where it now
// lives — stage what is resolved, and check the fact base as a whole (ids unique across
// files, no dangling references). With no conflicted file (or --check) it only checks.
import { readFile, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { Repo } from '../diff/sides.js';
import type { Diagnostic } from '../errors.js';
import { loadFactBase, readFactFiles } from '../facts/load.js';
import { errorKeys, errorKeysAtHead } from '../merge/baseline.js';
import type { MergeConflict } from '../merge/edits.js';
import { mergeFactFile } from '../merge/merge-file.js';
import { applyCarried, type Carried, indexTree, resolveAcross, type TreeFile } from '../merge/resolve.js';
import type { MergeState } from '../merge/three-way.js';
import { unmergedFactFiles } from '../merge/unmerged.js';
import type { Project } from '../project.js';
import { git } from '../util/git.js';
import { writeAtomic } from '../util/write-atomic.js';

export interface MergeOptions {
  project: Project;
  /** Only check: write nothing, stage nothing (the pre-merge-commit hook). */
  check?: boolean;
  /** Merge a conflicted file again even when it is not as the briefbook driver left it (edits to it are lost). */
  force?: boolean;
}

export interface MergedFile {
  /** Path relative to the repository top. */
  path: string;
  status: 'resolved' | 'conflicts' | 'left';
  conflicts: MergeConflict[];
  notes: string[];
  /** Why a file was left as it is. */
  reason?: string;
}

export interface MergeReport {
  files: MergedFile[];
  carried: Carried[];
  /** Files the carried edits went into (conflicts there too, if both sides changed a field). */
  targets: MergedFile[];
  /** Errors in the fact base now that it did not have at HEAD: the merge brought them in. */
  errors: Diagnostic[];
  /** Errors it had at HEAD already (not the merge's doing; `briefbook validate` lists them). */
  before: number;
  warnings: number;
  ok: boolean;
}

export async function merge({ project, check = false, force = false }: MergeOptions): Promise<MergeReport> {
  const repo = new Repo({ cwd: project.root, project: () => project });
  const top = await repo.root();
  const dataPath = await repo.dataPath();
  const unmerged = await unmergedFactFiles(top, dataPath);
  const files: MergedFile[] = [];
  const targets: MergedFile[] = [];
  const carried: Carried[] = [];
  if (check) {
    for (const u of unmerged) files.push({ path: u.path, status: 'left', conflicts: [], notes: [], reason: 'git has not merged it yet' });
  } else if (unmerged.length > 0) {
    const fromTop = (p: string) => relative(top, join(project.root, p)).split(sep).join('/');
    const tree = (await readFactFiles(project.root, project.dataDir)).map((f) => ({ path: fromTop(f.path), bytes: f.bytes }));
    const conflicted = new Set(unmerged.map((u) => u.path));
    const settled = tree.filter((f) => !conflicted.has(f.path));
    const index = indexTree(settled);
    const states = new Map<string, MergeState>();
    const stage: string[] = [];
    for (const u of unmerged) {
      const now = await readFile(join(top, u.path)).catch(() => new Uint8Array());
      const driver = mergeFactFile(u);
      if (!force && !(driver.ok && Buffer.from(driver.text).equals(Buffer.from(now)))) {
        files.push({ path: u.path, status: 'left', conflicts: [], notes: [], reason: LEFT });
        continue;
      }
      const r = resolveAcross(u, index, states);
      if ('why' in r) {
        files.push({ path: u.path, status: 'left', conflicts: [], notes: [], reason: r.why });
        continue;
      }
      carried.push(...r.carried);
      const gone = new TextDecoder().decode(r.text).trim() === '' && (u.ours.length === 0 || u.theirs.length === 0);
      if (gone) await rm(join(top, u.path), { force: true });
      else await writeAtomic(join(top, u.path), r.text);
      const status = r.conflicts.length === 0 ? 'resolved' : 'conflicts';
      if (status === 'resolved') stage.push(u.path);
      files.push({ path: u.path, status, conflicts: r.conflicts, notes: r.notes });
    }
    for (const [path, st] of states) {
      const file = settled.find((f) => f.path === path) as TreeFile;
      const r = applyCarried(file, st);
      await writeAtomic(join(top, path), r.text);
      if (r.conflicts.length === 0) stage.push(path);
      targets.push({ path, status: r.conflicts.length ? 'conflicts' : 'resolved', conflicts: r.conflicts, notes: [] });
    }
    // Resolved files are staged as `git add` would: that is how git learns they are done.
    if (stage.length > 0) await git(top, ['--literal-pathspecs', 'add', '-A', '--', ...stage]);
  }
  const { factBase, report } = await loadFactBase(project.root, project.dataDir);
  const old = await errorKeysAtHead(top, dataPath, project.root);
  const keys = errorKeys(report.errors, factBase);
  const errors = report.errors.filter((_, i) => !old.has(keys[i] as string));
  const open = [...files, ...targets].some((f) => f.status !== 'resolved');
  const before = report.errors.length - errors.length;
  return { files, carried, targets, errors, before, warnings: report.warnings.length, ok: !open && errors.length === 0 };
}

const LEFT =
  'it is not as the briefbook merge driver left it (git merged it line by line, or it was edited since): resolve it by hand, ' +
  'or `briefbook merge --force` to merge it again from git’s three versions (edits made to it since are lost)';
