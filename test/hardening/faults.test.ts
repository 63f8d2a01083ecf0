// Faults outside briefbook: no browser, a browser that crashes or hangs mid-render, an
// output folder that cannot be written (a file in the way, read-only, full), a fact file
// deleted while `watch` runs. Each ends in a clear message and exit 1 (or, for watch,
// a reported error and watching on), and never costs an earlier output.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureProject } from '../fixtures/render.js';
import { run, start } from '../helpers/cli.js';
import {
  alive,
  BROWSER_WRAPPER,
  canMount,
  copyShipped,
  descendants,
  epoch,
  hasBrowser,
  mountTmpfs,
  pdfPages,
  REAL_BROWSER,
  SHIPPED,
  snapshot,
  tempFiles,
  unmount,
  until,
} from '../helpers/hardening.js';
import { testdir } from '../helpers/testdir.js';

const tmp = mkdtempSync(join(tmpdir(), 'briefbook-faults-'));
const project = copyShipped(join(tmp, 'project'));
const out = join(project, 'out');
const wrapper = join(tmp, 'browser');
const pidFile = join(tmp, 'browser.pid');
const envA = { SOURCE_DATE_EPOCH: epoch('2026-06-26') };
/** A later build: every packet's date line and stamp differ from day A's. */
const envB = { SOURCE_DATE_EPOCH: epoch('2026-06-27'), REAL_BROWSER };
const mounts: string[] = [];

beforeAll(() => {
  writeFileSync(wrapper, BROWSER_WRAPPER, { mode: 0o755 });
}, 60_000);

afterAll(() => {
  for (const m of mounts) unmount(m);
  rmSync(tmp, { recursive: true, force: true });
});

/** out/ holds a complete day-A build; returns its files. */
function freshBuild(): Map<string, Buffer> {
  rmSync(out, { recursive: true, force: true });
  const r = run(['build', '-q'], { cwd: project, env: envA, timeout: 120_000 });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return snapshot(out);
}

/** Starts a day-B build through the wrapper and resolves once its first PDF is in place, with the browser's pid. */
async function buildUntilFirstPdf(before: Map<string, Buffer>, extra: string[] = []) {
  rmSync(pidFile, { force: true });
  const mtimes = new Map(SHIPPED.map((n) => [`${n}.pdf`, statSync(join(out, `${n}.pdf`)).mtimeMs]));
  const b = start(['build', '-q', '--browser', wrapper, ...extra], { cwd: project, env: envB });
  const first = await until('the first PDF', () => [...mtimes].find(([f, m]) => statSync(join(out, f)).mtimeMs !== m)?.[0], 60_000, 2);
  expect(before.size).toBeGreaterThan(0);
  return { ...b, first, browser: Number(readFileSync(pidFile, 'utf8')) };
}

/** Every PDF is either byte-identical to before or whole; returns the unchanged ones. */
async function pdfsWholeOrUnchanged(before: Map<string, Buffer>): Promise<string[]> {
  const unchanged: string[] = [];
  for (const n of SHIPPED) {
    const f = `${n}.pdf`;
    const now = readFileSync(join(out, f));
    if (now.equals(before.get(f)!)) unchanged.push(f);
    else expect(await pdfPages(now)).toBe(await pdfPages(before.get(f)!));
  }
  expect(tempFiles(out)).toEqual([]);
  return unchanged;
}

