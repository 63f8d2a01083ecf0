// Bundles briefbook into dist/ so start-up reads a file or a few instead of hundreds of
// modules (start-up time dominates a Markdown/HTML build): the CLI as one CommonJS file
// that bin/briefbook.js runs with V8's code cache, the library as ES modules. puppeteer
// stays external and is loaded only for PDF output.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
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

// Handlebars' source-map is replaced by an empty stub (see the stub for why).
const handlebarsSourceMap = {
  name: 'handlebars-source-map',
  setup(b) {
    const stub = fileURLToPath(new URL('./stubs/handlebars-source-map.cjs', import.meta.url));
    b.onResolve({ filter: /^source-map$/ }, (args) => (/[\\/]handlebars[\\/]/.test(args.importer) ? { path: stub } : undefined));
  },
};

// Libraries most commands never run, each in a file of its own beside the CLI, loaded on
// first use: in cli.cjs they were read and parsed at every start, and initialised, whenever
// V8 had no cached code (a first run).
// - docx and fflate (~700 KB): the Word writer's alone;
// - `yaml` (~260 KB): commands read YAML through js-yaml (util/quick-yaml.ts) and turn to
//   `yaml` only to locate a problem, or to edit a file keeping its layout (merge, import);
// - Handlebars' compiler (`handlebars`; the render itself needs only `handlebars/runtime`):
//   the shipped templates come compiled (builtinSpecs below), so only a project's own
//   templates need it, and only until their code is in the cache folder.
// Each export is a getter that loads the library on first read, so a call, a `new`, an
// `extends`, an instanceof test or a constant all reach the real one.
const APART = { docx: 'docx.cjs', fflate: 'fflate.cjs', yaml: 'yaml.cjs', handlebars: 'handlebars.cjs' };
const libsApart = {
  name: 'libs-apart',
  setup(b) {
    const names = Object.keys(APART).join('|');
    b.onResolve({ filter: new RegExp(`^(${names})$`) }, (args) =>
      args.namespace === 'apart' ? undefined : { path: args.path, namespace: 'apart' },
    );
    b.onResolve({ filter: /^\.\/[a-z]+\.cjs$/, namespace: 'apart' }, (args) => ({ path: args.path, external: true }));
    b.onLoad({ filter: /.*/, namespace: 'apart' }, (args) => {
      const exported = Object.keys(createRequire(import.meta.url)(args.path)).filter((n) => n !== '__esModule');
      return {
        contents: [
          'let real;',
          `const load = () => (real ??= require(${JSON.stringify(`./${APART[args.path]}`)}));`,
          `for (const name of ${JSON.stringify(exported)})`,
          '  Object.defineProperty(module.exports, name, { enumerable: true, get: () => load()[name] });',
          '',
        ].join('\n'),
        loader: 'js',
      };
    });
  },
};

// puppeteer, for PDF output: the installed package bundled into one file beside the CLI
// (dist/puppeteer.cjs, below), which bin/briefbook.js runs through V8's code cache like the
// CLI itself. Installed, it is some 200 modules that node resolves, reads and compiles on
// every PDF build, ~150 ms before the browser can start; from the file and its cache, ~70 ms.
// The CLI's require-puppeteer.ts takes the file only while the installed puppeteer is the
// version it was made from (its browser download and configuration are that version's), and
// the installed package otherwise; from source and in the library it is the installed one.
const PUPPETEER_VERSION = createRequire(import.meta.url)('puppeteer/package.json').version;
const puppeteerBeside = {
  name: 'puppeteer-beside',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]render[\\/]print[\\/]require-puppeteer\.ts$/ }, () => ({
      contents: [
        `const BUNDLED = ${JSON.stringify(PUPPETEER_VERSION)};`,
        'export function requirePuppeteer() {',
        '  return require("puppeteer/package.json").version === BUNDLED ? require("./puppeteer.cjs") : require("puppeteer");',
        '}',
      ].join('\n'),
      loader: 'js',
    }));
    b.onResolve({ filter: /^\.\/puppeteer\.cjs$/ }, (args) => ({ path: args.path, external: true }));
  },
};

// The shipped templates compiled now, into the bundle (see src/render/template/builtin-specs.ts).
const builtinSpecs = {
  name: 'builtin-specs',
  setup(b) {
    let contents;
    b.onLoad({ filter: /[\\/]src[\\/]render[\\/]template[\\/]builtin-specs\.ts$/ }, () => {
      contents ??= builtinSpecsModule();
      return { contents, loader: 'js' };
    });
  },
};

/**
 * The module of compiled shipped templates: every partial (`*.hbs`) and audience body under
 * templates/, each compiled as src/render/template/compiled.ts compiles it (strict) by the
 * Handlebars the bundle holds. The body is what gray-matter leaves after the front matter,
 * as render/template-files/audiences.ts reads it; a template read any other way would
 * simply not be found, and be compiled at run time.
 */
function builtinSpecsModule() {
  const require = createRequire(import.meta.url);
  const Handlebars = require('handlebars');
  const matter = require('gray-matter');
  const options = { strict: true };
  const files = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
  const sources = new Set();
  for (const file of files(fileURLToPath(new URL('../templates/', import.meta.url))).sort()) {
    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    if (file.endsWith('.hbs')) sources.add(text);
    // Only the body is wanted: a YAML engine that parses nothing.
    else if (/[\\/]audiences[\\/][^\\/]+\.md$/.test(file)) sources.add(matter(text, { engines: { yaml: () => ({}) } }).content);
  }
  const entries = [...sources].map((source) => `  [${JSON.stringify(source)}, () => (${Handlebars.precompile(source, { ...options })})],`);
  return [
    `export const BUILTIN_SPECS_MADE_WITH = ${JSON.stringify(JSON.stringify({ version: Handlebars.VERSION, options }))};`,
    `export const BUILTIN_SPECS = new Map([\n${entries.join('\n')}\n]);`,
    '',
  ].join('\n');
}

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
const checkCode = await codeHash('src/commands/validate.ts', [grayMatterYaml, handlebarsSourceMap]);

