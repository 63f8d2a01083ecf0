// Heavy libraries run only on the path that needs them: a Markdown/HTML build runs
// neither the Word writer (the docx library, ~1 MB) nor any PDF code, and never loads
// puppeteer. Checked on the built CLI as users run it, with V8's coverage: the CLI is one
// CommonJS file (dist/cli.cjs, for V8's code cache), in which esbuild wraps each module
// reached only through a dynamic import in a function named by its path, run on the first
// import; coverage counts how often each function ran, and lists every script loaded.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, run } from './helpers/cli.js';

interface Coverage {
  result: { url: string; functions: { functionName: string; ranges: { count: number }[] }[] }[];
}

/** The scripts a run loaded, and how often each module-wrapping function of the CLI bundle ran. */
function covered(args: string[]): { scripts: string[]; runs: (name: RegExp) => number[] } {
  const dir = mkdtempSync(join(tmpdir(), 'briefbook-coverage-'));
  const out = mkdtempSync(join(tmpdir(), 'briefbook-lazy-out-'));
  const r = run([...args, '-o', out, '-q'], { cwd: REPO, env: { NODE_V8_COVERAGE: dir } });
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

const DOCX = /node_modules\/(docx|fflate)\/.*\.m?js$/;
const WORD_WRITER = /^src\/render\/docx\/write-docx\.ts$/;
// The real string-width modules (cliui's text widths), not the stand-ins that load them on the first call.
const STRING_WIDTH = /^(?!lazy-string-width:).*node_modules\/(.+\/)?string-width\/index\.js$/;
const PDF_CODE = /^src\/render\/print\/(browser|pdf|pdf-file|contents-numbers)\.ts$/;

describe('lazy loading in the built CLI', () => {
  it('runs no Word or PDF code, and loads no puppeteer, on the way to a Markdown or HTML build', () => {
    const { scripts, runs } = covered(['build', '-f', 'md', '-f', 'html']);
    expect(runs(DOCX).length).toBeGreaterThan(0);
    expect(runs(DOCX).every((n) => n === 0)).toBe(true);
    expect(runs(WORD_WRITER)).toEqual([0]);
    expect(runs(PDF_CODE)).toEqual([0, 0, 0, 0]);
    expect(scripts.filter((u) => /\/node_modules\/puppeteer/.test(u))).toEqual([]);
    // Measuring text widths (an Intl.Segmenter, Unicode-property expressions: ~30 ms to set up) is for help only.
    expect(runs(STRING_WIDTH)).toEqual([0, 0, 0]);
  }, 60_000);

  it('measures text widths for help (so the check above can fail)', () => {
    const { runs } = covered(['build', '--help']);
    expect(runs(STRING_WIDTH).some((n) => n > 0)).toBe(true);
  }, 60_000);

  it('runs the Word writer and the docx library for a Word build (so the check above can fail)', () => {
    const { scripts, runs } = covered(['build', '-a', 'member-memo', '-f', 'docx']);
    expect(runs(WORD_WRITER)).toEqual([1]);
    expect(runs(DOCX).some((n) => n > 0)).toBe(true);
    expect(scripts.filter((u) => /\/node_modules\/puppeteer/.test(u))).toEqual([]);
  }, 60_000);

  it('loads puppeteer and runs the PDF code for a PDF build', () => {
    const { scripts, runs } = covered(['build', '-a', 'hearing-day', '-f', 'pdf']);
    expect(runs(PDF_CODE).every((n) => n === 1)).toBe(true);
    expect(scripts.some((u) => /\/node_modules\/puppeteer/.test(u))).toBe(true);
  }, 60_000);

  it('bundles gray-matter without its own YAML engine: no js-yaml 3, no esprima at start-up', () => {
    // js-yaml 3's `!!js/function` type is what requires esprima; js-yaml 4 and yaml have none.
    const dist = join(REPO, 'dist');
    const files = readdirSync(dist).filter((f) => /\.c?js$/.test(f));
    expect(files).toContain('cli.cjs');
    expect(files.filter((f) => /js\/function|["']esprima["']/.test(readFileSync(join(dist, f), 'utf8')))).toEqual([]);
  });
});
