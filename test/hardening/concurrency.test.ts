// Many builds into one out/ at once, and a build killed mid-way. Outputs are written
// atomically (temp file + rename), so a reader, or a later build, only ever finds whole
// files: the old one or the new one.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureProject } from '../fixtures/render.js';
import { run, start } from '../helpers/cli.js';
import {
  alive,
  BROWSER_WRAPPER,
  copyShipped,
  epoch,
  hasBrowser,
  pdfPages,
  pdfText,
  REAL_BROWSER,
  SHIPPED,
  snapshot,
  tempFiles,
  until,
} from '../helpers/hardening.js';
import { testdir } from '../helpers/testdir.js';

const tmp = mkdtempSync(join(tmpdir(), 'briefbook-hardening-'));
const project = copyShipped(join(tmp, 'project'));
const out = join(project, 'out');
const ref = join(tmp, 'ref');
const DAY_A = '2026-06-26';
const DAY_B = '2026-06-27';
/** Day B as the stamp ("files as of 2026-06-27") or a date line ("June 27, 2026") shows it. */
const DATED_B = /2026-06-27|June 27, 2026/;
const envA = { SOURCE_DATE_EPOCH: epoch(DAY_A) };
let reference: Map<string, Buffer>;

beforeAll(() => {
  const r = run(['build', '-o', ref, '-q'], { cwd: project, env: envA, timeout: 120_000 });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  reference = snapshot(ref);
  expect([...reference.keys()]).toEqual(SHIPPED.flatMap((n) => [`${n}.html`, `${n}.md`, `${n}.pdf`]));
}, 180_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.skipIf(!hasBrowser)('concurrency', () => {
  it('10 builds at once into the same out/ (2 with PDFs) leave every file whole and equal to a single build’s', async () => {
    const builds = Array.from({ length: 10 }, (_, i) =>
      start(['build', ...(i < 2 ? [] : ['-f', 'md', '-f', 'html']), '-q'], { cwd: project, env: envA }),
    );
    // Meanwhile, read every output over and over: any file seen must be the whole file.
    const torn: string[] = [];
    let reads = 0;
    let running = true;
    const reader = (async () => {
      while (running) {
        for (const f of safeList(out)) {
          if (f.startsWith('.')) continue;
          let bytes: Buffer;
          try {
            bytes = readFileSync(join(out, f));
          } catch {
            continue; // renamed over between listing and reading
          }
          reads++;
          if (!bytes.equals(reference.get(f) ?? Buffer.alloc(0))) torn.push(`${f} (${bytes.length} bytes)`);
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const results = await Promise.all(builds.map((b) => b.done));
    running = false;
    await reader;

    for (const r of results) {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
    expect(reads).toBeGreaterThan(0);
    expect(torn).toEqual([]);
    expect(readdirSync(out).sort()).toEqual([...reference.keys()]);
    expect(tempFiles(out)).toEqual([]);
    for (const [f, bytes] of reference) {
      const now = readFileSync(join(out, f));
      expect(now.equals(bytes), `${f} differs from a single build's`).toBe(true);
      if (f.endsWith('.pdf')) expect(await pdfPages(now)).toBe(await pdfPages(bytes));
    }
  }, 180_000);

  it('a build killed mid-way (SIGKILL while writing PDFs) leaves earlier outputs intact and no partial files', async () => {
    // out/ holds a complete build of day A; build day B (every packet's date line and
    // stamp change) and kill it as soon as its first PDF is in place.
    const before = new Map([...reference].map(([f, bytes]) => [f, { bytes, mtime: statSync(join(out, f)).mtimeMs }]));
    const wrapper = join(tmp, 'browser');
    writeFileSync(wrapper, BROWSER_WRAPPER, { mode: 0o755 });
    const b = start(['build', '-q', '--browser', wrapper], { cwd: project, env: { SOURCE_DATE_EPOCH: epoch(DAY_B), REAL_BROWSER } });
    const firstPdf = await until(
      'the first PDF of the second build',
      () => SHIPPED.map((n) => `${n}.pdf`).find((f) => safeMtime(join(out, f)) !== before.get(f)?.mtime),
      60_000,
      2,
    );
    b.child.kill('SIGKILL');
    const r = await b.done;
    expect(r.signal).toBe('SIGKILL');

    const after = snapshot(out);
    expect([...after.keys()].filter((f) => !f.startsWith('.'))).toEqual([...reference.keys()]);
    const unchanged: string[] = [];
    for (const [f, bytes] of after) {
      if (f.startsWith('.')) continue;
      if (bytes.equals(before.get(f)?.bytes ?? Buffer.alloc(0))) {
        unchanged.push(f);
        continue;
      }
      // Rewritten: whole, and the new build's (a packet's files go in place together, once its PDF is printed).
      if (f.endsWith('.pdf')) {
        expect(await pdfPages(bytes)).toBe(await pdfPages(before.get(f)!.bytes));
        writeFileSync(join(tmp, 'check.pdf'), bytes);
        expect(pdfText(join(tmp, 'check.pdf'))).toMatch(DATED_B);
      } else {
        expect(bytes.toString('utf8')).toMatch(DATED_B);
      }
    }
    // Never a packet's new Markdown beside its old PDF: each packet is all new or all old.
    for (const n of SHIPPED) {
      const kept = unchanged.filter((f) => f.startsWith(`${n}.`)).length;
      expect([0, 3], n).toContain(kept);
    }
    expect(unchanged.length, `killed after ${firstPdf}, yet every PDF was rewritten`).toBeGreaterThan(0);

    // The killed build's browser goes away with it (its end of the pipe closes).
    const browser = Number(readFileSync(join(tmp, 'browser.pid'), 'utf8'));
    await until('the killed build’s browser to exit', () => !alive(browser), 20_000, 50);

    // The next build replaces everything and sweeps any temp file the killed one left.
    const again = run(['build', '-f', 'pdf', '-q'], { cwd: project, env: { SOURCE_DATE_EPOCH: epoch(DAY_B) }, timeout: 120_000 });
    expect(again.code).toBe(0);
    expect(tempFiles(out)).toEqual([]);
  }, 180_000);
});

describe('stale temp files', () => {
  it('a write removes temp files left by a dead writer of the same file, and keeps a live one’s', () => {
    const root = testdir(fixtureProject());
    expect(run(['build', '-f', 'md', '-q'], { cwd: root }).code).toBe(0);
    const dead = '.press.md.99999999.0badc0de.tmp'; // no such pid: above any pid_max
    const live = `.press.md.${process.pid}.0c0ffee0.tmp`;
    const other = '.notes.txt.99999999.0badc0de.tmp'; // not a file briefbook writes now
    for (const f of [dead, live, other]) writeFileSync(join(root, 'out', f), 'half a file');
    expect(run(['build', '-f', 'md', '-q'], { cwd: root }).code).toBe(0);
    const left = readdirSync(join(root, 'out'));
    expect(left).not.toContain(dead);
    expect(left).toContain(live);
    expect(left).toContain(other);
    expect(alive(process.pid)).toBe(true);
  });
});

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function safeMtime(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}
