// Every test run gets its own cache folder (util/disk-cache.ts), inherited by the test
// workers and the CLI processes they start: tests never read entries left by an earlier
// run or by the user's own briefbook, and never write into the user's ~/.cache.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'briefbook-test-cache-'));
  process.env.BRIEFBOOK_CACHE_DIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
