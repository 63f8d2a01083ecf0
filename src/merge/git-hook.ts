// The pre-merge-commit hook `git-setup --merge` writes. The merge driver sees one file at a
// time, and git merges a file changed on one side only without asking it, so a duplicate
// id or a dangling reference across files can only be caught once the whole merge is
// done: this hook checks the merged fact base before git records the merge commit.
import { chmod, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { git } from '../util/git.js';
import { writeAtomic } from '../util/write-atomic.js';

export const HOOK = 'pre-merge-commit';
const MARK = '# Written by `briefbook git-setup --merge`';

export interface HookResult {
  path: string;
  /** False when a hook of someone else's is there: it is never overwritten. */
  written: boolean;
  /** The line the hook runs (to add by hand to an existing hook). */
  command: string;
}

export async function installMergeHook(top: string, command: string): Promise<HookResult> {
  // --git-path honours core.hooksPath (husky and the like) and linked worktrees.
  const dir = resolve(top, (await git(top, ['rev-parse', '--git-path', 'hooks'])).toString('utf8').trim());
  const path = join(dir, HOOK);
  let existing = '';
  try {
    existing = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  if (existing !== '' && !existing.includes(MARK)) return { path, written: false, command };
  const script = [
    '#!/bin/sh',
    `${MARK}: before git records a merge, check the`,
    '# merged fact base as a whole (duplicate ids and dangling references across files).',
    '# `git merge --no-verify` skips it.',
    `exec ${command}`,
    '',
  ].join('\n');
  await writeAtomic(path, script);
  await chmod(path, 0o755);
  return { path, written: true, command };
}