// The packet cache (src/render/packet-cache.ts) keys a build's Markdown and HTML by the
// code of the build command with everything it imports (the renderer, the HTML page, the
// leak guard…), besides what keys validate's template check.
const buildCode = await codeHash('src/commands/build.ts', [grayMatterYaml, handlebarsSourceMap]);

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
  plugins: [grayMatterYaml, handlebarsSourceMap, builtinSpecs, lazyStringWidth],
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
  plugins: [...shared.plugins, libsApart, puppeteerBeside],
});

// The libraries kept apart (libsApart above), each required by its stand-in from beside cli.cjs.
for (const [lib, file] of Object.entries(APART)) {
  const contents = `module.exports = require(${JSON.stringify(lib)});`;
  await build({ ...shared, stdin: { contents, resolveDir: '.' }, outfile: `dist/${file}`, format: 'cjs' });
}

// puppeteer whole (puppeteerBeside above). TypeScript stays outside: cosmiconfig loads it
// only to read a puppeteer configuration written in TypeScript, as installed puppeteer does.
await build({
  bundle: true,
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  stdin: { contents: 'module.exports = require("puppeteer");', resolveDir: '.' },
  external: ['typescript'],
  outfile: 'dist/puppeteer.cjs',
  format: 'cjs',
});

const cliFile = new URL('../dist/cli.cjs', import.meta.url);
const cli = asciiComments(readFileSync(cliFile, 'utf8'), 'dist/cli.cjs');
writeFileSync(cliFile, cli);
// The libraries too where it can be done safely (see asciiComments); one that cannot stays as it is.
for (const file of [...Object.values(APART), 'puppeteer.cjs']) {
  const url = new URL(`../dist/${file}`, import.meta.url);
  writeFileSync(url, asciiComments(readFileSync(url, 'utf8'), `dist/${file}`, { strict: false }));
}

// bin/briefbook.js runs the CLI as a vm script, where import() fails without node's
// experimental loader hook: the CLI loads what it does not bundle (puppeteer, chokidar)
// through require. Refuse a bundle that would fail on some path at run time.
const dynamic = /[^\w$.]import\(\s*["'`]/.exec(cli);
if (dynamic) {
  console.error(`dist/cli.cjs calls import() (${dynamic[0].trim()}…): load that module through require instead`);
  process.exit(1);
}

/**
 * A bundle in ASCII only. A source with any other character is held by V8 at two bytes a
 * character (6 MB for the 3 MB CLI, and bin/briefbook.js holds it twice: its string and
 * the compiled script's) and decoded about three times as slowly. esbuild escapes strings,
 * templates and names; what it leaves is in comments, escaped here (a comment's text is
 * never read), and in regular expressions, escaped here where esbuild printed one as a value
 * (`\u00b6` means the character in a pattern with or without the `u` flag), on lines without
 * a backtick (a tagged template's raw text would change). briefbook's own sources write
 * patterns in ASCII anyway (`\u2019`, not the character). Anything else stops the build for
 * the CLI (`strict`) and is left as it is in a library, which then only loads more slowly.
 */
function asciiComments(code, name, { strict = true } = {}) {
  const lines = code.split('\n');
  for (const [i, line] of lines.entries()) {
    if (!/[\u0080-\uffff]/.test(line)) continue;
    const start = commentStart(line);
    const [body, comment] = start < 0 ? [line, ''] : [line.slice(0, start), line.slice(start)];
    const fixed = asciiPatterns(body) + comment.replace(/[\u0080-\uffff]/g, escaped);
    if (/[\u0080-\uffff]/.test(fixed) && strict) {
      console.error(
        `${name}:${i + 1}: a non-ASCII character outside a comment; write it as \\uXXXX in the source:\n  ${line.trim().slice(0, 160)}`,
      );
      process.exit(1);
    }
    lines[i] = fixed;
  }
  return lines.join('\n');
}

function escaped(c) {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** The non-ASCII characters of a line's regular expression literals escaped; not one that follows a backslash. */
function asciiPatterns(code) {
  if (code.includes('`')) return code;
  // A regular expression literal printed as a value: after `:`, `=`, `(` or `,`, up to its flags.
  const value = /([:=(,]\s*)(\/(?![*/])(?:\\.|\[(?:\\.|[^\]\\])*\]|[^/\\[])+\/[dgimsuvy]*)/g;
  return code.replace(value, (_, before, pattern) => before + pattern.replace(/(?<!\\)[\u0080-\uffff]/g, escaped));
}

/** Where a comment starts on a line esbuild printed, or -1 where that is not certain. */
function commentStart(line) {
  // A line of a block comment (esbuild puts a kept comment on lines of its own), or a line comment.
  if (/^\s*(\/\/|\/\*|\*)/.test(line)) return line.search(/\S/);
  // Code, then `//`, with no quote or slash before it that could make the `//` part of a string or pattern.
  const at = line.indexOf('//');
  return at > 0 && !/['"`/]/.test(line.slice(0, at)) ? at : -1;
}
