// Heavy libraries are loaded only on the path that needs them: a Markdown/HTML build loads
// neither the Word writer (the docx library, ~1 MB) nor puppeteer. Checked on the built
// bundle: what the CLI and the build command import statically never reaches them; they
// are behind the build command's dynamic imports.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/cli.js';

const DIST = join(REPO, 'dist');
const files = readdirSync(DIST).filter((f) => f.endsWith('.js'));
const source = (f: string) => readFileSync(join(DIST, f), 'utf8');

/** Every file `entry` loads before running: its static imports, transitively. */
function staticClosure(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const m of source(f).matchAll(/^import\s+(?:[^'"]*?from\s*)?["'](\.\/[^"']+|[^."'][^"']*)["'];?$/gm)) {
      const spec = m[1] ?? '';
      if (spec.startsWith('./')) visit(spec.slice(2));
      else seen.add(spec);
    }
  };
  visit(entry);
  return seen;
}

describe('lazy loading in the built CLI', () => {
  const wordChunk = files.find((f) => source(f).includes('http://schemas.openxmlformats.org/wordprocessingml/2006/main'));
  const buildChunk = files.find((f) => source(f).includes('async function stageWord('));
  // puppeteer is loaded through require (its CommonJS build loads faster), which the
  // import scan does not see: find the chunks that require it by name.
  const puppeteerChunks = files.filter((f) => /\("puppeteer(-core)?"\)/.test(source(f)));

  it('keeps the docx library in a chunk of its own, which the build reaches through a dynamic import', () => {
    expect(wordChunk).toBeDefined();
    expect(buildChunk).toBeDefined();
    const dynamic = [...source(buildChunk as string).matchAll(/import\("\.\/([^"]+)"\)/g)].map((m) => m[1] ?? '');
    expect(dynamic.some((f) => staticClosure(f).has(wordChunk as string))).toBe(true);
  });

  it('never loads it, or puppeteer, on the way to a Markdown or HTML build', () => {
    const loaded = new Set([...staticClosure('cli.js'), ...staticClosure(buildChunk as string)]);
    expect(loaded.size).toBeGreaterThan(3);
    expect(loaded.has(wordChunk as string)).toBe(false);
    expect([...loaded].filter((f) => /^(docx|fflate|puppeteer)/.test(f))).toEqual([]);
    expect(puppeteerChunks.length).toBeGreaterThan(0);
    expect(puppeteerChunks.filter((f) => loaded.has(f))).toEqual([]);
  });

  it('bundles gray-matter without its own YAML engine: no js-yaml 3, no esprima at start-up', () => {
    // js-yaml 3's `!!js/function` type is what requires esprima; js-yaml 4 and yaml have none.
    expect(files.filter((f) => /js\/function|["']esprima["']/.test(source(f)))).toEqual([]);
  });
});
