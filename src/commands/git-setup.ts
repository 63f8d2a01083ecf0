import { existsSync, realpathSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyGitSetup, type GitSetupResult, shellQuote } from '../diff/git-setup.js';
import { Repo } from '../diff/sides.js';
import { UserError } from '../errors.js';
import { type HookResult, installMergeHook } from '../merge/git-hook.js';
import type { Project } from '../project.js';

export { shellQuote };

export interface GitSetupOptions {
  project: Project;
  /** Write the driver config to the user's global git config instead of the repository's. */
  global?: boolean;
  /** Also set up the merge driver and the pre-merge-commit check. */
  merge?: boolean;
  /** The textconv command (default: this node running this briefbook, by absolute paths). */
  command?: string;
}

export interface GitSetupReport extends GitSetupResult {
  /** The pre-merge-commit hook, with --merge. */
  hook?: HookResult;
}

/** `briefbook git-setup`: route data/**\/*.yaml to the briefbook diff (and merge) driver and configure it. */
export async function gitSetup({ project, global = false, merge = false, command }: GitSetupOptions): Promise<GitSetupReport> {
  const repo = new Repo({ cwd: project.root, project: () => project });
  const top = await repo.root();
  const result = await applyGitSetup({
    top,
    dataPath: await repo.dataPath(),
    command: command ?? `${briefbookCommand()} textconv`,
    // git fills in the base, ours, theirs, the path and the marker length.
    mergeCommand: merge ? `${briefbookCommand()} merge-driver %O %A %B %P --marker-size %L` : undefined,
    global,
  });
  if (!merge) return result;
  const where = relative(top, realpathSync(project.root)).split(sep).join('/');
  const check = `${briefbookCommand()} merge --check${where ? ` -C ${shellQuote(where)}` : ''}`;
  return { ...result, hook: await installMergeHook(top, check) };
}

/**
 * Absolute paths of node and of this briefbook: git runs drivers through `sh` from GUI
 * clients and hooks too, where PATH may lack node or briefbook, and a plain start costs a
 * tenth of a second where `npx` costs about one (and may ask the registry); `git log -p`
 * runs the diff driver twice per changed file per commit.
 */
export function briefbookCommand(): string {
  const bundled = fileURLToPath(new URL('../bin/briefbook.js', import.meta.url));
  const bin = existsSync(bundled) ? bundled : realpathSync(process.argv[1] ?? bundled);
  if (/[\\/]_npx[\\/]/.test(bin)) {
    throw new UserError('briefbook is running from the npx cache, which npm may clear at any time', {
      hint: 'install it in the project (`npm install --save-dev briefbook`) and run `npx briefbook git-setup` there',
    });
  }
  return `${shellQuote(process.execPath)} ${shellQuote(bin)}`;
}
