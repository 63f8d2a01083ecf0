// Bundles briefbook into dist/ so start-up reads a file or a few instead of hundreds of
// modules (start-up time dominates a Markdown/HTML build): the CLI as one CommonJS file
// that bin/briefbook.js runs with V8's code cache, the library as ES modules. puppeteer
// stays external and is loaded only for PDF output.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

// gray-matter's own js-yaml 3 is replaced by a stub (see the stub for why).
const grayMatterYaml = {
  name: 'gray-matter-yaml',
  setup(b) {
    const stub = fileURLToPath(new URL('./stubs/gray-matter-js-yaml.cjs', import.meta.url));
    b.onResolve({ filter: /^js-yaml$/ }, (args) => (/[\\/]gray-matter[\\/]/.test(args.importer) ? { path: stub } : undefined));
  },
};

// The parse cache (src/facts/parse-cache.ts) keys entries by the code that parses: the
// fact-file parser bundled alone, with everything it imports (schema, zod, js-yaml, yaml).
// Bundling it again costs about 0.5 s of build time here, and nothing at run time.
const parser = await build({
  entryPoints: ['src/facts/parse-file.ts'],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});
const parseCode = createHash('sha256')
  .update(parser.outputFiles.map((f) => f.text).join('\0'))
  .digest('hex')
  .slice(0, 32);

// validate's caches (src/facts/report-cache.ts, src/render/template-check-cache.ts) key
// each entry by the code of the checks: the validate command bundled alone, with
// everything it imports (the fact loader and its rules, staleness, the template check,
// the schema, Handlebars, marked…).
const checks = await build({
  entryPoints: ['src/commands/validate.ts'],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  plugins: [grayMatterYaml],
});
const checkCode = createHash('sha256')
  .update(checks.outputFiles.map((f) => f.text).join('\0'))
  .digest('hex')
  .slice(0, 32);

// Chunk names are content hashes: start clean so stale chunks never pile up or ship.
rmSync(new URL('../dist/', import.meta.url), { recursive: true, force: true });

const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  external: ['puppeteer', 'puppeteer-core', 'chokidar', 'fsevents'],
  logLevel: 'warning',
  define: { __BRIEFBOOK_PARSE_CODE__: JSON.stringify(parseCode), __BRIEFBOOK_CHECK_CODE__: JSON.stringify(checkCode) },
  plugins: [grayMatterYaml],
};

// The library: ES modules, code behind dynamic imports in chunks of its own.
await build({
  ...shared,
  entryPoints: { index: 'src/index.ts' },
  outdir: 'dist',
  splitting: true,
  format: 'esm',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});

// The CLI: one CommonJS file, which bin/briefbook.js compiles with V8's code cache (node 20
// has no code cache for ES modules). Code behind dynamic imports stays lazy: esbuild wraps
// each such module in a function that runs on the first import, so the Word writer and the
// PDF code are compiled and run only on their paths (test/lazy-loading.test.ts).
await build({
  ...shared,
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  define: { ...shared.define, 'import.meta.url': '__briefbook_url' },
  banner: { js: 'var __briefbook_url = require("node:url").pathToFileURL(__filename).href;' },
});

// bin/briefbook.js runs the CLI as a vm script, where import() fails without node's
// experimental loader hook: the CLI loads what it does not bundle (puppeteer, chokidar)
// through require. Refuse a bundle that would fail on some path at run time.
const dynamic = /[^\w$.]import\(\s*["'`]/.exec(readFileSync(new URL('../dist/cli.cjs', import.meta.url), 'utf8'));
if (dynamic) {
  console.error(`dist/cli.cjs calls import() (${dynamic[0].trim()}…): load that module through require instead`);
  process.exit(1);
}
