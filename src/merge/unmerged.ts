// The fact files git left unmerged, with the three versions git keeps for each in its
// index (stage 1 base, 2 ours, 3 theirs) until the file is resolved with `git add`.
import { readBlobs } from '../diff/git-objects.js';
import { isFactFile } from '../facts/load.js';
import { git } from '../util/git.js';

export interface Unmerged {
  /** Path relative to the repository top. */
  path: string;
  /** Each version's bytes; empty when that side has no such file (added on one side, or deleted). */
  base: Uint8Array;
  ours: Uint8Array;
  theirs: Uint8Array;
}

export async function unmergedFactFiles(top: string, dataPath: string): Promise<Unmerged[]> {
  const spec = dataPath === '' ? [] : ['--', dataPath];
  const out = await git(top, ['--literal-pathspecs', 'ls-files', '-u', '-z', ...spec]);
  const stages = new Map<string, string[]>();
  for (const entry of out.toString('utf8').split('\0')) {
    // "<mode> SP <oid> SP <stage> TAB <path>"
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const [, oid, stage] = entry.slice(0, tab).split(' ');
    const path = entry.slice(tab + 1);
    if (!oid || !isFactFile(path)) continue;
    const list = stages.get(path) ?? ['', '', ''];
    list[Number(stage) - 1] = oid;
    stages.set(path, list);
  }
  const blobs = await readBlobs(top, [...stages.values()].flat().filter(Boolean));
  const bytes = (oid: string | undefined) => (oid ? (blobs.get(oid) ?? new Uint8Array()) : new Uint8Array());
  return [...stages]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([path, [b, o, t]]) => ({ path, base: bytes(b), ours: bytes(o), theirs: bytes(t) }));
}
