// Heavy libraries run only on the path that needs them: a Markdown/HTML build runs
// neither the Word writer nor any PDF code, loads neither the docx library (with fflate)
// nor `yaml` (each a file of its own beside the CLI) nor puppeteer (another), and compiles none of
// the shipped templates (their code is in the bundle). Checked on the built CLI as users run it, with
// V8's coverage: the CLI is one CommonJS file (dist/cli.cjs, for V8's code cache), in which
// esbuild wraps each module reached only through a dynamic import in a function named by
// its path, run on the first import; coverage counts how often each function ran, and
// lists every script loaded.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, REPO, run } from './helpers/cli.js';
import { shippedProject } from './helpers/project.js';
import { testdir } from './helpers/testdir.js';

interface Coverage {
  result: { url: string; functions: { functionName: string; ranges: { count: number }[] }[] }[];
}

/**
 * The scripts a run loaded, and how often each module-wrapping function of the CLI bundle
 * ran. By default with an empty cache folder: nothing compiled or rendered comes from an
 * earlier run.
 */
function covered(
  args: string[],
  cwd = REPO,
  bin = BIN,
  cache = mkdtempSync(join(tmpdir(), 'briefbook-lazy-cache-')),
): { scripts: string[]; runs: (name: RegExp) => number[] } {
  const dir = mkdtempSync(join(tmpdir(), 'briefbook-coverage-'));
  const out = mkdtempSync(join(tmpdir(), 'briefbook-lazy-out-'));
  const r = run([...args, '-o', out, '-q'], { cwd, bin, env: { NODE_V8_COVERAGE: dir, BRIEFBOOK_CACHE_DIR: cache } });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const result = readdirSync(dir).flatMap((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as Coverage).result);
  const cli = result.find((s) => s.url.endsWith('/dist/cli.cjs'));
  expect(cli).toBeDefined();
  return {
    scripts: result.map((s) => s.url).filter((u) => u.startsWith('file:')),
    runs: (name) => (cli?.functions ?? []).filter((f) => name.test(f.functionName)).map((f) => f.ranges[0]?.count ?? 0),
  };
}

const DOCX_FILE = /\/dist\/(docx|fflate)\.cjs$/;
const PUPPETEER_FILE = /\/dist\/puppeteer\.cjs$/;
const YAML_FILE = /\/dist\/yaml\.cjs$/;
// Handlebars with its compiler, which turns a template's text into code.
const HANDLEBARS_FILE = /\/dist\/handlebars\.cjs$/;
const WORD_WRITER = /^src\/render\/docx\/write-docx\.ts$/;
// What renders a packet: the template engine's render, marked, the leak guard.
const RENDER_CODE =
  /^(src\/render\/(template\/render-markdown|markdown\/to-html|leak-guard)\.ts|node_modules\/marked\/lib\/marked\.esm\.js)$/;
const PDF_CODE = /^src\/render\/print\/(browser|pdf|pdf-file|contents-numbers)\.ts$/;
// The three copies (yargs's own, cliui's, wrap-ansi's), not their stand-ins ("lazy-string-width:…").
const STRING_WIDTH = /^[^:]*node_modules\/(.*\/)?string-width\/index\.js$/;

