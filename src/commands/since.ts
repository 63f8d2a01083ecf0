// `build --since REV`: reads REV and the working tree once (before anything is rendered,
// so a bad revision stops the build before a file is written), then gives each audience
// the changes it may see, as the `changes` partial shows them.
import type { FactBase } from '../facts/factbase.js';
import type { Kind } from '../facts/schema.js';
import { excludedFacts } from '../facts/select.js';
import type { Project } from '../project.js';
import { type Changes, type ChangesProvider, changesView } from '../render/changes.js';

export type SinceProvider = (factBase: FactBase) => ChangesProvider;

export async function prepareSince(project: Project, rev: string): Promise<SinceProvider> {
  const { prepareChangesSince } = await import('./diff.js');
  const forLevel = await prepareChangesSince(project, rev);
  const commit = await commitInfo(project, forLevel('restricted').fromCommit);
  return (factBase) => {
    const current = (kind: Kind, id: string) => (factBase[kind] as Map<string, unknown>).get(id);
    const memo = new Map<string, Changes>();
    return (max) => {
      let view = memo.get(max);
      if (!view) {
        const hiddenTexts = new Set(excludedFacts(factBase, max).flatMap((x) => x.texts.map(squash)));
        view = changesView(forLevel(max), { commit, current, hidden: (text) => hiddenTexts.has(squash(text)) });
        memo.set(max, view);
      }
      return view;
    };
  };
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

async function commitInfo(project: Project, commit: string | null): Promise<{ short: string; date: string } | undefined> {
  if (!commit) return undefined;
  const { git } = await import('../diff/git.js');
  try {
    const [short, date] = (await git(project.root, ['show', '-s', '--format=%h %cI', commit])).toString('utf8').trim().split(' ');
    return short && date ? { short, date } : undefined;
  } catch {
    // The diff already read this commit; without its date the heading just names the revision.
    return undefined;
  }
}
