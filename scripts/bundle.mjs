// Bundles the CLI into dist/ so start-up reads a few files instead of hundreds of
// modules (start-up time dominates a Markdown/HTML build). Code behind dynamic imports
// becomes separate chunks, loaded only by the commands that need them; puppeteer stays
// external and is imported only for PDF output.
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
  plugins: [grayMatterYaml],
});
