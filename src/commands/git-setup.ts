import { existsSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { applyGitSetup, type GitSetupResult, shellQuote } from '../diff/git-setup.js';
import { Repo } from '../diff/sides.js';
import { UserError } from '../errors.js';
import type { Project } from '../project.js';

export { shellQuote };

export interface GitSetupOptions {
  project: Project;
  /** Write the driver config to the user's global git config instead of the repository's. */
  global?: boolean;
  /** The textconv command (default: this node running this briefbook, by absolute paths). */
  command?: string;
}

/** `briefbook git-setup`: route data/**\/*.yaml to the briefbook diff driver and configure it. */
export async function gitSetup({ project, global = false, command }: GitSetupOptions): Promise<GitSetupResult> {
  const repo = new Repo({ cwd: project.root, project: () => project });
  const top = await repo.root();
  return applyGitSetup({ top, dataPath: await repo.dataPath(), command: command ?? textconvCommand(), global });
}

/**
 * Absolute paths of node and of this briefbook: git runs the driver through `sh` from
 * GUI clients and hooks too, where PATH may lack node or briefbook, and a plain start
 * costs a tenth of a second where `npx` costs about one (and may ask the registry);
 * `git log -p` runs the driver twice per changed file per commit.
 */
export function textconvCommand(): string {
  const bundled = fileURLToPath(new URL('../bin/briefbook.js', import.meta.url));
  const bin = existsSync(bundled) ? bundled : realpathSync(process.argv[1] ?? bundled);
  if (/[\\/]_npx[\\/]/.test(bin)) {
    throw new UserError('briefbook is running from the npx cache, which npm may clear at any time', {
      hint: 'install it in the project (`npm install --save-dev briefbook`) and run `npx briefbook git-setup` there',
    });
  }
  return `${shellQuote(process.execPath)} ${shellQuote(bin)} textconv`;
}
