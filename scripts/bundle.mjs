// Bundles briefbook into dist/ so start-up reads a file or a few instead of hundreds of
// modules (start-up time dominates a Markdown/HTML build): the CLI as one CommonJS file
// that bin/briefbook.js runs with V8's code cache, the library as ES modules. puppeteer
// stays external and is loaded only for PDF output.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
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

// string-width (three copies, under yargs' cliui and wrap-ansi) builds an Intl.Segmenter and
// Unicode-property expressions as it loads: ~30 ms of every command's start, for text widths
// only help output measures. Each import of it gets a module that loads the real one on the
// first call (a bundled module required is initialised then, not at start-up).
const lazyStringWidth = {
  name: 'lazy-string-width',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (args.pluginData === 'real') return undefined;
      const real = await b.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: 'real' });
      return real.errors.length > 0 ? { errors: real.errors } : { path: real.path, namespace: 'lazy-string-width' };
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-string-width' }, (args) => ({
      contents: `let real;\nexport default function stringWidth(text, options) {\n  real ??= require(${JSON.stringify(args.path)}).default;\n  return real(text, options);\n}\n`,
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
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

// Chunk names are content hashes: start clean so stale chunks never pile up or ship.
rmSync(new URL('../dist/', import.meta.url), { recursive: true, force: true });

const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  external: ['puppeteer', 'puppeteer-core', 'chokidar', 'fsevents'],
  logLevel: 'warning',
  define: { __BRIEFBOOK_PARSE_CODE__: JSON.stringify(parseCode) },
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
  plugins: [...shared.plugins, lazyStringWidth],
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
