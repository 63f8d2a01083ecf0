// `briefbook watch` end to end: the real CLI as a child process on a project made by
// `init`. Every wait is bounded; every child is stopped (and checked to exit 0).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Started, start } from './helpers/cli.js';
import { paragraphs, readDocx } from './helpers/docx.js';
import { count, initProject, read } from './helpers/project.js';

const children: Started[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) await c.stop('SIGKILL').catch(() => undefined);
});

function watch(root: string, args: string[], env?: Record<string, string>): Started {
  const c = start(['watch', ...args], { cwd: root, env });
  children.push(c);
  return c;
}

const FACTS = 'data/facts/outage.yaml';
const edit = (root: string, path: string, from: string, to: string) => {
  const text = read(root, path);
  expect(text).toContain(from);
  writeFileSync(join(root, path), text.replace(from, to));
};

// Durations print as "795 ms", or "1.2 s" from a second up (a loaded machine gets there).
describe('briefbook watch', () => {
  it('rebuilds after an edit, survives a broken edit, and exits 0 on Ctrl-C', async () => {
    const root = initProject();
    const w = watch(root, ['-f', 'md']);
    await w.waitFor('the first build', () => /^built member-memo\.md; press-points\.md in (\d+ ms|\d+\.\d s)$/m.test(w.stdout()));

    edit(root, FACTS, 'stayed in force for about three days', 'stayed in force for about 72 hours');
    await w.waitFor('the rebuilt memo', () => read(root, 'out/member-memo.md').includes('about 72 hours'));
    await w.waitFor('the log line', () =>
      /^rebuilt member-memo\.md; press-points\.md in (\d+ ms|\d+\.\d s) {2}← data\/facts\/outage\.yaml$/m.test(w.stdout()),
    );

    const good = read(root, FACTS);
    writeFileSync(join(root, FACTS), good.replace('  - id: outage.households\n', '  - id: outage.households\n   oops: [\n'));
    await w.waitFor('the located error', () => /data\/facts\/outage\.yaml:\d+:\d+: error: /.test(w.stderr()));
    // Written after the error, in a write of its own: a loaded machine may show it a moment later.
    await w.waitFor('"still watching"', () => w.stderr().includes('still watching'));
    expect(w.child.exitCode).toBeNull();
    expect(read(root, 'out/member-memo.md')).toContain('about 72 hours'); // the last good packet stays

    writeFileSync(join(root, FACTS), good.replace('about 72 hours', 'about three days'));
    await w.waitFor('the rebuild after the fix', () => read(root, 'out/member-memo.md').includes('about three days'));

    unlinkSync(join(root, 'data/glossary.yaml')); // nothing cites the glossary: the packets rebuild
    await w.waitFor('a rebuild after a deleted file', () => w.stdout().includes('data/glossary.yaml'));
    unlinkSync(join(root, 'data/questions.yaml'));
    unlinkSync(join(root, 'data/events.yaml')); // the memo's {{#questions}} and timeline now come out empty
    await w.waitFor('the deletions seen', () => w.stdout().includes('data/questions.yaml'));
    unlinkSync(join(root, 'data/sources.yaml')); // now every citation is dangling: errors, and watching goes on
    await w.waitFor('the dangling references reported', () =>
      /data\/facts\/outage\.yaml:\d+:\d+: error: unknown source "src\./.test(w.stderr()),
    );
    expect(w.child.exitCode).toBeNull();

    expect(await w.stop('SIGINT')).toBe(0);
  });

  it('rewrites the Word files too when asked for them', async () => {
    const root = initProject();
    const w = watch(root, ['-f', 'md', '-f', 'docx']);
    await w.waitFor('the first build', () =>
      /^built member-memo\.md, \.docx; press-points\.md, \.docx in (\d+ ms|\d+\.\d s)$/m.test(w.stdout()),
    );
    const words = () =>
      paragraphs(readDocx(join(root, 'out/member-memo.docx')).get('word/document.xml') ?? '')
        .map((p) => p.text)
        .join('\n');
    expect(words()).toContain('stayed in force for about three days');
    edit(root, FACTS, 'stayed in force for about three days', 'stayed in force for about 72 hours');
    await w.waitFor('the rebuilt Word file', () => words().includes('stayed in force for about 72 hours'));
    expect(await w.stop('SIGINT')).toBe(0);
  });

  it('rebuilds only the packets that read what changed', async () => {
    const root = initProject();
    const w = watch(root, ['-f', 'md', '-f', 'html']);
    await w.waitFor(
      'the first build',
      () => w.stdout().startsWith('watching') && w.stdout().includes('built member-memo.md, .html; press-points.md, .html'),
    );
    const pressText = read(root, 'out/press-points.md');

    // Cited only by an internal fact: only the member memo's notes show it; the press
    // points are rendered again because their leak guard checks them against the text
    // they may not see, and that text changed. What they print does not change.
    edit(root, 'data/sources.yaml', 'title: Staff briefing call with', 'title: Staff call with');
    await w.waitFor('the packets rebuilt', () =>
      /^rebuilt member-memo\.md, \.html; press-points\.md, \.html in (\d+ ms|\d+\.\d s) {2}← data\/sources\.yaml$/m.test(w.stdout()),
    );
    expect(read(root, 'out/member-memo.md')).toContain('Staff call with');
    expect(read(root, 'out/press-points.md')).toBe(pressText);
    const pressBefore = statSync(join(root, 'out/press-points.md')).mtimeMs;

    // Printed by no packet (the contractor's silence is only cited, never quoted).
    edit(root, FACTS, 'has given no public account of its own', 'has offered no public account of its own');
    await w.waitFor('the no-op', () => w.stdout().includes('no packet uses what changed in data/facts/outage.yaml'));

    // An audience file edit rebuilds that audience.
    edit(root, 'templates/audiences/member-memo.md', '## Key facts', '## The key facts');
    await w.waitFor('the memo template rebuilt', () => read(root, 'out/member-memo.md').includes('## The key facts'));
    expect(statSync(join(root, 'out/press-points.md')).mtimeMs).toBe(pressBefore);
    expect(count(w.stdout(), /press-points/)).toBe(2); // the first build, and the leak re-check above

    // A partial (here a new project partial overriding the built-in one) rebuilds every audience.
    mkdirSync(join(root, 'templates/partials'));
    writeFileSync(join(root, 'templates/partials/colophon.hbs'), 'Our own colophon for {{audience}}.\n');
    await w.waitFor('every packet rebuilt', () => read(root, 'out/press-points.md').includes('Our own colophon for Press office.'));
    await w.waitFor('the log line', () =>
      /^rebuilt member-memo\.md, \.html; press-points\.md, \.html in (\d+ ms|\d+\.\d s)/m.test(w.stdout()),
    );

    expect(await w.stop('SIGTERM')).toBe(0);
  });

  it('serves the HTML on 127.0.0.1 with live reload, never writing the script into the files', async () => {
    const root = initProject();
    const w = watch(root, ['-f', 'html', '--serve', '--port', '0']);
    await w.waitFor(
      'the URL and first build',
      () => /preview {2}http:\/\/127\.0\.0\.1:\d+\//.test(w.stdout()) && w.stdout().includes('built '),
    );
    const url = new URL(/preview {2}(\S+)/.exec(w.stdout())?.[1] ?? '');
    expect(url.hostname).toBe('127.0.0.1');

    const page = await get(url, '/member-memo.html');
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/<script nonce="[^"]+">new EventSource\('\/events'\)/);
    expect(page.body).toMatch(/script-src 'nonce-[^']+'; connect-src 'self'">/);
    expect(read(root, 'out/member-memo.html')).not.toContain('<script');
    expect((await get(url, '/')).body).toContain('<a href="/press-points.html">press-points</a>');
    for (const path of ['/member-memo.md', '/../briefbook.yaml', '/data/sources.yaml', '/%2e%2e/briefbook.yaml']) {
      expect((await get(url, path)).status, path).toBe(404);
    }
    expect((await get(url, '/member-memo.html', { host: 'attacker.example' })).status).toBe(403);

    const events = await openEvents(url);
    edit(root, FACTS, 'about three days', 'about 72 hours');
    await w.waitFor('a reload event', () => events.text().includes('event: reload\ndata: ["member-memo","press-points"]'));
    events.close();
    expect(await w.stop('SIGINT')).toBe(0);
  });

  it('keeps one browser open across PDF rebuilds and closes it on Ctrl-C', async () => {
    const root = initProject();
    // puppeteer puts the browser profile in the temp folder: a private one identifies our browser.
    const tmp = mkdtempSync(join(tmpdir(), 'bb-watch-pdf-'));
    try {
      const w = watch(root, ['-a', 'member-memo', '-f', 'md', '-f', 'pdf'], { TMPDIR: tmp });
      await w.waitFor('the first PDF', () => /^printed member-memo\.pdf \(\d p\.\) in /m.test(w.stdout()), 30_000);
      expect(browsers(tmp)).toBeGreaterThan(0);
      const first = readFileSync(join(root, 'out/member-memo.pdf'));

      edit(root, FACTS, 'about three days', 'about 72 hours');
      await w.waitFor('the second PDF', () => count(w.stdout(), /^printed member-memo\.pdf/m) === 2, 30_000);
      expect(readFileSync(join(root, 'out/member-memo.pdf')).equals(first)).toBe(false);
      expect(count(w.stdout(), /^browser .* started in/m)).toBe(1);

      expect(await w.stop('SIGINT')).toBe(0);
      await until(() => browsers(tmp) === 0, 5_000);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 120_000);
});

/** Live browser processes whose command line names the private temp folder. */
function browsers(tmp: string): number {
  try {
    return execFileSync('pgrep', ['-f', tmp], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).length;
  } catch {
    return 0; // pgrep exits 1 when nothing matches
  }
}

async function until(test: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function get(url: URL, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => {
        body += d.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.setTimeout(5_000, () => req.destroy(new Error(`GET ${path} timed out`)));
    req.end();
  });
}

async function openEvents(url: URL): Promise<{ text(): string; close(): void }> {
  let text = '';
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: '/events' }, (res) => {
      res.on('data', (d: Buffer) => {
        text += d.toString();
      });
      resolve({ text: () => text, close: () => req.destroy() });
    });
    req.on('error', reject);
    req.end();
  });
}
