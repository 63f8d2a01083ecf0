// One `git cat-file --batch` process for all a diff reads from git: the trees of both
// revisions' data folders, then the blobs that differ. Each git process costs a fork of
// node (20–40 ms of the main thread on a loaded machine, more as node's memory grows);
// listing each revision with `git ls-tree` took two more.
import { gitSession } from '../util/git.js';

export interface GitObject {
  type: string;
  size: number;
  /** Unset for an object over the size asked for: its bytes are skipped as they arrive. */
  bytes?: Buffer;
}

interface Request {
  name: string;
  max: number;
  onObject?: (object: GitObject) => void;
  resolve: (object: GitObject | undefined) => void;
  reject: (e: unknown) => void;
}

/**
 * `get` asks for objects by name and answers in order, as git does; the output is read as
 * it arrives, each object's content copied once into a buffer of its own size (at 10,000
 * facts that is 11 MB, and joining the pieces first cost as much again).
 */
export class CatFile {
  private readonly waiting: Request[] = [];
  private state: 'header' | 'content' | 'newline' = 'header';
  /** The header line read so far, when it spans pieces. */
  private head: Buffer[] = [];
  private object: GitObject = { type: '', size: 0 };
  /** Content bytes still to come for the current object. */
  private left = 0;
  private readonly session;
  private readonly done: Promise<void>;

  constructor(top: string) {
    this.session = gitSession(top, ['cat-file', '--batch'], (chunk) => this.push(chunk));
    this.done = this.session.done.then(
      () => this.fail(new Error('git cat-file: output ended before every object asked for')),
      (e) => {
        this.fail(e);
        throw e;
      },
    );
    // Requests waiting see the failure; close() reports it to whoever ends the session.
    this.done.catch(() => undefined);
  }

  /** The objects named (revisions, `rev:path`, ids), in order; undefined for a name naming none. */
  get(names: readonly string[], opts: { max?: number; onObject?: (object: GitObject) => void } = {}): Promise<(GitObject | undefined)[]> {
    if (names.some((n) => n.includes('\n'))) throw new Error('git cat-file: a name cannot hold a line break');
    const answers = names.map(
      (name) =>
        new Promise<GitObject | undefined>((resolve, reject) =>
          this.waiting.push({ name, max: opts.max ?? Number.POSITIVE_INFINITY, onObject: opts.onObject, resolve, reject }),
        ),
    );
    if (names.length > 0) this.session.send(names.map((n) => `${n}\n`).join(''));
    return Promise.all(answers);
  }

  /** Ends git (when nothing is waiting) and waits for it to exit. */
  close(): Promise<void> {
    this.session.end();
    return this.done;
  }

  private fail(e: unknown): void {
    for (const r of this.waiting.splice(0)) r.reject(e);
  }

  private push(chunk: Buffer): void {
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
        const n = Math.min(this.left, chunk.length - at);
        const { bytes } = this.object;
        if (bytes) chunk.copy(bytes, bytes.length - this.left, at, at + n);
        this.left -= n;
        at += n;
        if (this.left === 0) this.answer();
      } else {
        at++;
        this.state = 'header';
      }
    }
  }

  private header(line: string): void {
    const request = this.waiting[0];
    if (!request) throw new Error('git cat-file: more output than objects asked for');
    // "<name> missing" (the name as given, which may hold spaces), else "<oid> <type> <size>".
    if (line === `${request.name} missing`) {
      this.waiting.shift();
      request.resolve(undefined);
      return;
    }
    const [oid, type, size, ...rest] = line.split(' ');
    if (!oid || !type || rest.length > 0 || !/^\d+$/.test(size ?? ''))
      throw new Error(`git cat-file: cannot read object ${request.name} (${line})`);
    const length = Number(size);
    this.object = { type, size: length, ...(length <= request.max ? { bytes: Buffer.allocUnsafe(length) } : {}) };
    this.left = length;
    this.state = 'content';
    if (length === 0) this.answer();
  }

  private answer(): void {
    const request = this.waiting.shift() as Request;
    this.state = 'newline';
    request.onObject?.(this.object);
    request.resolve(this.object);
  }
}
