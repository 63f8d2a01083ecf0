// The build stamp: which state of the fact base a packet was built from. It comes from
// git (last commit touching the data folder), so rebuilding the same commit gives the
// same packet; SOURCE_DATE_EPOCH (reproducible-builds.org) overrides the date.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Project } from '../project.js';
import { gitAnswer } from '../util/git.js';

export interface BuildStamp {
  /** Short hash of the last commit that touched the data folder. */
  commit?: string;
  /** YYYY-MM-DD, for date lines. */
  date: string;
  /** Seconds since 1970, for PDF metadata dates. */
  epoch: number;
  /** The data folder has changes not yet committed. */
  dirty: boolean;
  git: boolean;
  /** One line for the footer, e.g. "Fact base d7e6f72 of 2026-06-26". */
  text: string;
}

export async function buildStamp(project: Project, env: NodeJS.ProcessEnv = process.env): Promise<BuildStamp> {
  // Both at once (each git start costs more than its answer, ~15 ms of this thread). status
  // answers in any work tree, committed or not, and fails outside one (or without git): it
  // doubles as the question whether there is a repository at all.
  const [log, status] = await Promise.all([
    gitAnswer(project.root, ['log', '-1', '--format=%h %cI', '--', project.dataDir]),
    gitAnswer(project.root, ['status', '--porcelain', '--', project.dataDir]),
  ]);
  const inRepo = status !== undefined;
  const [commit, iso] = inRepo && log ? log.split(' ') : [];
  const dirty = inRepo && (status !== '' || !commit);

  const sde = env.SOURCE_DATE_EPOCH;
  let epoch: number;
  if (sde && /^\d+$/.test(sde)) epoch = Number(sde);
  else if (iso) epoch = Math.floor(Date.parse(iso) / 1000);
  else epoch = await newestMtime(project.dataDir);
  const date = new Date(epoch * 1000).toISOString().slice(0, 10);

  let text: string;
  if (!inRepo) text = `Fact base not under git (files as of ${date})`;
  else if (!commit) text = `Fact base not yet committed (files as of ${date})`;
  else text = `Fact base ${commit} of ${date}${dirty ? ', with uncommitted changes' : ''}`;
  return { commit: commit || undefined, date, epoch, dirty, git: inRepo, text };
}

async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  try {
    const entries = (await readdir(dir, { recursive: true })) as string[];
    for (const e of entries) {
      const s = await stat(join(dir, e));
      if (s.isFile()) newest = Math.max(newest, Math.floor(s.mtimeMs / 1000));
    }
  } catch {
    // An unreadable data folder fails loading long before this; the epoch then stays 0.
  }
  return newest;
}
