// Bundles the CLI into dist/ so start-up reads a few files instead of hundreds of
// modules (start-up time dominates a Markdown/HTML build). Code behind dynamic imports
// becomes separate chunks, loaded only by the commands that need them; puppeteer stays
// external and is imported only for PDF output.
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
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

// Chunk names are content hashes: start clean so stale chunks never pile up or ship.
rmSync(new URL('../dist/', import.meta.url), { recursive: true, force: true });

await build({
  entryPoints: { cli: 'src/cli/main.ts', index: 'src/index.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  external: ['puppeteer', 'puppeteer-core', 'chokidar', 'fsevents'],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
  metafile: false,
  define: { __BRIEFBOOK_PARSE_CODE__: JSON.stringify(parseCode) },
  plugins: [grayMatterYaml],
});