describe('lazy loading in the built CLI', () => {
  it('runs no Word or PDF code, and loads no puppeteer, on the way to a Markdown or HTML build', () => {
    const { scripts, runs } = covered(['build', '-f', 'md', '-f', 'html']);
    // The shipped templates come compiled in the bundle (scripts/bundle.mjs, builtinSpecs).
    expect(scripts.filter((u) => DOCX_FILE.test(u) || YAML_FILE.test(u) || HANDLEBARS_FILE.test(u))).toEqual([]);
    expect(runs(WORD_WRITER)).toEqual([0]);
    expect(runs(PDF_CODE)).toEqual([0, 0, 0, 0]);
    expect(scripts.filter((u) => /\/node_modules\/puppeteer/.test(u) || PUPPETEER_FILE.test(u))).toEqual([]);
    // Only help text measures widths (scripts/bundle.mjs).
    expect(runs(STRING_WIDTH)).toEqual([0, 0, 0]);
  }, 60_000);

  it('runs none of the render (templates, marked, the leak guard) when every packet comes from the cache', () => {
    const cache = mkdtempSync(join(tmpdir(), 'briefbook-lazy-cache-'));
    // The first build renders every packet, and keeps them; so can the check below fail.
    expect(covered(['build', '-f', 'md', '-f', 'html'], REPO, BIN, cache).runs(RENDER_CODE)).toEqual([1, 1, 1, 1]);
    expect(covered(['build', '-f', 'md', '-f', 'html'], REPO, BIN, cache).runs(RENDER_CODE)).toEqual([0, 0, 0, 0]);
  }, 60_000);

  it('loads string-width for help text (so the check above can fail)', () => {
    const { runs } = covered(['build', '--help']);
    expect(runs(STRING_WIDTH).some((n) => n > 0)).toBe(true);
  }, 60_000);

  it('runs the Word writer and the docx library for a Word build (so the check above can fail)', () => {
    const { scripts, runs } = covered(['build', '-a', 'member-memo', '-f', 'docx']);
    expect(runs(WORD_WRITER)).toEqual([1]);
    expect(scripts.filter((u) => DOCX_FILE.test(u))).toHaveLength(2);
    expect(scripts.filter((u) => /\/node_modules\/puppeteer/.test(u) || PUPPETEER_FILE.test(u))).toEqual([]);
  }, 60_000);

  it('compiles a template that differs from the shipped one (so the check above can fail)', () => {
    const files = shippedProject();
    const memo = 'templates/audiences/member-memo.md';
    const root = testdir({ ...files, [memo]: `${files[memo]}{{!-- changed --}}` });
    const { scripts } = covered(['build', '-a', 'member-memo', '-f', 'md'], root);
    expect(scripts.filter((u) => HANDLEBARS_FILE.test(u))).toHaveLength(1);
  }, 60_000);

  it('loads `yaml` to locate a problem in the project config (so the check above can fail)', () => {
    const root = testdir({ ...shippedProject(), 'briefbook.yaml': 'locale: en-XX\n' });
    const dir = mkdtempSync(join(tmpdir(), 'briefbook-coverage-'));
    const r = run(['list', 'audiences'], { cwd: root, env: { NODE_V8_COVERAGE: dir } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^briefbook\.yaml:1:9: error: invalid project config: locale/);
    const scripts = readdirSync(dir).flatMap((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as Coverage).result.map((s) => s.url));
    expect(scripts.filter((u) => YAML_FILE.test(u))).toHaveLength(1);
  }, 60_000);

  it('loads puppeteer, from its file beside the CLI, and runs the PDF code for a PDF build', () => {
    const { scripts, runs } = covered(['build', '-a', 'hearing-day', '-f', 'pdf']);
    expect(runs(PDF_CODE).every((n) => n === 1)).toBe(true);
    expect(scripts.filter((u) => PUPPETEER_FILE.test(u))).toHaveLength(1);
    // None of the installed package's ~200 modules is read (only its package.json, for its version).
    expect(scripts.filter((u) => /\/node_modules\/(puppeteer|@puppeteer|chromium-bidi)/.test(u))).toEqual([]);
  }, 60_000);

  it('loads the installed puppeteer when it is not the version bundled beside the CLI', () => {
    // A copy of the CLI whose puppeteer file says it was made from another version.
    const copy = copyOfCli();
    symlinkSync(join(REPO, 'node_modules'), join(copy, 'node_modules'));
    const cli = readFileSync(join(copy, 'dist', 'cli.cjs'), 'utf8');
    const version = (JSON.parse(readFileSync(join(REPO, 'node_modules', 'puppeteer', 'package.json'), 'utf8')) as { version: string })
      .version;
    const bundled = `BUNDLED = ${JSON.stringify(version)};`;
    expect(cli.split(bundled)).toHaveLength(2);
    writeFileSync(join(copy, 'dist', 'cli.cjs'), cli.replace(bundled, 'BUNDLED = "0.0.0-other";'));
    const { scripts } = covered(['build', '-a', 'hearing-day', '-f', 'pdf'], REPO, join(copy, 'bin', 'briefbook.js'));
    expect(scripts.filter((u) => PUPPETEER_FILE.test(u))).toEqual([]);
    expect(scripts.some((u) => /\/node_modules\/puppeteer\/lib\/cjs\//.test(u))).toBe(true);
  }, 60_000);

  it('says that PDF output needs puppeteer when it is not installed, though a copy is bundled', () => {
    const copy = copyOfCli();
    mkdirSync(join(copy, 'node_modules'));
    for (const name of readdirSync(join(REPO, 'node_modules'))) {
      if (name !== 'puppeteer') symlinkSync(join(REPO, 'node_modules', name), join(copy, 'node_modules', name));
    }
    const out = mkdtempSync(join(tmpdir(), 'briefbook-no-puppeteer-'));
    const r = run(['build', '-a', 'hearing-day', '-f', 'pdf', '-o', out], {
      bin: join(copy, 'bin', 'briefbook.js'),
      env: { BRIEFBOOK_CACHE_DIR: 'off' },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/PDF output needs the puppeteer package, which is not installed/);
    expect(readdirSync(out)).toEqual([]);
  }, 60_000);

  it('bundles gray-matter without its own YAML engine: no js-yaml 3, no esprima at start-up', () => {
    // js-yaml 3's `!!js/function` type is what requires esprima; js-yaml 4 and yaml have none.
    const dist = join(REPO, 'dist');
    // (puppeteer.cjs is puppeteer with its own dependencies: esprima, for proxy auto-config
    // scripts, run only when a browser is downloaded through such a proxy.)
    const files = readdirSync(dist).filter((f) => /\.c?js$/.test(f) && f !== 'puppeteer.cjs');
    expect(files).toContain('cli.cjs');
    expect(files.filter((f) => /js\/function|["']esprima["']/.test(readFileSync(join(dist, f), 'utf8')))).toEqual([]);
  });

  it('writes the CLI and the libraries beside it in ASCII, which V8 holds at one byte a character', () => {
    for (const file of ['cli.cjs', 'puppeteer.cjs', 'docx.cjs', 'yaml.cjs', 'handlebars.cjs', 'fflate.cjs']) {
      const code = readFileSync(join(REPO, 'dist', file), 'utf8');
      expect({ file, found: code.match(/[\u0080-\uffff]/g) ?? [] }).toEqual({ file, found: [] });
    }
  });
});

/** bin/ and dist/ with what they read beside them, in a temporary folder without node_modules. */
function copyOfCli(): string {
  const copy = mkdtempSync(join(tmpdir(), 'briefbook-cli-copy-'));
  for (const part of ['bin', 'dist', 'templates', 'schema', 'package.json'])
    cpSync(join(REPO, part), join(copy, part), { recursive: true });
  return copy;
}
