// A cache folder of its own for each test of the in-process caches ($BRIEFBOOK_CACHE_DIR),
// removed after the test, with the variable put back: the user's cache is neither read nor
// filled, and no test sees another's entries.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/** Call in a describe block; `dir` is the running test's folder. */
export function ownCacheDir(prefix: string): { readonly dir: string } {
  const saved = process.env.BRIEFBOOK_CACHE_DIR;
  const current = { dir: '' };
  beforeEach(() => {
    current.dir = mkdtempSync(join(tmpdir(), prefix));
    process.env.BRIEFBOOK_CACHE_DIR = current.dir;
  });
  afterEach(() => {
    rmSync(current.dir, { recursive: true, force: true });
    if (saved === undefined) delete process.env.BRIEFBOOK_CACHE_DIR;
    else process.env.BRIEFBOOK_CACHE_DIR = saved;
  });
  return current;
}
