// What the diff asks git: the repository top, the commit a revision names, and the fact
// files (blobs) of a commit. Runs git only through util/git.ts.
import { createHash } from 'node:crypto';
import { UserError } from '../errors.js';
import { git, gitStream } from '../util/git.js';

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
  const batch = new BatchReader(unique, result, onBlob);
  await gitStream(top, ['cat-file', '--batch'], `${unique.join('\n')}\n`, (chunk) => batch.push(chunk));
  batch.end();
  return result;
}

/**
 * Output of --batch: per object "<oid> <type> <size>\n<content>\n", or "<oid> missing\n".
 * Read as it arrives, each object's content copied once into a buffer of its own size:
 * on a 10,000-fact base that is 11 MB, and joining the pieces first cost as much again.
 */
class BatchReader {
  private next = 0;
  private state: 'header' | 'content' | 'newline' = 'header';
  /** The header line read so far, when it spans pieces. */
  private head: Buffer[] = [];
  private oid = '';
  private bytes: Buffer = Buffer.alloc(0);
  private filled = 0;

  constructor(
    private readonly oids: readonly string[],
    private readonly into: Map<string, Buffer>,
    private readonly onBlob?: (oid: string, bytes: Buffer) => void,
  ) {}

  push(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.state === 'header') {
        const nl = chunk.indexOf(10, at);
        this.head.push(chunk.subarray(at, nl < 0 ? chunk.length : nl));
        if (nl < 0) return;
        at = nl + 1;
        const line = Buffer.concat(this.head).toString('utf8');
        this.head = [];
        this.header(line);
      } else if (this.state === 'content') {
        const n = Math.min(this.bytes.length - this.filled, chunk.length - at);
        chunk.copy(this.bytes, this.filled, at, at + n);
        this.filled += n;
        at += n;
        if (this.filled === this.bytes.length) this.done();
      } else {
        at++;
        this.state = 'header';
      }
    }
  }

  end(): void {
    if (this.state !== 'header' || this.head.length > 0 || this.next < this.oids.length) {
      throw new Error(`git cat-file: output ended before ${this.oids[Math.min(this.next, this.oids.length - 1)]}`);
    }
  }

  private header(line: string): void {
    const oid = this.oids[this.next++];
    if (oid === undefined) throw new Error('git cat-file: more output than objects asked for');
    const header = line.split(' ');
    if (header[1] === 'missing' || header.length !== 3) throw new Error(`git cat-file: cannot read object ${oid} (${header.join(' ')})`);
    this.oid = oid;
    this.bytes = Buffer.allocUnsafe(Number(header[2]));
    this.filled = 0;
    this.state = 'content';
    if (this.bytes.length === 0) this.done();
  }

  private done(): void {
    this.into.set(this.oid, this.bytes);
    this.state = 'newline';
    this.onBlob?.(this.oid, this.bytes);
  }
}

/** The id git gives these bytes as a blob: SHA-1 of a header and the bytes, or SHA-256 in a repository whose ids are 64 digits long. */
export function gitBlobId(bytes: Uint8Array, oidLength = 40): string {
  return createHash(oidLength === 64 ? 'sha256' : 'sha1')
    .update(`blob ${bytes.byteLength}\0`)
    .update(bytes)
    .digest('hex');
}