describe.skipIf(!hasBrowser)('faults: the browser', () => {
  it('missing: exit 1 naming the paths tried; every packet keeps its earlier files in every format', () => {
    const before = freshBuild();
    const r = run(['build', '--browser', join(tmp, 'no-such-browser')], { cwd: project, env: envB });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no usable browser for PDF output. Tried:');
    expect(r.stderr).toContain(`${join(tmp, 'no-such-browser')} (--browser): not found`);
    expect(r.stderr).toContain(`failed: ${SHIPPED.join(', ')}; no packet was written`);
    for (const [f, bytes] of before) expect(readFileSync(join(out, f)).equals(bytes), f).toBe(true);
    expect(tempFiles(out)).toEqual([]);
  });

  it('crashing mid-render (killed after the first PDF): exit 1 at once, “browser quit”, unprinted PDFs untouched, no browser left', async () => {
    const before = freshBuild();
    const b = await buildUntilFirstPdf(before);
    const family = descendants(b.browser);
    process.kill(b.browser, 'SIGKILL');
    const started = Date.now();
    const r = await b.done;
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/the browser quit \(crashed or was killed\) while printing [a-z-]+/);
    expect(r.stderr).toMatch(/packets failed: .*; written: [a-z-]+/);
    const unchanged = await pdfsWholeOrUnchanged(before);
    expect(unchanged).not.toContain(b.first);
    expect(unchanged.length).toBeGreaterThan(0);
    await until('the browser’s processes to exit', () => family.every((p) => !alive(p.pid)), 20_000, 50);
  }, 120_000);

  it('interrupted (Ctrl-C) mid-build: exit 130 at once, no browser left, every PDF whole or unchanged', async () => {
    // puppeteer's own signal handlers stop the browser; briefbook must not lose them.
    const before = freshBuild();
    const b = await buildUntilFirstPdf(before);
    const family = descendants(b.browser);
    expect(family.length).toBeGreaterThan(0);
    b.child.kill('SIGINT');
    const r = await b.done;
    expect(r.code).toBe(130);
    await until('the browser’s processes to exit', () => family.every((p) => !alive(p.pid)), 20_000, 50);
    for (const n of SHIPPED) {
      const now = readFileSync(join(out, `${n}.pdf`));
      if (!now.equals(before.get(`${n}.pdf`)!)) expect(await pdfPages(now)).toBe(await pdfPages(before.get(`${n}.pdf`)!));
    }
  }, 120_000);

  it('terminated (SIGTERM) mid-build: the browser is stopped, exit 1, unprinted packets keep their files', async () => {
    const before = freshBuild();
    const b = await buildUntilFirstPdf(before);
    const family = descendants(b.browser);
    b.child.kill('SIGTERM');
    const r = await b.done;
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/the browser quit \(crashed or was killed\) while printing [a-z-]+/);
    const unchanged = await pdfsWholeOrUnchanged(before);
    expect(unchanged.length).toBeGreaterThan(0);
    await until('the browser’s processes to exit', () => family.every((p) => !alive(p.pid)), 20_000, 50);
  }, 120_000);

  it('hanging mid-render (renderers stopped): each page gives up after --timeout, exit 1, the command ends', async () => {
    const before = freshBuild();
    // 8 s: long enough that a loaded machine (the whole suite at once) still prints the
    // first PDF in time, which the test waits for before it stops the renderers.
    const b = await buildUntilFirstPdf(before, ['--timeout', '8']);
    const stopped = descendants(b.browser).filter((p) => p.cmd.includes('--type=renderer'));
    expect(stopped.length).toBeGreaterThan(0);
    for (const p of stopped) process.kill(p.pid, 'SIGSTOP');
    try {
      const started = Date.now();
      const r = await b.done;
      // Two pages at a time, each given 8 s, for at most five packets left, and the close.
      expect(Date.now() - started).toBeLessThan(60_000);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('the browser took longer than 8 s to render a page');
      expect(r.stderr).toContain('raise the limit with --timeout SECONDS');
      const unchanged = await pdfsWholeOrUnchanged(before);
      expect(unchanged.length).toBeGreaterThan(0);
      await until('the browser to exit', () => !alive(b.browser), 20_000, 50);
    } finally {
      for (const p of stopped) {
        try {
          process.kill(p.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
  }, 120_000);
});

describe('faults: the output folder', () => {
  it('out is a file: exit 1, “a file is in the way”, nothing written', () => {
    const root = testdir({ ...fixtureProject(), out: 'not a folder\n' });
    const r = run(['build', '-f', 'md', '-f', 'html'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error: cannot write .*out\/press\.md: a file is in the way of the folder .*out \(EEXIST\)/);
    expect(r.stderr).toContain('hint: move that file away, or write somewhere else');
    expect(r.stderr).not.toContain('this is a bug');
    expect(readFileSync(join(root, 'out'), 'utf8')).toBe('not a folder\n');
  });

  it('--out under a file: exit 1, “a file is in the way”', () => {
    const root = testdir({ ...fixtureProject(), 'file.txt': 'x' });
    const r = run(['build', '-f', 'md', '-o', 'file.txt/packets'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot write .*file\.txt\/packets\/press\.md: a file is in the way of the folder .*\(ENOTDIR\)/);
  });

  it.skipIf(!canMount)('read-only out/ (a read-only tmpfs): exit 1, “read-only file system”, nothing written', () => {
    const root = testdir(fixtureProject());
    mounts.push(join(root, 'out'));
    expect(mountTmpfs(join(root, 'out'), '64k', true)).toBe(true);
    try {
      const r = run(['build', '-f', 'md', '-f', 'html'], { cwd: root });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/error: cannot write .*out\/press\.md: the folder is on a read-only file system \(EROFS\)/);
      expect(r.stderr).not.toContain('this is a bug');
      expect(readdirSync(join(root, 'out'))).toEqual([]);
    } finally {
      unmount(join(root, 'out'));
    }
  });

  it.skipIf(!canMount)('disk full (a small tmpfs): exit 1, “the disk is full”, earlier outputs intact, no temp files', () => {
    const root = testdir(fixtureProject());
    const dir = join(root, 'out');
    mounts.push(dir);
    expect(mountTmpfs(dir, '256k')).toBe(true);
    try {
      expect(run(['build', '-f', 'md', '-f', 'html', '-q'], { cwd: root, env: envA }).code).toBe(0);
      const before = snapshot(dir);
      fill(join(dir, 'filler'));
      const r = run(['build', '-f', 'md', '-f', 'html'], { cwd: root, env: envB });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/error: cannot write .*out\/[a-z]+\.(md|html): the disk is full \(ENOSPC\)/);
      expect(r.stderr).toContain('hint: free some space on that disk and run the command again');
      rmSync(join(dir, 'filler'));
      expect(snapshot(dir)).toEqual(before);
      // With room again, the same build goes through.
      expect(run(['build', '-f', 'md', '-f', 'html', '-q'], { cwd: root, env: envB }).code).toBe(0);
      expect(snapshot(dir)).not.toEqual(before);
    } finally {
      unmount(dir);
    }
  });
});

describe('faults: watch', () => {
  it('a fact file deleted while watching is reported, watching goes on, outputs stay; restoring it (edited) rebuilds', async () => {
    const root = testdir(fixtureProject());
    const facts = join(root, 'data/facts.yaml');
    const text = readFileSync(facts, 'utf8');
    const w = start(['watch', '-f', 'md', '-f', 'html'], { cwd: root, env: envA });
    const printed = (stream: 'stdout' | 'stderr', re: RegExp) => re.test(stream === 'stdout' ? w.stdout() : w.stderr());
    try {
      await until('the first build', () => printed('stdout', /\bbuilt\b/), 30_000, 20);
      const before = snapshot(join(root, 'out'));
      expect(before.size).toBe(4);

      unlinkSync(facts);
      await until('the deletion to be reported', () => printed('stderr', /still watching/), 30_000, 20);
      expect(w.stderr()).toMatch(/data\/(events|questions)\.yaml:\d+:\d+: error: unknown fact "pub\.[a-z]+"/);
      expect(w.child.exitCode).toBe(null);
      expect(snapshot(join(root, 'out'))).toEqual(before);

      // Back, with one statement edited: the packets that show it are rebuilt.
      writeFileSync(facts, text.replace('twelve thousand', 'fifteen thousand'));
      await until('the rebuild after restoring the file', () => printed('stdout', /\brebuilt\b.*press\.md/), 30_000, 20);
      expect(readFileSync(join(root, 'out/press.md'), 'utf8')).toContain('fifteen thousand');
      expect(tempFiles(join(root, 'out'))).toEqual([]);
    } catch (e) {
      throw new Error(`${(e as Error).message}\nstdout:\n${w.stdout()}\nstderr:\n${w.stderr()}`);
    } finally {
      w.child.kill('SIGINT');
    }
    const r = await w.done;
    expect(r.code).toBe(0);
  }, 90_000);
});

/** Writes to `path` until the disk is full. */
function fill(path: string): void {
  const chunk = Buffer.alloc(4096, 120);
  mkdirSync(join(path, '..'), { recursive: true });
  try {
    for (let i = 0; i < 100_000; i++) writeFileSync(path, chunk, { flag: 'a' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
    return;
  }
  throw new Error('the disk never filled');
}
