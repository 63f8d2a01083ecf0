// Bundles briefbook into dist/ so start-up reads a file or a few instead of hundreds of
// modules (start-up time dominates a Markdown/HTML build): the CLI as one CommonJS file
// that bin/briefbook.js runs with V8's code cache, the library as ES modules. puppeteer
// stays external and is loaded only for PDF output.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
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

// string-width (three copies, in yargs and in cliui and wrap-ansi, which yargs uses for help
// text) builds an Intl.Segmenter and Unicode-property regular expressions when it loads,
// about a tenth of the CLI's start-up, though only help text measures widths. Each import
// of it gets a stand-in that loads the real module on its first call.
const lazyStringWidth = {
  name: 'lazy-string-width',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (args.pluginData?.real) return undefined;
      const real = await b.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: { real: true },
      });
      if (real.errors.length > 0) return { errors: real.errors };
      // Relative, like esbuild's own module names, so the bundle names no folder of this machine.
      return { path: relative(process.cwd(), real.path), namespace: 'lazy-string-width' };
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-string-width' }, (args) => ({
      contents: `let real;\nmodule.exports = (...a) => (real ??= require(${JSON.stringify(resolve(args.path))}).default)(...a);\n`,
      loader: 'js',
      resolveDir: dirname(resolve(args.path)),
    }));
  },
};

/** A hash of `entry` bundled alone, with everything it imports: the code a cache's entries derive from. */
async function codeHash(entry, plugins = []) {
  const alone = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    plugins,
  });
  return createHash('sha256')
    .update(alone.outputFiles.map((f) => f.text).join('\0'))
    .digest('hex')
    .slice(0, 32);
}

// The parse cache (src/facts/parse-cache.ts) keys entries by the code that parses: the
// fact-file parser with everything it imports (schema, zod, js-yaml, yaml). Bundling it
// again costs about 0.5 s of build time here, and nothing at run time.
const parseCode = await codeHash('src/facts/parse-file.ts');

// validate's caches (src/facts/report-cache.ts, src/render/template-check-cache.ts) key
// each entry by the code of the checks: the validate command with everything it imports
// (the fact loader and its rules, staleness, the template check, the schema, Handlebars,
// marked…).
const checkCode = await codeHash('src/commands/validate.ts', [grayMatterYaml]);

// The packet cache (src/render/packet-cache.ts) keys a build's Markdown and HTML by the
// code of the build command with everything it imports (the renderer, the HTML page, the
// leak guard…), besides what keys validate's template check.
const buildCode = await codeHash('src/commands/build.ts', [grayMatterYaml]);

// diff's records of two revisions (src/diff/pair-record.ts) key each by the code that
// splits, pairs and parses the fact files: the record module with everything it imports.
const pairCode = await codeHash('src/diff/pair-record.ts');

// Chunk names are content hashes: start clean so stale chunks never pile up or ship.
rmSync(new URL('../dist/', import.meta.url), { recursive: true, force: true });

const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  external: ['puppeteer', 'puppeteer-core', 'chokidar', 'fsevents'],
  logLevel: 'warning',
  define: {
    __BRIEFBOOK_PARSE_CODE__: JSON.stringify(parseCode),
    __BRIEFBOOK_CHECK_CODE__: JSON.stringify(checkCode),
    __BRIEFBOOK_BUILD_CODE__: JSON.stringify(buildCode),
    __BRIEFBOOK_PAIR_CODE__: JSON.stringify(pairCode),
  },
  plugins: [grayMatterYaml, lazyStringWidth],
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

const cliFile = new URL('../dist/cli.cjs', import.meta.url);
const cli = asciiComments(readFileSync(cliFile, 'utf8'));
writeFileSync(cliFile, cli);

// bin/briefbook.js runs the CLI as a vm script, where import() fails without node's
// experimental loader hook: the CLI loads what it does not bundle (puppeteer, chokidar)
// through require. Refuse a bundle that would fail on some path at run time.
const dynamic = /[^\w$.]import\(\s*["'`]/.exec(cli);
if (dynamic) {
  console.error(`dist/cli.cjs calls import() (${dynamic[0].trim()}…): load that module through require instead`);
  process.exit(1);
}

/**
 * The CLI in ASCII only. A source with any other character is held by V8 at two bytes a
 * character (6 MB here instead of 3, and bin/briefbook.js holds it twice: its string and
 * the compiled script's) and decoded about twice as slowly. esbuild escapes strings,
 * templates and names; what it leaves is in comments, escaped here (a comment's text is
 * never read), and in regular expressions, which briefbook's sources write in ASCII
 * (`\u2019`, not the character). Anything else stops the build: escaping it could change
 * what it means (a tagged template's raw text).
 */
function asciiComments(code) {
  const lines = code.split('\n');
  for (const [i, line] of lines.entries()) {
    if (!/[\u0080-\uffff]/.test(line)) continue;
    const start = commentStart(line);
    const fixed =
      start < 0
        ? line
        : line.slice(0, start) +
          line.slice(start).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    if (/[\u0080-\uffff]/.test(fixed)) {
      console.error(
        `dist/cli.cjs:${i + 1}: a non-ASCII character outside a comment; write it as \\uXXXX in the source:\n  ${line.trim().slice(0, 160)}`,
      );
      process.exit(1);
    }
    lines[i] = fixed;
  }
  return lines.join('\n');
}

/** Where a comment starts on a line esbuild printed, or -1 where that is not certain. */
function commentStart(line) {
  // A line of a block comment (esbuild puts a kept comment on lines of its own), or a line comment.
  if (/^\s*(\/\/|\/\*|\*)/.test(line)) return line.search(/\S/);
  // Code, then `//`, with no quote or slash before it that could make the `//` part of a string or pattern.
  const at = line.indexOf('//');
  return at > 0 && !/['"`/]/.test(line.slice(0, at)) ? at : -1;
}
