// What the diff asks git: the repository top, the commit a revision names, and the fact
// files (blobs) of a commit. Runs git only through util/git.ts.
import { UserError } from '../errors.js';
import { git, gitWithInput } from '../util/git.js';

export interface GitBlob {
  /** Path relative to the repository top, with forward slashes. */
  path: string;
  oid: string;
  /** Size in bytes, known before the blob is read. */
  size: number;
}

const text = (b: Buffer) => b.toString('utf8').trim();

/** The top folder of the work tree holding `dir`, or a UserError when there is none. */
export async function repoTop(dir: string): Promise<string> {
  try {
    return text(await git(dir, ['rev-parse', '--show-toplevel']));
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`${dir} is not in a git repository`, {
      hint: 'run it inside a git clone of the brief project (`git init` starts one); to compare two folders without git: `briefbook diff OLD_DIR NEW_DIR`',
      cause: e,
    });
  }
}

/** The commit a revision names, or undefined when it names none. */
export async function tryResolveCommit(top: string, rev: string): Promise<string | undefined> {
  // A leading "-" would be read as an option by git; no revision starts with one.
  if (rev.startsWith('-') || rev.includes('\0')) return undefined;
  try {
    return text(await git(top, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]));
  } catch (e) {
    if (e instanceof UserError) throw e;
    return undefined;
  }
}

export async function resolveCommit(top: string, rev: string): Promise<string> {
  const commit = await tryResolveCommit(top, rev);
  if (commit) return commit;
  const shallow = await isShallow(top);
  const empty = (await tryResolveCommit(top, 'HEAD')) === undefined;
  const hint = empty
    ? 'this repository has no commits yet; commit the fact base first, or compare two folders'
    : shallow
      ? 'this is a shallow clone, so older revisions may not have been fetched: `git fetch --deepen=10` or `git fetch --unshallow`, then check the name with `git log --oneline`'
      : 'check the name with `git log --oneline` (or `git branch -a` for branch names)';
  throw new UserError(`unknown revision "${rev}": git cannot find a commit by that name`, { hint });
}

export async function isShallow(top: string): Promise<boolean> {
  try {
    return text(await git(top, ['rev-parse', '--is-shallow-repository'])) === 'true';
  } catch {
    return false;
  }
}

/**
 * Blobs under `dir` (relative to the top; "" for all) at a commit. Symlinks and
 * submodules are skipped: a fact file is a regular file.
 */
export async function listBlobs(top: string, commit: string, dir: string): Promise<GitBlob[]> {
  const pathspec = dir === '' ? [] : ['--', dir];
  // --literal-pathspecs: a data folder named "data[1]" or "*" means exactly that.
  const out = await git(top, ['--literal-pathspecs', 'ls-tree', '-r', '-z', '-l', '--full-tree', commit, ...pathspec]);
  const blobs: GitBlob[] = [];
  for (const entry of out.toString('utf8').split('\0')) {
    if (!entry) continue;
    // "<mode> SP <type> SP <oid> SP+ <size> TAB <path>"
    const tab = entry.indexOf('\t');
    const [mode, type, oid, size] = entry.slice(0, tab).split(/ +/);
    if (type !== 'blob' || !oid || (mode !== '100644' && mode !== '100755')) continue;
    blobs.push({ path: entry.slice(tab + 1), oid, size: Number(size) });
  }
  return blobs;
}

/** Reads many blobs through one `git cat-file --batch` process. */
export async function readBlobs(top: string, oids: readonly string[]): Promise<Map<string, Buffer>> {
  const unique = [...new Set(oids)];
  const result = new Map<string, Buffer>();
  if (unique.length === 0) return result;
  parseBatch(await gitWithInput(top, ['cat-file', '--batch'], `${unique.join('\n')}\n`), unique, result);
  return result;
}

/** Output of --batch: per object "<oid> <type> <size>\n<content>\n", or "<oid> missing\n". */
function parseBatch(out: Buffer, oids: readonly string[], into: Map<string, Buffer>): void {
  let at = 0;
  for (const oid of oids) {
    const nl = out.indexOf(10, at);
    if (nl < 0) throw new Error(`git cat-file: output ended before ${oid}`);
    const header = out.toString('utf8', at, nl).split(' ');
    if (header[1] === 'missing' || header.length !== 3) throw new Error(`git cat-file: cannot read object ${oid} (${header.join(' ')})`);
    const size = Number(header[2]);
    into.set(oid, out.subarray(nl + 1, nl + 1 + size));
    at = nl + 1 + size + 1;
  }
}
