// Writes a file so readers only ever see the old or the new content, never half of it:
// the bytes go to a temp file in the same folder (same file system, so rename is atomic),
// synced to disk, which then replaces the target. On failure the temp file is removed and
// the target is untouched; a full disk, a read-only folder or a file in the way is a
// UserError.
//
// Open, write and rename are synchronous: each step of an asynchronous write is a round
// trip through libuv's thread pool, with this thread idle until it comes back, and a
// packet's two files took about fourteen such steps (folder, stale temp files, open, write,
// sync, close, rename): 30-50 ms of a six-packet Markdown build spent waiting. Each of them
// returns in microseconds. The sync is the exception: it waits for the disk (1-3 ms a file
// here, ~10 % of a warm Markdown build when it was synchronous), so it runs in the thread
// pool, started when the bytes are written and awaited only before the rename (`Temp`):
// a build renders its next packet meanwhile, and the syncs of several files overlap.
// A target that already holds exactly the bytes is left as it is, time and all: a build
// whose packets did not change then writes nothing (and tools that watch the folder see
// no change).
import { randomBytes } from 'node:crypto';
import {
  close,
  closeSync,
  fsync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../errors.js';

/**
 * A temp file written beside its target, and its sync to disk (the error it met, if any);
 * no file (`path` undefined) when the target already holds the bytes.
 */
export interface Temp {
  readonly target: string;
  readonly path?: string;
  readonly synced: Promise<NodeJS.ErrnoException | undefined>;
}

const UNCHANGED = Promise.resolve(undefined);

export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await placeTemp(writeTemp(path, data));
}

/**
 * The first half of `writeAtomic`: the bytes in a temp file beside `path`, its sync to disk
 * started, for `placeTemp` (or `dropTemp`) later, so that several files can be put in
 * place together.
 */
export function writeTemp(path: string, data: string | Uint8Array): Temp {
  const dir = dirname(path);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw cannotWrite(path, e, true);
  }
  removeStale(dir, basename(path));
  if (holds(path, data)) return { target: path, synced: UNCHANGED };
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', 0o644);
    writeFileSync(fd, data);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw cannotWrite(path, e, false);
  }
  const open = fd;
  // Settles with the error rather than rejecting: a temp file dropped unplaced is never
  // awaited for its sync's sake, and a rejection nobody awaits ends the process.
  const synced = new Promise<NodeJS.ErrnoException | undefined>((settle) =>
    fsync(open, (syncError) => close(open, (closeError) => settle(syncError ?? closeError ?? undefined))),
  );
  return { target: path, path: tmp, synced };
}

/** The second half: the temp file, once on disk, replaces its target (or is removed, if it cannot). */
export async function placeTemp(temp: Temp): Promise<void> {
  await syncedTemp(temp);
  if (temp.path === undefined) return;
  try {
    renameSync(temp.path, temp.target);
  } catch (e) {
    rmSync(temp.path, { force: true });
    throw cannotWrite(temp.target, e, false);
  }
}

/** Waits for the temp file's sync; if it failed, removes the file and throws what `placeTemp` would. */
export async function syncedTemp(temp: Temp): Promise<void> {
  const error = await temp.synced;
  if (!error) return;
  if (temp.path !== undefined) rmSync(temp.path, { force: true });
  throw cannotWrite(temp.target, error, false);
}

/** Removes a temp file that is not to be placed, once its sync has closed it. */
export async function dropTemp(temp: Temp): Promise<void> {
  await temp.synced;
  if (temp.path !== undefined) rmSync(temp.path, { force: true });
}

/** Whether `path` is a file holding exactly `data` (its size is compared first; any failure: no). */
function holds(path: string, data: string | Uint8Array): boolean {
  try {
    const stat = statSync(path, { throwIfNoEntry: false });
    const size = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
    if (!stat?.isFile() || stat.size !== size) return false;
    const bytes = readFileSync(path);
    return bytes.equals(typeof data === 'string' ? Buffer.from(data) : data);
  } catch {
    return false;
  }
}

/**
 * A writer killed mid-way (SIGKILL, power cut) leaves its temp files behind; the next write
 * of a file `stem.*` removes those of any `stem.*` whose process is gone (a build stages a
 * packet's files in every format together, so a killed one leaves several). Live writers'
 * files, and other files' temp files, are left alone.
 */
function removeStale(dir: string, name: string): void {
  const prefix = `.${name.replace(/\.[^.]*$/, '')}.`;
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries) {
    const pid = entry.startsWith(prefix) ? /\.(\d+)\.[0-9a-f]{8}\.tmp$/.exec(entry)?.[1] : undefined;
    if (pid !== undefined && !alive(Number(pid))) rmSync(join(dir, entry), { force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const WHY: Record<string, [string, string]> = {
  ENOSPC: ['the disk is full', 'free some space on that disk and run the command again'],
  EDQUOT: ['the disk quota is used up', 'free some space or raise the quota, and run the command again'],
  EROFS: ['the folder is on a read-only file system', 'write somewhere else, or remount the disk writable'],
  EACCES: ['permission denied', 'check the permissions of the folder, or write somewhere else'],
  EPERM: ['operation not permitted', 'check the permissions of the folder, or write somewhere else'],
  EISDIR: ['a folder has that name', 'move the folder away, or write somewhere else'],
};

/** Errors of the environment (full disk, read-only folder, a file in the way) as UserErrors; others pass as they are. */
function cannotWrite(path: string, e: unknown, makingFolder: boolean): unknown {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  const inTheWay = makingFolder && (code === 'EEXIST' || code === 'ENOTDIR');
  const why = inTheWay
    ? [`a file is in the way of the folder ${dirname(path)}`, 'move that file away, or write somewhere else']
    : WHY[code];
  if (!why) return e;
  return new UserError(`cannot write ${path}: ${why[0]} (${code})`, { hint: why[1], cause: e });
}
