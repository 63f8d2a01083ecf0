// `build --since REV`: the changes to the fact base since a git revision. REV and the
// working tree are read once, before anything is rendered (so a bad revision stops a
// build before a file is written); each audience then asks for what its level may see.
// How the changes are laid out in a packet is the renderer's business
// (render/template/changes-view.ts).
import { UserError } from '../errors.js';
import type { FactBase } from '../facts/factbase.js';
import type { Sensitivity } from '../facts/kinds.js';
import type { Project } from '../project.js';
import { gitAnswer } from '../util/git.js';
import { comparePair } from './compare-sides.js';
import { loadPair, type Pair } from './load-pair.js';
import type { DiffResult } from './result.js';
import { Repo, readSides, resolveSides, type SideContext } from './sides.js';

export interface Since {
  /** The revision as the user named it ("HEAD~2", "v-june-10"). */
  rev: string;
  /** REV's short commit id and commit date (ISO); undefined when git cannot tell. */
  commit?: { short: string; date: string };
  /** The changes an audience cleared for `max` may see. */
  forLevel(max: Sensitivity): DiffResult;
  /**
   * The fact base at REV as that audience saw it, for the earlier text of what changed
   * (tracked changes in Word output). Only items that differ from now are sure to be in it:
   * content the two sides share is not parsed.
   */
  earlier(max: Sensitivity): FactBase;
}

export async function readSince(project: Project, rev: string): Promise<Since> {
  const ctx: SideContext = { cwd: project.root, project: () => project };
  const repo = new Repo(ctx);
  const specs = await resolveSides([rev], ctx, repo);
  if (specs[0].type !== 'revision') {
    throw new UserError(`--since needs a git revision; "${rev}" is a path`, { hint: 'give a commit, tag or branch, e.g. --since HEAD~2' });
  }
  const sides = await readSides(specs, ctx, repo);
  const memo = new Map<Sensitivity, { pair: Pair; result: DiffResult }>();
  const level = (max: Sensitivity) => {
    let entry = memo.get(max);
    if (!entry) {
      const pair = loadPair(sides[0], sides[1], { max });
      entry = { pair, result: comparePair(specs, pair, { max }) };
      memo.set(max, entry);
    }
    return entry;
  };
  return {
    rev,
    commit: await commitInfo(project, specs[0].commit),
    forLevel: (max) => level(max).result,
    earlier: (max) => level(max).pair.from,
  };
}

/** The changes since REV for an audience cleared for `max`: what `build --since REV` lays out. */
export async function changesSince(project: Project, rev: string, max: Sensitivity): Promise<DiffResult> {
  return (await readSince(project, rev)).forLevel(max);
}

async function commitInfo(project: Project, commit: string): Promise<Since['commit']> {
  // Without its date (git cannot tell) the heading just names the revision.
  const [short, date] = ((await gitAnswer(project.root, ['show', '-s', '--format=%h %cI', commit])) ?? '').split(' ');
  return short && date ? { short, date } : undefined;
}
