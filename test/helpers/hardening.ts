// Shared pieces of the hardening suite: a copy of the shipped project in a temp folder,
// PDF checks, the process tree of a browser, and a size-limited tmpfs for a full disk.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { REPO } from './cli.js';

export const SHIPPED = ['briefing-book', 'executive-brief', 'hearing-day', 'member-memo', 'press-points', 'witness-prep'];

/** A copy of the shipped project (not under git) in `root`. */
export function copyShipped(root: string): string {
  mkdirSync(root, { recursive: true });
  for (const p of ['briefbook.yaml', 'data', 'templates']) cpSync(join(REPO, p), join(root, p), { recursive: true });
  return root;
}

/** A fixed date for the build stamp: every run of the same inputs gives the same bytes. */
export const epoch = (isoDay: string) => String(Date.parse(`${isoDay}T12:00:00Z`) / 1000);

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` every `every` ms until it returns a value, or fails after `ms`. */
export async function until<T>(what: string, check: () => T | undefined | false, ms = 30_000, every = 10): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(every);
  }
}

/** Every file in a folder, name → bytes. */
export function snapshot(dir: string): Map<string, Buffer> {
  return new Map(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f))]),
  );
}

/** Leftover temp files of atomic writes (`.name.pid.random.tmp`). */
export const tempFiles = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('.') || f.endsWith('.tmp'));

/** A complete PDF: header, trailer, parses with pdf-lib; its page count. */
export async function pdfPages(bytes: Uint8Array): Promise<number> {
  const head = Buffer.from(bytes.subarray(0, 5)).toString('latin1');
  const tail = Buffer.from(bytes.subarray(-16)).toString('latin1');
  if (head !== '%PDF-' || !tail.includes('%%EOF')) throw new Error('not a complete PDF (header or %%EOF trailer missing)');
  return (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
}

export const pdfText = (file: string) => spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie has exited; it only waits to be reaped.
  const stat = readFileSafe(`/proc/${pid}/stat`);
  return !/^\d+ \(.*\) Z/.test(stat);
}

function readFileSafe(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** Descendants of `pid` (from /proc), with their command lines. */
export function descendants(pid: number): { pid: number; cmd: string }[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readFileSafe(`/proc/${name}/stat`);
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid) parent.set(Number(name), ppid);
  }
  const out: { pid: number; cmd: string }[] = [];
  for (const [p] of parent) {
    for (let q = parent.get(p); q; q = parent.get(q)) {
      if (q === pid) {
        out.push({ pid: p, cmd: readFileSafe(`/proc/${p}/cmdline`).replace(/\0/g, ' ') });
        break;
      }
    }
  }
  return out;
}

/** A browser wrapper script that records the real browser's pid, then becomes it. */
export const BROWSER_WRAPPER = `#!/bin/sh
echo $$ > "$(dirname "$0")/browser.pid"
exec "\${REAL_BROWSER:-/usr/bin/chromium}" "$@"
`;

export const REAL_BROWSER = process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium';
export const hasBrowser = existsSync(REAL_BROWSER);

/**
 * Mounts a tmpfs of `size` (e.g. "200k") on `dir`, read-only when asked. Needs root and a
 * kernel that lets us mount; returns false when it may not (the test then says so and skips).
 */
export function mountTmpfs(dir: string, size: string, readOnly = false): boolean {
  mkdirSync(dir, { recursive: true });
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `${readOnly ? 'ro,' : ''}size=${size},mode=0755`, 'tmpfs', dir], { encoding: 'utf8' });
  return r.status === 0;
}

export function unmount(dir: string): void {
  spawnSync('umount', ['-l', dir]);
}

export const canMount = (() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = join(process.env.TMPDIR ?? '/tmp', `briefbook-mount-probe-${process.pid}`);
  const ok = mountTmpfs(probe, '16k');
  if (ok) unmount(probe);
  spawnSync('rmdir', [probe]);
  return ok;
})();

/** A TCP listener on 127.0.0.1 that counts connection attempts (and drops each at once). */
export async function countingListener(): Promise<{ port: number; count: () => number; close: () => Promise<void> }> {
  const { createServer } = await import('node:net');
  let connections = 0;
  const server = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    count: () => connections,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
