// The data flows one way: load → validate → select → render → print → write. This keeps
// it so: every import in src/ points to the same layer or a lower one (docs/architecture.md),
// and folders side by side in one layer never import each other, so no two folders can
// depend on each other in a cycle.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = dirname(fileURLToPath(import.meta.url));

/** Lowest first. A path belongs to the most specific prefix that matches it. */
const LAYERS: readonly (readonly string[])[] = [
  ['errors.ts'],
  ['util/'],
  ['project.ts'],
  ['facts/'],
  ['diff/', 'import/'],
  ['merge/'],
  ['render/escape.ts', 'render/formats.ts'],
  ['render/template-files/', 'render/markdown/'],
  ['render/template/'],
  ['render/print/'],
  ['render/'],
  ['render/docx/'],
  ['watch/'],
  ['commands/'],
  ['cli/'],
  ['index.ts'],
];

function place(file: string): { layer: number; folder: string } {
  let best: { layer: number; folder: string } | undefined;
  LAYERS.forEach((prefixes, layer) => {
    for (const p of prefixes) {
      if ((file === p || file.startsWith(p)) && (!best || p.length > best.folder.length)) best = { layer, folder: p };
    }
  });
  if (!best) throw new Error(`${file} is in no layer; add its folder to LAYERS and to docs/architecture.md`);
  return best;
}

function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const abs = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(abs);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [relative(SRC, abs).split('\\').join('/')] : [];
  });
}

/** Relative imports, static and dynamic, resolved to paths under src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(SRC, file), 'utf8');
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1] as string);
  return specs.map((s) =>
    normalize(join(dirname(file), s.replace(/\.js$/, '.ts')))
      .split('\\')
      .join('/'),
  );
}

describe('architecture', () => {
  const files = sourceFiles();

  it('places every source file in a layer', () => {
    expect(files.length).toBeGreaterThan(50);
    for (const f of files) expect(() => place(f)).not.toThrow();
  });

  it('imports only from the same layer or a lower one, and never from a sibling folder', () => {
    const wrong: string[] = [];
    for (const file of files) {
      const from = place(file);
      for (const target of importsOf(file)) {
        if (target.startsWith('..')) continue; // package.json, chromium-flags.json and the like outside src/ are data
        const to = place(target);
        if (to.layer > from.layer) wrong.push(`${file} imports ${target}: a higher layer`);
        else if (to.layer === from.layer && to.folder !== from.folder) wrong.push(`${file} imports ${target}: a sibling folder`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keeps source files small enough to read in one sitting', () => {
    const long = files.filter((f) => readFileSync(join(SRC, f), 'utf8').split('\n').length > 250);
    expect(long).toEqual([]);
  });

  it('pairs every command-line command with a library command of the same name', () => {
    const names = (dir: string) => readdirSync(join(SRC, dir)).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'));
    // `completion` prints a script for the command line itself; it has nothing to do in the library.
    expect(names('cli/commands').filter((n) => n !== 'completion.ts')).toEqual(names('commands'));
  });
});
