// `briefbook build` end to end through the built CLI, on fixture projects: outputs,
// the leak guard, injection, atomic writes, and what happens without a working browser.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlText } from '../src/render/escape.js';
import { fixtureProject, INJECTION, PRESS, SECRET } from './fixtures/render.js';
import { BIN, REPO, run } from './helpers/cli.js';
import { testdir } from './helpers/testdir.js';

const read = (root: string, file: string) => readFileSync(join(root, file), 'utf8');
const outFiles = (root: string) => (existsSync(join(root, 'out')) ? readdirSync(join(root, 'out')).sort() : []);

describe('build: Markdown and HTML', () => {
  it('writes every audience in the asked formats and reports them with --json', () => {
    const root = testdir(fixtureProject());
    const r = run(['build', '-f', 'md', '-f', 'html', '--json'], { cwd: root });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const written = JSON.parse(r.stdout);
    expect(written).toEqual([
      { audience: 'press', format: 'md', path: 'out/press.md', bytes: statSync(join(root, 'out/press.md')).size },
      { audience: 'press', format: 'html', path: 'out/press.html', bytes: statSync(join(root, 'out/press.html')).size },
      { audience: 'staff', format: 'md', path: 'out/staff.md', bytes: statSync(join(root, 'out/staff.md')).size },
      { audience: 'staff', format: 'html', path: 'out/staff.html', bytes: statSync(join(root, 'out/staff.html')).size },
    ]);
    const html = read(root, 'out/staff.html');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'`);
    expect(html).toMatch(/<style>[\s\S]*font-family/);
    expect(html).not.toMatch(/<link|<script|\ssrc=/);
    expect(html).toContain('<nav class="contents">');
    expect(html).toContain('<h2 id="key-facts">');
  });

  it('builds only the named audience, quietly, and lists audiences', () => {
    const root = testdir(fixtureProject());
    const r = run(['build', '-a', 'press', '-f', 'md', '-q'], { cwd: root });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(outFiles(root)).toEqual(['press.md']);
    const list = run(['list', 'audiences', '--json'], { cwd: root });
    expect(JSON.parse(list.stdout)).toEqual([
      { name: 'press', title: 'Press points', file: 'templates/audiences/press.md', sensitivity: 'public' },
      { name: 'staff', title: 'Staff book', file: 'templates/audiences/staff.md', sensitivity: 'internal' },
    ]);
  });

  it.skipIf(spawnSync('script', ['--version']).status !== 0)('prints a progress line per file only when stderr is a terminal', () => {
    const root = testdir(fixtureProject());
    const tty = spawnSync('script', ['-qec', `"${process.execPath}" "${BIN}" build -f md`, '/dev/null'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(tty.stdout.replace(/\r/g, '')).toMatch(/^wrote out\/press\.md \(\d+ B\)\nwrote out\/staff\.md \(\d+ (B|kB)\)\n$/);
    expect(run(['build', '-f', 'md'], { cwd: root })).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('refuses an unknown audience with the closest names', () => {
    const root = testdir(fixtureProject());
    const r = run(['build', '-a', 'pres', '-f', 'md'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('unknown audience "pres": did you mean "press"?');
  });
});

describe('build: the leak guard', () => {
  it('keeps internal facts out of a public packet and in an internal one', () => {
    const root = testdir(fixtureProject());
    expect(run(['build', '-f', 'md', '-f', 'html', '-q'], { cwd: root }).code).toBe(0);
    for (const f of ['out/press.md', 'out/press.html']) expect(read(root, f)).not.toContain('subpoena');
    expect(read(root, 'out/staff.md')).toContain(SECRET);
  });

  it('fails the build when a public template refers to an internal fact, naming file, line and fact', () => {
    const body = PRESS.replace('## Points\n', '## Points\n\nAlso: {{fact "int.secret"}}\n');
    const root = testdir(fixtureProject({ 'templates/audiences/press.md': body }));
    const r = run(['build', '-f', 'md'], { cwd: root });
    expect(r.code).toBe(1);
    const line = body.split('\n').findIndex((l) => l.includes('int.secret')) + 1;
    expect(r.stderr).toContain(
      `templates/audiences/press.md:${line}:7: error: fact "int.secret" is internal, above this audience's sensitivity (public)`,
    );
    expect(r.stderr).toContain('error: packet press failed; written: staff');
    expect(outFiles(root)).toEqual(['staff.md']);
  });

  it('fails the build when an internal statement reaches a public packet some other way', () => {
    const root = testdir(fixtureProject({ 'templates/audiences/press.md': `${PRESS}\nNote: ${SECRET}\n` }));
    const r = run(['build', '-f', 'md'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^data\/facts\.yaml:\d+:\d+: error: press: the packet contains the text of fact "int\.secret", which is internal, above its sensitivity \(public\); nothing was written for it \(facts\[3\]\.statement\)$/m,
    );
    expect(outFiles(root)).toEqual(['staff.md']);
  });
});

describe('build: injection', () => {
  it('prints markup in a fact statement as text in Markdown and HTML', () => {
    const root = testdir(fixtureProject());
    const facts = read(root, 'data/facts.yaml');
    writeFileSync(
      join(root, 'data/facts.yaml'),
      `${facts}  - id: pub.inject\n    statement: ${JSON.stringify(INJECTION)}\n    status: reported\n    sensitivity: public\n    tags: [key]\n    sources: [{ source: s.one }, { source: s.two }]\n`,
    );
    const r = run(['build', '-a', 'press', '-f', 'md', '-f', 'html', '-q'], { cwd: root });
    expect([r.code, r.stderr]).toEqual([0, '']);
    const md = read(root, 'out/press.md');
    expect(md).toContain('Alpha said \\<script\\>alert(1)\\</script\\> and \\[click here\\](javascript:alert(2))');
    const html = read(root, 'out/press.html');
    expect(html).not.toMatch(/<script|<img|<b>|<strong>loudly|href="javascript|href="https:\/\/evil/);
    expect(htmlText(html)).toContain(INJECTION);
  });
});

describe('build: atomic writes', () => {
  it('leaves a failed packet’s earlier outputs untouched, writes the others, with no temp files', () => {
    const root = testdir(fixtureProject());
    expect(run(['build', '-f', 'md', '-f', 'html', '-q'], { cwd: root }).code).toBe(0);
    const before = outFiles(root).map((f) => [f, read(root, `out/${f}`), statSync(join(root, 'out', f)).mtimeMs]);
    writeFileSync(
      join(root, 'templates/audiences/staff.md'),
      read(root, 'templates/audiences/staff.md').replace('pub.figures', 'pub.figurs'),
    );
    writeFileSync(join(root, 'data/facts.yaml'), read(root, 'data/facts.yaml').replace('twelve thousand', 'fifteen thousand'));
    const r = run(['build', '-f', 'md', '-f', 'html'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/templates\/audiences\/staff\.md:\d+:\d+: error: unknown fact id "pub.figurs"/);
    expect(r.stderr).toContain('did you mean "pub.figures"?');
    const after = outFiles(root).map((f) => [f, read(root, `out/${f}`), statSync(join(root, 'out', f)).mtimeMs]);
    expect(after.filter(([f]) => String(f).startsWith('staff.'))).toEqual(before.filter(([f]) => String(f).startsWith('staff.')));
    expect(after.map(([f]) => f)).toEqual(before.map(([f]) => f));
    expect(read(root, 'out/press.md')).toContain('fifteen thousand');
  });

  it('leaves an output that already holds the new bytes as it is, and replaces one that does not', () => {
    const root = testdir(fixtureProject());
    const env = { BRIEFBOOK_CACHE_DIR: 'off' };
    expect(run(['build', '-f', 'md', '-f', 'html', '-q'], { cwd: root, env }).code).toBe(0);
    const file = (f: string) => {
      const s = statSync(join(root, 'out', f));
      return { ino: s.ino, mtimeMs: s.mtimeMs, text: read(root, `out/${f}`) };
    };
    const before = new Map(outFiles(root).map((f) => [f, file(f)]));
    // An internal fact: only the staff packet shows it.
    writeFileSync(join(root, 'data/facts.yaml'), read(root, 'data/facts.yaml').replace(SECRET, SECRET.replace('July', 'August')));
    const r = run(['build', '-f', 'md', '-f', 'html', '--json'], { cwd: root, env });
    expect(r.code).toBe(0);
    // Every file is reported, changed or not: each holds what this build made.
    expect(
      JSON.parse(r.stdout)
        .map((w: { path: string }) => w.path)
        .sort(),
    ).toEqual(outFiles(root).map((f) => `out/${f}`));
    const after = new Map(outFiles(root).map((f) => [f, file(f)]));
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [f, now] of after) {
      const then = before.get(f);
      if (f.startsWith('staff.')) {
        expect(now.text, f).toContain('subpoena in August');
        expect(now.ino, `${f} is a new file`).not.toBe(then?.ino);
      } else expect(now, `${f} untouched`).toEqual(then);
    }
  });
});

describe('build: no usable browser', () => {
  it('says which paths were tried and how to get a browser; every packet keeps its previous files', () => {
    const root = testdir(fixtureProject());
    const r = run(['build', '--browser', '/nonexistent/chrome'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no usable browser for PDF output. Tried:');
    expect(r.stderr).toContain('/nonexistent/chrome (--browser): not found');
    expect(r.stderr).toContain('/usr/bin/chromium');
    expect(r.stderr).toContain('sudo apt-get install chromium');
    expect(r.stderr).toContain('npx puppeteer browsers install chrome');
    expect(r.stderr).toContain('or build without PDFs: -f md -f html');
    expect(r.stderr).toContain('error: 2 packets failed: press, staff; no packet was written');
    expect(outFiles(root)).toEqual([]);
  });

  it('reports a browser that crashes at start-up', () => {
    const root = testdir(fixtureProject({ 'fake-chrome': '#!/bin/sh\necho "fake browser: cannot open display" >&2\nexit 3\n' }));
    chmodSync(join(root, 'fake-chrome'), 0o755);
    const r = run(['build', '-a', 'press', '--browser', join(root, 'fake-chrome')], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${join(root, 'fake-chrome')} (--browser): failed to start`);
    expect(r.stderr).toContain('get one with:');
    expect(r.stderr).toContain('packet press failed; no packet was written');
    expect(outFiles(root)).toEqual([]);
  });

  it('gives up on a browser that hangs, and does not leave it running', async () => {
    const root = testdir(fixtureProject({ 'slow-chrome': '#!/bin/sh\necho $$ > "$(dirname "$0")/pid"\nexec sleep 120\n' }));
    chmodSync(join(root, 'slow-chrome'), 0o755);
    const started = Date.now();
    const r = run(['build', '-a', 'press', '-f', 'pdf', '--timeout', '2', '--browser', join(root, 'slow-chrome')], { cwd: root });
    expect(r.code).toBe(1);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.stderr).toContain('failed to start');
    const pid = Number(read(root, 'pid'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(() => process.kill(pid, 0)).toThrow();
  });
});

describe('build: front matter is data, not code', () => {
  it('refuses ---js front matter without running it', () => {
    const marker = '/tmp/briefbook-js-front-matter-ran';
    const root = testdir(
      fixtureProject({
        'templates/audiences/evil.md': `---js\n{ title: require('fs').writeFileSync('${marker}', 'x') }\n---\nbody\n`,
      }),
    );
    const r = run(['build', '-f', 'md'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('templates/audiences/evil.md:1:4: error: front matter in js is not allowed');
    expect(existsSync(marker)).toBe(false);
  });
});

describe('docs/packets.md', () => {
  it('has an "Adding an audience" example that builds against the shipped fact base', () => {
    const docs = read(REPO, 'docs/packets.md');
    const section = docs.slice(docs.indexOf('## Adding an audience'));
    const example = /```markdown\n([\s\S]*?)```/.exec(section)?.[1];
    expect(example).toMatch(/^---\n/);
    const root = testdir({ 'templates/audiences/committee-website.md': example ?? '' });
    cpSync(join(REPO, 'data'), join(root, 'data'), { recursive: true });
    for (const dir of ['partials', 'styles']) cpSync(join(REPO, 'templates', dir), join(root, 'templates', dir), { recursive: true });
    const r = run(['build', '-f', 'md', '-f', 'html', '--json'], { cwd: root });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(read(root, 'out/committee-website.md')).toContain('## What we know');
  });
});
