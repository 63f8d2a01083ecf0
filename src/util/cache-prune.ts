// Keeps the cache folder from growing without end: every state of a fact base, template
// and briefbook version leaves entries behind (about 1 MB per state of a 10,000-fact base,
// up to 2 MB of compiled code per command and version). At most once a day, when an entry
// is written, entries not used for 30 days are deleted, with the temp files of writes that
// never finished. Only names briefbook writes are touched, so a cache folder pointed at a
// shared directory (BRIEFBOOK_CACHE_DIR) loses nothing else. Hits cost nothing: "used"
// is the later of the file's access and change times (Linux's default `relatime` updates
// the access time at most daily, which is all a 30-day limit needs; where access times
// are off, an entry lives 30 days from its writing, then is simply made again).
import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DAY = 24 * 60 * 60 * 1000;
export const UNUSED_FOR = 30 * DAY;
/** Touched by each pruning: its age says when the folder was last looked through. */
export const MARKER = 'pruned';

const ENTRY = [
  /^[a-z]+-[0-9a-f]{64}$/, // util/disk-cache.ts: kind-sha256
  /^cli-[0-9a-f]{40}(?:-[a-z][a-z-]*)?\.v8$/, // bin/briefbook.js: V8's code cache
];
const TEMP = [/^[a-z]+-[0-9a-f]{64}\.\d+\.[0-9a-f]{8}\.tmp$/, /^cli-[0-9a-f]{40}(?:-[a-z][a-z-]*)?\.v8\.[0-9a-f]{12}\.tmp$/];

/** Prunes `dir` if it was not pruned in the last day. Any failure only means "not now". */
export function pruneDaily(dir: string, now = Date.now()): void {
  const marker = join(dir, MARKER);
  try {
    if (now - statSync(marker).mtimeMs < DAY) return;
  } catch {
    // never pruned: now
  }
  try {
    writeFileSync(marker, ''); // first, so that processes running at once do not all look
    prune(dir, now);
  } catch {
    // a read-only folder, or one that went away
  }
}

function prune(dir: string, now: number): void {
  for (const name of readdirSync(dir)) {
    const entry = ENTRY.some((re) => re.test(name));
    if (!entry && !TEMP.some((re) => re.test(name))) continue;
    try {
      const s = statSync(join(dir, name));
      const used = Math.max(s.atimeMs, s.mtimeMs);
      // A temp file a day old belongs to a write that was killed.
      if (now - used > (entry ? UNUSED_FOR : DAY)) rmSync(join(dir, name), { force: true });
    } catch {
      // gone already
    }
  }
}
