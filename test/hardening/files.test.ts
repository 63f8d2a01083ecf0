// Files briefbook reads that are not what they seem: a symbolic link out of the project (to
// a credentials file, say), a device that never ends (/dev/zero), a named pipe that never
// answers, a folder linked from outside. Each is refused with a located error and never
// read: the command ends at once, and nothing of the linked file is printed.

import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureProject } from '../fixtures/render.js';
import { run } from '../helpers/cli.js';
import { testdir } from '../helpers/testdir.js';

const SECRET_FILE = 'AWS_SECRET_ACCESS_KEY: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n';

/** A project beside a "credentials" file outside it. */
function setup(): { root: string; outside: string } {
  const base = testdir({ 'credentials.yaml': SECRET_FILE });
  const root = join(base, 'project');
  for (const [path, content] of Object.entries(fixtureProject())) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return { root, outside: join(base, 'credentials.yaml') };
}

const mkfifo = (path: string) => expect(spawnSync('mkfifo', [path]).status).toBe(0);

/** Runs the CLI, which must finish quickly: nothing it was given can make it wait or read forever. */
function quick(args: string[], cwd: string) {
  const started = Date.now();
  const r = run(args, { cwd, timeout: 20_000 });
  expect(r.code, `${args.join(' ')} did not finish: ${r.stderr}`).not.toBeNull();
  expect(Date.now() - started).toBeLessThan(20_000);
  expect(r.stderr).not.toContain('this is a bug');
  return r;
}

describe('files under data/', () => {
  it('refuses a link to a file outside the project, at the link, without printing the file', () => {
    const { root, outside } = setup();
    symlinkSync(outside, join(root, 'data/keys.yaml'));
    const r = quick(['validate'], root);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`data/keys.yaml:1:1: error: is a symbolic link to ${outside}, outside ${root}; it was not read`);
    expect(r.stderr).toContain('hint: briefbook reads only files inside the project');
    expect(r.stderr + r.stdout).not.toContain('wJalrXUtnFEMI');
  });

  it('walks into a folder named like a fact file, as into any folder', () => {
    const { root } = setup();
    mkdirSync(join(root, 'data/odd.yaml'));
    writeFileSync(join(root, 'data/odd.yaml/inner.yaml'), 'sources:\n  - { id: s.inner, title: Inner }\n');
    const r = quick(['list', 'sources', '--json'], root);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"s.inner"');
  });

  it.each([
    ['a link to /dev/zero', (p: string) => symlinkSync('/dev/zero', p), /is a symbolic link to \/dev\/zero, outside/],
    ['a named pipe', mkfifo, /is a named pipe \(FIFO\), not a regular file; it was not read/],
  ])('refuses %s at once', (_, make, message) => {
    const { root } = setup();
    make(join(root, 'data/odd.yaml'));
    const r = quick(['validate', '--json'], root);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { errors: { file: string; line: number; message: string }[] };
    expect(report.errors).toEqual([expect.objectContaining({ file: 'data/odd.yaml', line: 1, message: expect.stringMatching(message) })]);
  });

  it('refuses a folder linked from outside, and follows one inside the project (once, even in a loop)', () => {
    const { root } = setup();
    const elsewhere = testdir({ 'more.yaml': 'sources:\n  - { id: s.elsewhere, title: Elsewhere }\n' });
    symlinkSync(elsewhere, join(root, 'data/linked'));
    const r = quick(['validate'], root);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`data/linked:1:1: error: is a symbolic link to ${elsewhere}, outside ${root}`);

    const inside = setup().root;
    mkdirSync(join(inside, 'shared'));
    writeFileSync(join(inside, 'shared/more.yaml'), 'sources:\n  - { id: s.shared, title: Shared }\n');
    symlinkSync('../shared', join(inside, 'data/shared'));
    symlinkSync('..', join(inside, 'data/loop'));
    const ok = quick(['list', 'sources', '--json'], inside);
    expect(ok.code).toBe(0);
    expect((JSON.parse(ok.stdout) as { id: string }[]).filter((s) => s.id === 's.shared')).toHaveLength(1);
  });
});

describe('files under templates/', () => {
  // A Markdown build reads no stylesheet (it makes no HTML page): that one is built as HTML.
  it.each([
    ['an audience', 'templates/audiences/leak.md', 'md'],
    ['a partial', 'templates/partials/colophon.hbs', 'md'],
    ['a stylesheet', 'templates/styles/briefbook.css', 'html'],
  ])('refuses %s that links outside the project, at the file', (_, path, format) => {
    const { root, outside } = setup();
    spawnSync('rm', ['-f', join(root, path)]);
    symlinkSync(outside, join(root, path));
    const r = quick(['build', '-f', format], root);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${path}:1:1: error: is a symbolic link to ${outside}, outside ${root}; it was not read`);
    expect(r.stderr).not.toContain('wJalrXUtnFEMI');
  });

  it('refuses a partial that is a named pipe instead of waiting on it', () => {
    const { root } = setup();
    mkfifo(join(root, 'templates/partials/pipe.hbs'));
    const r = quick(['build', '-f', 'md'], root);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('templates/partials/pipe.hbs:1:1: error: is a named pipe (FIFO), not a regular file');
  });
});

describe('diff and textconv', () => {
  it('refuse /dev/zero and a named pipe, unread', () => {
    const { root } = setup();
    mkfifo(join(root, 'pipe.yaml'));
    for (const target of ['/dev/zero', 'pipe.yaml']) {
      const d = quick(['diff', target, 'data/facts.yaml'], root);
      expect(d.code).toBe(1);
      expect(d.stderr).toMatch(/is (a device|a named pipe \(FIFO\)), not a regular file; it was not read/);
      const t = quick(['textconv', target], root);
      expect(t.code).toBe(1);
      expect(t.stderr).toMatch(/not a regular file; it was not read/);
    }
  });

  it('shows a fact file over the size limit as a note of its size, unread', () => {
    const { root } = setup();
    writeFileSync(join(root, 'big.yaml'), `# ${'x'.repeat(9 * 1024 * 1024)}\n`);
    const t = quick(['textconv', 'big.yaml'], root);
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(
      /^# briefbook textconv: cannot read this version as a fact file \(line 1:1: file is 9\.0 MB, over the 8\.0 MB limit/,
    );
    expect(t.stdout.length).toBeLessThan(1_000);
  });
});
