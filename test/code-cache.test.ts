// V8's code cache for the bundled CLI (bin/briefbook.js) and the libraries kept beside it:
// the first run stores one entry, later runs use it (and leave it as it is), and what the
// CLI does is the same with the cache off, cold, warm, and with an entry that was torn or
// altered — which is never used, and is replaced.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, run } from './helpers/cli.js';
import { shippedProject } from './helpers/project.js';
import { testdir } from './helpers/testdir.js';

/** The entry starts with the SHA-1 of the rest, as bin/briefbook.js writes it. */
const sealed = (e: Buffer) => e.subarray(0, 40).toString('latin1') === createHash('sha1').update(e.subarray(40)).digest('hex');

describe('code cache of the CLI', () => {
  it('stores one entry, reuses it, and ignores and replaces a torn or altered one; output the same every time', () => {
    const root = testdir(shippedProject());
    const cache = testdir({});
    const build = (dir: string) => {
      const r = run(['build', '-f', 'md', '-f', 'html', '--json'], { cwd: root, env: { BRIEFBOOK_CACHE_DIR: dir } });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const md = readFileSync(join(root, 'out', 'member-memo.md'), 'utf8');
      return { stdout: r.stdout, md };
    };
    const entries = () => readdirSync(cache).filter((e) => /^cli-[0-9a-f]{40}-build\.v8$/.test(e));
    const entry = () => readFileSync(join(cache, entries()[0] as string));

    const off = build('off');
    expect(entries()).toEqual([]);
    expect(build(cache)).toEqual(off);
    expect(entries()).toHaveLength(1);
    const stored = entry();
    expect(stored.length).toBeGreaterThan(100_000);
    expect(sealed(stored)).toBe(true);
    expect(build(cache)).toEqual(off);
    expect(entry().equals(stored)).toBe(true);

    const name = join(cache, entries()[0] as string);
    // Altered: one byte of the code flipped.
    const altered = Buffer.from(stored);
    altered[altered.length - 100] = (altered[altered.length - 100] as number) ^ 0xff;
    writeFileSync(name, altered);
    expect(build(cache)).toEqual(off);
    expect(entry().equals(altered)).toBe(false); // replaced with a fresh one
    expect(sealed(entry())).toBe(true);
    // Torn: cut short.
    writeFileSync(name, stored.subarray(0, 5000));
    expect(build(cache)).toEqual(off);
    expect(entry().length).toBeGreaterThan(100_000);
    expect(sealed(entry())).toBe(true);
    expect(readdirSync(cache).filter((e) => e.endsWith('.tmp'))).toEqual([]);
  }, 120_000);

  it('keeps one entry per command, so the first command run does not decide what a build finds', () => {
    const root = testdir(shippedProject());
    const cache = testdir({});
    const env = { BRIEFBOOK_CACHE_DIR: cache };
    // A build's help, and a build stopped by a bad option, leave no build entry.
    expect(run(['build', '--help'], { cwd: root, env }).code).toBe(0);
    expect(run(['build', '-f', 'nope'], { cwd: root, env }).code).toBe(2);
    expect(readdirSync(cache).filter((e) => e.startsWith('cli-'))).toEqual([]);
    expect(run(['list', 'audiences'], { cwd: root, env }).code).toBe(0);
    const afterList = readdirSync(cache).filter((e) => e.startsWith('cli-'));
    expect(afterList).toEqual([expect.stringMatching(/^cli-[0-9a-f]{40}-list\.v8$/)]);
    const listed = readFileSync(join(cache, afterList[0] as string));
    // The folder of the global option -C does not name the entry, whatever it is called.
    const named = testdir(Object.fromEntries(Object.entries(shippedProject()).map(([path, text]) => [`list/${path}`, text])));
    expect(run(['-C', 'list', 'build', '-f', 'md', '-f', 'html'], { cwd: named, env }).code).toBe(0);
    expect(readdirSync(join(named, 'list', 'out'))).toContain('member-memo.md');
    const built = readdirSync(cache).filter((e) => /^cli-[0-9a-f]{40}-build\.v8$/.test(e));
    expect(built).toHaveLength(1);
    // The build's entry holds the build's code: more than listing compiled.
    expect(readFileSync(join(cache, built[0] as string)).length).toBeGreaterThan(listed.length);
    expect(readFileSync(join(cache, afterList[0] as string)).equals(listed)).toBe(true);
  }, 120_000);

  it("runs a command's first run on another command's entry, and then writes its own", () => {
    const root = testdir(shippedProject());
    const cache = testdir({});
    const env = { BRIEFBOOK_CACHE_DIR: cache };
    const off = run(['build', '-f', 'md', '-f', 'html', '--json'], { cwd: root, env: { BRIEFBOOK_CACHE_DIR: 'off' } });
    // V8 says how many bytes of compiled code it read, for each piece (--profile-deserialization).
    const build = () => {
      const r = spawnSync(process.execPath, ['--profile-deserialization', BIN, 'build', '-f', 'md', '-f', 'html', '--json'], {
        cwd: root,
        env: { ...process.env, ...env, NO_COLOR: '1' },
        encoding: 'utf8',
      });
      expect(r.status).toBe(0);
      // V8 prints its lines on stdout, among the build's JSON.
      const v8 = /^\[(?:Verifying|Deserializing|Serializing) [^\n]*\]\n?/gm;
      expect(r.stdout.replace(v8, '')).toEqual(off.stdout);
      return [...r.stdout.matchAll(/^\[Deserializing from (\d+) bytes/gm)].map((m) => Number(m[1]));
    };
    const entries = () => readdirSync(cache).filter((e) => e.startsWith('cli-'));
    // No entry at all: nothing of the CLI's size is read (so the check below can fail).
    const cold = build();
    const own = readFileSync(join(cache, entries()[0] as string));
    expect(cold.filter((n) => n >= 100_000)).toEqual([]);
    rmSync(join(cache, entries()[0] as string));
    expect(run(['list', 'audiences'], { cwd: root, env }).code).toBe(0);
    const listed = readFileSync(join(cache, entries()[0] as string));
    // The build's first run reads list's entry (without its 40-byte seal)…
    expect(build()).toContain(listed.length - 40);
    // … and writes its own, which the next run reads.
    const built = entries().filter((e) => e.endsWith('-build.v8'));
    expect(built).toHaveLength(1);
    const stored = readFileSync(join(cache, built[0] as string));
    expect(stored.length).toBeGreaterThan(listed.length);
    expect(stored.length).toBeGreaterThan(own.length / 2);
    expect(build()).toContain(stored.length - 40);
  }, 120_000);

  it('keeps an entry for each library beside the CLI that a command loads, and uses it', () => {
    const root = testdir(shippedProject());
    const cache = testdir({});
    const env = { BRIEFBOOK_CACHE_DIR: cache };
    const pdf = () => {
      const r = run(['build', '-a', 'hearing-day', '-f', 'pdf', '-q'], { cwd: root, env });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    };
    const entries = () =>
      readdirSync(cache)
        .filter((e) => e.endsWith('.v8'))
        .sort();
    pdf();
    expect(entries()).toEqual([
      expect.stringMatching(/^cli-[0-9a-f]{40}-build\.v8$/),
      expect.stringMatching(/^puppeteer-[0-9a-f]{40}-build\.v8$/),
    ]);
    const name = join(cache, entries()[1] as string);
    const stored = readFileSync(name);
    expect(stored.length).toBeGreaterThan(500_000);
    expect(sealed(stored)).toBe(true);
    pdf();
    expect(readFileSync(name).equals(stored)).toBe(true);
    // Word: the docx library and fflate, each its own entry; the others as they were.
    expect(run(['build', '-a', 'member-memo', '-f', 'docx', '-q'], { cwd: root, env }).code).toBe(0);
    expect(entries().map((e) => e.replace(/-[0-9a-f]{40}-/, '-'))).toEqual([
      'cli-build.v8',
      'docx-build.v8',
      'fflate-build.v8',
      'puppeteer-build.v8',
    ]);
    expect(readFileSync(name).equals(stored)).toBe(true);
  }, 120_000);
});
