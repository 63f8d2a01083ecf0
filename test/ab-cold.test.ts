// scripts/ab-cold.mjs, the paired comparison of first runs that docs/performance.md's
// twelfth pass rests on: it must run every variant cold, pair the rounds, and refuse a
// command line it cannot carry out.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from './helpers/cli.js';

const SCRIPT = join(REPO, 'scripts', 'ab-cold.mjs');
const work = mkdtempSync(join(tmpdir(), 'briefbook-ab-cold-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (...args: string[]) => spawnSync(process.execPath, [SCRIPT, ...args], { cwd: REPO, encoding: 'utf8' });

describe.skipIf(process.platform !== 'linux')('ab-cold', () => {
  it('snapshots the built CLI and compares two snapshots over paired cold rounds', () => {
    for (const name of ['one', 'two']) {
      const r = run('--snapshot', join(work, name));
      expect(r.status).toBe(0);
      expect(existsSync(join(work, name, 'bin', 'briefbook.js'))).toBe(true);
      expect(existsSync(join(work, name, 'dist', 'cli.cjs'))).toBe(true);
      expect(existsSync(join(work, name, 'templates'))).toBe(true);
    }
    const r = run('--rounds', '2', join(work, 'one'), join(work, 'two'));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('2 rounds, cold md + html build of the shipped project; medians:');
    for (const [i, name] of [
      [1, 'one'],
      [2, 'two'],
    ] as const) {
      const m = /^ {2}(\w+): main-thread CPU (\d+) ms, wall (\d+) ms$/.exec(lines[i] ?? '');
      expect(m?.[1]).toBe(name);
      // A build of the shipped project takes its main thread some hundreds of milliseconds: a
      // figure of 0 would mean the clock read nothing.
      expect(Number(m?.[2])).toBeGreaterThan(50);
      expect(Number(m?.[3])).toBeGreaterThanOrEqual(Number(m?.[2]) / 2);
    }
    expect(lines[3]).toMatch(
      /^ {2}two − one: main-thread CPU [+−±]\d+\.\d ± \d+\.\d ms, wall [+−±]\d+\.\d ± \d+\.\d ms \(paired mean ± standard error\)$/,
    );
  }, 120_000);

  it('refuses a command line it cannot carry out, with exit 2 and why', () => {
    for (const [args, why] of [
      [[], 'name at least one folder made by --snapshot'],
      [['--rounds', '1', work], '--rounds must be a whole number of at least 2, not "1"'],
      [[join(work, 'none')], 'does not exist: make the folder with --snapshot'],
      [['--colder'], "Unknown option '--colder'"],
    ] as const) {
      const r = run(...args);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(why);
    }
  });
});
