// A folder of derived text kept between runs to make the next run start faster: safe to
// delete at any time, and never a source of truth. Entries are keyed by a hash of everything
// they are derived from, so a stale entry is never found; each is written to a temp file
// and renamed, and read back only when it carries the hash of its own text, so a torn or
// altered entry counts as missing. Any failure to read or write means "not cached".
// Entries unused for 30 days are deleted when others are written (cache-prune.ts).
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pruneDaily } from './cache-prune.js';

/** $BRIEFBOOK_CACHE_DIR, else briefbook/ in $XDG_CACHE_HOME or ~/.cache; `off` turns the cache off. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const set = env.BRIEFBOOK_CACHE_DIR;
  if (set === 'off') return undefined;
  if (set) return set;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'briefbook');
}

export const hashOf = (...parts: string[]): string => {
  const h = createHash('sha256');
  for (const p of parts) h.update(`${p.length}:${p}`);
  return h.digest('hex');
};

const SEAL = '\n//sha256:';

/** The text cached under `key`, or what `make` returns, stored for next time. */
export function cached(kind: string, key: string, make: () => string): string {
  const hit = lookup(kind, key);
  if (hit !== undefined) return hit;
  const text = make();
  store(kind, key, text);
  return text;
}

/** The text stored under `key`; undefined when the cache is off, or the entry missing, torn or altered. */
export function lookup(kind: string, key: string): string | undefined {
  const dir = cacheDir();
  return dir ? read(join(dir, `${kind}-${key}`)) : undefined;
}

/** Stores `text` under `key` for a later lookup, for callers that decide after computing whether it is worth keeping. */
export function store(kind: string, key: string, text: string): void {
  const dir = cacheDir();
  if (dir) write(dir, join(dir, `${kind}-${key}`), text);
}

const SEAL_BYTES = Buffer.from(SEAL);

/**
 * The entry's text if it carries the hash of its own text: hashOf(text), computed over the
 * bytes as read rather than the decoded text (which hashOf would copy once and encode
 * again; ~15 ms of CPU for validate's 0.9 MB report at 10,000 facts). The same hash: the
 * text was written as UTF-8, and a byte sequence that is not would not match.
 */
function read(path: string): string | undefined {
  let raw: Buffer;
  try {
    raw = readFileSync(path);
  } catch {
    return undefined;
  }
  const at = raw.lastIndexOf(SEAL_BYTES);
  if (at < 0) return undefined;
  const text = raw.toString('utf8', 0, at);
  const seal = createHash('sha256').update(`${text.length}:`).update(raw.subarray(0, at)).digest('hex');
  return raw.toString('latin1', at + SEAL_BYTES.length) === seal ? text : undefined;
}

function write(dir: string, path: string, text: string): void {
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, `${text}${SEAL}${hashOf(text)}`);
    renameSync(tmp, path);
    pruneDaily(dir);
  } catch {
    // A read-only or full disk only means the next run compiles again.
    rmSync(tmp, { force: true });
  }
}
