// `briefbook init`: a new project that validates, builds and diffs at once, and a folder
// that already holds files is never overwritten.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, run } from './helpers/cli.js';
import { gitEnv } from './helpers/git-repo.js';
import { initProject, read } from './helpers/project.js';
import { testdir } from './helpers/testdir.js';

const git = (cwd: string, env: Record<string, string>, ...args: string[]) =>
  execFileSync('git', ['-C', cwd, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });

const yamlFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join(dir, f));

describe('briefbook init', () => {
  it('writes a project that validates clean and builds Markdown and HTML at once', () => {
    const root = initProject();
    for (const f of ['briefbook.yaml', '.gitignore', '.gitattributes', 'schema/briefbook.schema.json'])
      expect(existsSync(join(root, f))).toBe(true);
    expect(readdirSync(join(root, 'templates/audiences')).sort()).toEqual(['member-memo.md', 'press-points.md']);
    expect(read(root, '.gitignore')).toBe('out/\n');
    expect(read(root, '.gitattributes')).toContain('data/**/*.yaml diff=briefbook\n');
    expect(read(root, 'schema/briefbook.schema.json')).toBe(readFileSync(join(REPO, 'schema/briefbook.schema.json'), 'utf8'));

    const validate = run(['validate'], { cwd: root });
    expect([validate.code, validate.stderr]).toEqual([0, '']);
    expect(validate.stdout).toMatch(/^ok: 0 error\(s\), 0 warning\(s\) in 8 facts, 5 sources/);

    const build = run(['build', '--format', 'md', '--format', 'html', '--json'], { cwd: root });
    expect([build.code, build.stderr]).toEqual([0, '']);
    const written = (JSON.parse(build.stdout) as { path: string }[]).map((w) => w.path).sort();
    expect(written).toEqual(['out/member-memo.html', 'out/member-memo.md', 'out/press-points.html', 'out/press-points.md']);
    const memo = read(root, 'out/member-memo.md');
    expect(memo).toContain('**BLUF:** A failure at the Riverton Water Authority');
    expect(memo).toContain('backup plant can supply only about a third'); // internal: in the memo…
    expect(read(root, 'out/press-points.md')).not.toContain('backup plant'); // …never in public points
  });

  it('starts every fact file with a schema modeline that resolves to the project’s own schema', () => {
    const root = initProject();
    const files = yamlFiles(join(root, 'data'));
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const file of files) {
      const first = readFileSync(file, 'utf8').split('\n')[0] ?? '';
      const path = /^# yaml-language-server: \$schema=(\S+)$/.exec(first)?.[1];
      expect(path, file).toBeDefined();
      expect(resolve(dirname(file), path ?? '')).toBe(join(root, 'schema/briefbook.schema.json'));
    }
  });

  it('initialises git when the folder is outside a repository, and `diff` then reports an edit by id', () => {
    const env = gitEnv();
    const root = join(testdir({}), 'hearing');
    const r = run(['init', root], { env });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('git: initialised a repository');
    git(root, env, 'add', '-A');
    git(root, env, 'commit', '-q', '-m', 'start');
    expect(run(['build', '-f', 'md'], { cwd: root, env }).code).toBe(0);
    expect(git(root, env, 'status', '--porcelain')).toBe(''); // out/ is ignored
    const facts = join(root, 'data/facts/outage.yaml');
    writeFileSync(
      facts,
      readFileSync(facts, 'utf8').replace(
        'number: 40000\n      unit: households\n      qualifier: about\n    status',
        'number: 41000\n      unit: households\n      qualifier: about\n    status',
      ),
    );
    const diff = run(['diff', '--format', 'json'], { cwd: root, env });
    expect([diff.code, diff.stderr]).toEqual([0, '']);
    expect(JSON.parse(diff.stdout).changed).toEqual([
      { kind: 'facts', id: 'outage.households', fields: [{ path: 'value.number', from: 40000, to: 41000 }] },
    ]);
  });

  it('leaves git alone inside an existing repository', () => {
    const env = gitEnv();
    const top = testdir({});
    git(top, env, 'init', '-q');
    const r = run(['init', join(top, 'briefs/hearing')], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('git: already inside a repository; not initialised');
    expect(existsSync(join(top, 'briefs/hearing/.git'))).toBe(false);
  });

  it('refuses a folder that is not empty', () => {
    const root = testdir({ 'notes.txt': 'mine\n' });
    const r = run(['init', root]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`error: ${root} is not empty (notes.txt)`);
    expect(r.stderr).toContain('--force');
    expect(readdirSync(root)).toEqual(['notes.txt']);
  });

  it('with --force adds the missing files and never overwrites one that exists', () => {
    const mine = {
      'briefbook.yaml': 'title: My own brief\n',
      '.gitignore': 'node_modules/\n',
      'data/sources.yaml': 'sources: []\n',
    };
    const root = testdir(mine);
    const r = run(['init', root, '--force', '--no-git', '--json']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const result = JSON.parse(r.stdout) as { created: string[]; skipped: string[] };
    expect(result.skipped.sort()).toEqual(Object.keys(mine).sort());
    for (const [path, content] of Object.entries(mine)) expect(read(root, path)).toBe(content);
    expect(result.created).toContain('data/facts/outage.yaml');
    expect(result.created).not.toContain('briefbook.yaml');
  });

  it('refuses a path that is a file', () => {
    const root = testdir({ 'a-file': 'x' });
    const r = run(['init', join(root, 'a-file')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('exists and is not a folder');
  });
});

describe('briefbook init, then build with PDFs', () => {
  it('gives PDFs at once, the member memo within its two-page limit', () => {
    const root = initProject();
    const r = run(['build', '--json'], { cwd: root, timeout: 120_000 });
    expect([r.code, r.stderr]).toEqual([0, '']);
    const pdfs = (JSON.parse(r.stdout) as { format: string; path: string; pages?: number }[]).filter((w) => w.format === 'pdf');
    expect(pdfs.map((p) => p.path).sort()).toEqual(['out/member-memo.pdf', 'out/press-points.pdf']);
    for (const p of pdfs) {
      expect(readFileSync(join(root, p.path)).subarray(0, 5).toString()).toBe('%PDF-');
      expect(p.pages).toBeGreaterThanOrEqual(1);
    }
    expect(pdfs.find((p) => p.path.includes('member-memo'))?.pages).toBeLessThanOrEqual(2);
  });
});

describe('the init scaffold', () => {
  it('is itself a project with no fact ids from briefbook’s own fact base', () => {
    const scaffold = join(REPO, 'templates/init');
    const text = [
      ...yamlFiles(join(scaffold, 'data')),
      ...readdirSync(join(scaffold, 'templates/audiences')).map((f) => join(scaffold, 'templates/audiences', f)),
    ]
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    expect(text).not.toMatch(/Anthropic|Alibaba|Claude|campaign\./);
  });
});
