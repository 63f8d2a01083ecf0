// Registers the `briefbook` diff driver (and, with --merge, the merge driver): .gitattributes
// lines routing fact files to them (committed, so every clone has them) and the drivers'
// config (not cloned: git never copies config, so each clone runs `briefbook git-setup`
// once, or a machine runs `--global` once). Until then git ignores the unknown drivers and
// diffs and merges line by line.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { git } from '../util/git.js';
import { BLOCK_HEADER } from './textconv.js';

export const DRIVER = 'briefbook';

export interface GitSetupPlan {
  /** Repository top. */
  top: string;
  /** Data folder relative to the top ("" when it is the top). */
  dataPath: string;
  /** The textconv command git will run with a file name appended. */
  command: string;
  /** The merge driver command (with git's %O %A %B %P %L), when merges are set up too. */
  mergeCommand?: string;
  global: boolean;
}

export interface GitSetupResult {
  attributesFile: string;
  /** Lines appended to .gitattributes; empty when they were all there. */
  added: string[];
  scope: 'local' | 'global';
  config: { key: string; value: string }[];
}

export function attributeLines(dataPath: string, attributes: readonly ('diff' | 'merge')[] = ['diff']): string[] {
  // Glob characters in the folder name are matched literally.
  const prefix = dataPath === '' ? '' : `${dataPath.replace(/[\\[\]*?]/g, '\\$&')}/`;
  // A pattern with spaces or quotes must itself be quoted, C-style.
  const quote = (p: string) => (/[\s"]/.test(p) ? `"${p.replace(/[\\"]/g, '\\$&')}"` : p);
  return attributes.flatMap((a) => ['yaml', 'yml'].map((ext) => `${quote(`${prefix}**/*.${ext}`)} ${a}=${DRIVER}`));
}

export async function applyGitSetup(plan: GitSetupPlan): Promise<GitSetupResult> {
  const attributesFile = join(plan.top, '.gitattributes');
  let existing = '';
  try {
    existing = await readFile(attributesFile, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const have = new Set(existing.split(/\r?\n/).map((l) => l.trim().replace(/\s+/g, ' ')));
  const added = attributeLines(plan.dataPath, plan.mergeCommand ? ['diff', 'merge'] : ['diff']).filter((l) => !have.has(l));
  if (added.length > 0) {
    const eol = existing.includes('\r\n') ? '\r\n' : '\n';
    const sep = existing === '' || existing.endsWith('\n') ? '' : eol;
    await writeFile(attributesFile, `${existing}${sep}${added.join(eol)}${eol}`);
  }
  const config = [
    { key: `diff.${DRIVER}.textconv`, value: plan.command },
    // A cached textconv would outlive a change to briefbook's canonical format.
    { key: `diff.${DRIVER}.cachetextconv`, value: 'false' },
    // Hunk headers name the item a change is in: "@@ … @@ fact campaign.accounts".
    { key: `diff.${DRIVER}.xfuncname`, value: BLOCK_HEADER },
  ];
  if (plan.mergeCommand) {
    config.push(
      { key: `merge.${DRIVER}.name`, value: 'briefbook: fact files merged by item id and field' },
      { key: `merge.${DRIVER}.driver`, value: plan.mergeCommand },
    );
  }
  for (const { key, value } of config) await git(plan.top, ['config', plan.global ? '--global' : '--local', key, value]);
  return { attributesFile, added, scope: plan.global ? 'global' : 'local', config };
}

/** Quotes a word for the POSIX shell git runs textconv commands with. */
export function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
