// Writes a file so readers only ever see the old or the new content, never half of it:
// the bytes go to a temp file in the same folder (same file system, so rename is atomic)
// which then replaces the target. On failure the temp file is removed and the target is
// untouched; a full disk, a read-only folder or a file in the way is a UserError.
//
// The calls are synchronous: each step of an asynchronous write is a round trip through
// libuv's thread pool, with this thread idle until it comes back, and a packet's two files
// took about fourteen such steps (folder, stale temp files, open, write, sync, close,
// rename): 30-50 ms of a six-packet Markdown build spent waiting. Each call returns in
// microseconds, the sync in under a millisecond; the functions stay async for their callers.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../errors.js';

export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await placeTemp(await writeTemp(path, data), path);
}

/**
 * The first half of `writeAtomic`: the bytes in a temp file beside `path`, synced, returned
 * for `placeTemp` (or `rm`) later, so that several files can be put in place together.
 */
export async function writeTemp(path: string, data: string | Uint8Array): Promise<string> {
  const dir = dirname(path);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw cannotWrite(path, e, true);
  }
  removeStale(dir, basename(path));
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = openSync(tmp, 'wx', 0o644);
    try {
      writeFileSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return tmp;
  } catch (e) {
    rmSync(tmp, { force: true });
    throw cannotWrite(path, e, false);
  }
}

/** The second half: the temp file replaces `path` (or is removed, if it cannot). */
export async function placeTemp(tmp: string, path: string): Promise<void> {
  try {
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw cannotWrite(path, e, false);
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
