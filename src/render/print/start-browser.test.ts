// A build that starts the browser early and then needs no PDF (every packet failed before
// printing) closes it: whether it is still starting or already up, close() settles and no
// browser process is left behind.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { startBrowser } from './start-browser.js';

/** Processes whose parent is this one and whose command names a Chromium. */
const browsers = () =>
  execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => /chrom/i.test(l));

const within = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`did not settle within ${ms} ms`)), ms))]);

describe('a browser started early and never used', () => {
  it('is closed once it is up', async () => {
    const browser = await startBrowser({});
    for (let i = 0; i < 200 && browsers().length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(browsers().length).toBeGreaterThan(0);
    // Give it time to finish starting: the case a failed render leaves.
    await new Promise((r) => setTimeout(r, 1_500));
    await within(browser.close(), 15_000);
    expect(browsers()).toEqual([]);
  }, 30_000);

  it('is stopped while still starting', async () => {
    const browser = await startBrowser({});
    await within(browser.close(), 15_000);
    for (let i = 0; i < 100 && browsers().length > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(browsers()).toEqual([]);
  }, 30_000);
});
