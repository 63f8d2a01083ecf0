// What the diff asks git: the repository top, the commit a revision names, and the fact
// files (blobs) of a commit. Runs git only through util/git.ts.
import { createHash } from 'node:crypto';
import { UserError } from '../errors.js';
import { git } from '../util/git.js';
import { CatFile } from './cat-file.js';

export interface GitBlob {
  /** Path relative to the repository top, with forward slashes. */
  path: string;
  oid: string;
  /** Size in bytes, when known before the blob is read (`ls-tree -l` tells it; a tree read by cat-file does not). */
  size?: number;
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

/** Names `resolveAll` may take: not an option, and no `rev:path` (a path in it is read from the folder git runs in). */
export const batchable = (rev: string) => rev !== '' && !rev.startsWith('-') && !rev.includes('\0') && !rev.includes(':');

const OID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/**
 * The repository top and the commit each revision names, in one `git rev-parse`; undefined
 * unless every revision names exactly one commit (git fails on an unknown one, and a range
 * prints more than one line), so the caller can ask one at a time for its messages.
 */
export async function resolveAll(dir: string, revs: readonly string[]): Promise<{ top: string; commits: string[] } | undefined> {
  let out: string;
  try {
    out = (await git(dir, ['rev-parse', '--show-toplevel', ...revs.map((r) => `${r}^{commit}`), '--'])).toString('utf8');
  } catch {
    // Not a repository, an unknown name, no git at all: asked one at a time, each says why.
    return undefined;
  }
  const lines = out.split('\n');
  if (lines.pop() !== '' || lines.pop() !== '--' || lines.length !== revs.length + 1) return undefined;
  const [top, ...commits] = lines;
  if (!top || !commits.every((c) => OID.test(c))) return undefined;
  return { top, commits };
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

/** Reads many blobs through one `git cat-file --batch` process; `onBlob` sees each as soon as it is read. */
export async function readBlobs(
  top: string,
  oids: readonly string[],
  onBlob?: (oid: string, bytes: Buffer) => void,
): Promise<Map<string, Buffer>> {
  const unique = [...new Set(oids)];
  const result = new Map<string, Buffer>();
  if (unique.length === 0) return result;
  const cat = new CatFile(top);
  try {
    await readInto(cat, unique, result, { onBlob });
  } finally {
    await cat.close().catch(() => undefined);
  }
  return result;
}

/**
 * Reads blobs (each id once) into `into`, through a cat-file session already open. A blob
 * over `max` bytes is not kept: its size goes to `over` instead.
 */
export async function readInto(
  cat: CatFile,
  oids: readonly string[],
  into: Map<string, Buffer>,
  opts: { max?: number; over?: Map<string, number>; onBlob?: (oid: string, bytes: Buffer) => void } = {},
): Promise<void> {
  let next = 0;
  const objects = await cat.get(oids, {
    max: opts.max,
    onObject: (o) => {
      const oid = oids[next++] as string;
      if (!o.bytes) return void opts.over?.set(oid, o.size);
      into.set(oid, o.bytes);
      opts.onBlob?.(oid, o.bytes);
    },
  });
  const gone = objects.findIndex((o) => o === undefined || o.type !== 'blob');
  if (gone >= 0) throw new Error(`git cat-file: cannot read object ${oids[gone]} (${objects[gone]?.type ?? 'missing'})`);
}

/**
 * listBlobs, read from the trees themselves through a cat-file session already open, so
 * listing a revision costs no git process of its own: the same blobs, in the same order,
 * but with no sizes (cat-file tells a blob's size as it reads it). Undefined where
 * `ls-tree` must answer: a data folder that is a file or a link at that commit.
 */
export async function listTree(cat: CatFile, commit: string, dir: string): Promise<GitBlob[] | undefined> {
  if (dir.includes('\n')) return undefined;
  const [root] = await cat.get([dir === '' ? `${commit}^{tree}` : `${commit}:${dir}`]);
  if (!root) return [];
  if (root.type !== 'tree' || !root.bytes) return undefined;
  return walkTree(cat, root.bytes, dir === '' ? '' : `${dir}/`, commit.length / 2);
}

// Modes as git stores them in a tree (octal): the kind of entry is in the top bits.
const KIND = 0o170000;
const TREE = 0o040000;
const FILE = 0o100000;

async function walkTree(cat: CatFile, tree: Buffer, prefix: string, oidBytes: number): Promise<GitBlob[]> {
  // Each entry: "<mode> <name>\0" and the raw object id.
  const entries: { mode: number; path: string; oid: string }[] = [];
  for (let at = 0; at < tree.length; ) {
    const space = tree.indexOf(32, at);
    const nul = tree.indexOf(0, space);
    if (space < 0 || nul < 0 || nul + 1 + oidBytes > tree.length)
      throw new Error(`git cat-file: cannot read the tree under ${prefix || 'the top'}`);
    const mode = Number.parseInt(tree.toString('latin1', at, space), 8);
    const path = prefix + tree.toString('utf8', space + 1, nul);
    entries.push({ mode, path, oid: tree.toString('hex', nul + 1, nul + 1 + oidBytes) });
    at = nul + 1 + oidBytes;
  }
  const trees = entries.filter((e) => (e.mode & KIND) === TREE);
  const below = await Promise.all(
    (await cat.get(trees.map((t) => t.oid))).map((t, i) =>
      t?.bytes
        ? walkTree(cat, t.bytes, `${trees[i]?.path}/`, oidBytes)
        : Promise.reject(new Error(`git cat-file: cannot read the tree ${trees[i]?.path}`)),
    ),
  );
  // In tree order, each folder's files where the folder stands, as `ls-tree -r` lists them.
  const blobs: GitBlob[] = [];
  for (const e of entries) {
    if ((e.mode & KIND) === TREE) blobs.push(...(below.shift() as GitBlob[]));
    else if ((e.mode & KIND) === FILE) blobs.push({ path: e.path, oid: e.oid });
  }
  return blobs;
}

/** The id git gives these bytes as a blob: SHA-1 of a header and the bytes, or SHA-256 in a repository whose ids are 64 digits long. */
export function gitBlobId(bytes: Uint8Array, oidLength = 40): string {
  return createHash(oidLength === 64 ? 'sha256' : 'sha1')
    .update(`blob ${bytes.byteLength}\0`)
    .update(bytes)
    .digest('hex');
}
