// The parse cache never changes what a load gives: the same fact base and the same
// diagnostics with the cache off, cold and warm, on the shipped data and a generated
// corpus; an entry that is torn or altered is not trusted; changed text is parsed again.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MARKER } from '../util/cache-prune.js';
import type { FactBase } from './factbase.js';
import type { KINDS } from './kinds.js';
import { type Loaded, loadFromFiles, readFactFiles } from './load.js';
import { parseCache } from './parse-cache.js';

/** The cache's entries, without the marker of its last pruning. */
const entriesIn = (dir: string) => readdirSync(dir).filter((e) => e !== MARKER);

import type { SourceFile } from './parse-file.js';

const REPO = new URL('../../', import.meta.url).pathname;
const utf8 = new TextDecoder();
const file = (path: string, text: string): SourceFile => ({ path, bytes: new TextEncoder().encode(text) });

/** A fact base as plain values: its items, each file's data, and where each item stands (via its file's `locate`). */
function comparable({ factBase, report }: Loaded) {
  const { origins, ...items } = factBase as FactBase;
  const data = new Map([...origins.values()].map(({ file }) => [file.path, file.data]));
  const where = [...origins].map(([key, { file, index }]) => {
    const kind = key.slice(0, key.indexOf(':')) as (typeof KINDS)[number];
    const at = file.rawIndex(kind, index);
    // [kind, i] takes the id-line shortcut; [kind, i, 'id'] the located document.
    return [key, file.path, at, file.locate([kind, at]), file.locate([kind, at, 'id']), file.broken];
  });
  return { items, data, where, report };
}

describe('parse cache', () => {
  let cache: string;
  let corpus: string;
  const saved = process.env.BRIEFBOOK_CACHE_DIR;
  beforeAll(() => {
    corpus = mkdtempSync(join(tmpdir(), 'bb-corpus-'));
    execFileSync(process.execPath, [join(REPO, 'scripts/gen-corpus.mjs'), corpus, '--facts', '400', '--audiences', '1']);
  });
  afterAll(() => rmSync(corpus, { recursive: true, force: true }));
  beforeEach(() => {
    cache = mkdtempSync(join(tmpdir(), 'bb-fact-cache-'));
    process.env.BRIEFBOOK_CACHE_DIR = cache;
  });
  afterEach(() => {
    rmSync(cache, { recursive: true, force: true });
    process.env.BRIEFBOOK_CACHE_DIR = saved;
  });

  const load = (files: SourceFile[], dir: string) => {
    process.env.BRIEFBOOK_CACHE_DIR = dir;
    return comparable(loadFromFiles(files));
  };

  it.each([
    ['the shipped fact base', () => REPO],
    ['a generated corpus', () => corpus],
  ])('loads %s the same with the cache off, cold and warm', async (_, root) => {
    const files = await readFactFiles(root(), join(root(), 'data'));
    const off = load(files, 'off');
    expect(entriesIn(cache)).toEqual([]);
    const cold = load(files, cache);
    // Every file of these clean bases is kept, and found by the next load.
    expect(entriesIn(cache)).toHaveLength(files.length);
    for (const f of files) expect(parseCache(utf8.decode(f.bytes))?.hit).toBeDefined();
    const warm = load(files, cache);
    expect(off.report.errors).toEqual([]);
    expect(off.report.warnings.length).toBeGreaterThan(0);
    for (const run of [cold, warm]) {
      expect(run).toStrictEqual(off);
      expect(isDeepStrictEqual(run, off)).toBe(true);
    }
  });

  it('ignores a torn or altered entry, and parses the file again', async () => {
    const files = await readFactFiles(corpus, join(corpus, 'data'));
    const off = load(files, 'off');
    load(files, cache);
    const entries = entriesIn(cache);
    const [torn, altered] = entries.map((e) => join(cache, e));
    const text = readFileSync(torn as string, 'utf8');
    writeFileSync(torn as string, text.slice(0, text.length / 2));
    writeFileSync(altered as string, readFileSync(altered as string, 'utf8').replace(/"statement":"[^"]*"/, '"statement":"forged"'));
    expect(load(files, cache)).toStrictEqual(off);
    // Both were stored again, whole.
    expect(readFileSync(torn as string, 'utf8')).toBe(text);
  });

  it('locates a warning at the id line on a hit, wherever the id stands in its item', () => {
    // The id is not the item's first key: the located document would point at the item's first line.
    const files = [
      file('data/s.yaml', 'sources:\n  - id: s1\n    title: T\n    via: [Reuters]\n'),
      file(
        'data/f.yaml',
        'facts:\n  - statement: S.\n    id: f1\n    status: alleged\n    sensitivity: public\n    sources: [{ source: s1 }]\n',
      ),
    ];
    const off = load(files, 'off');
    expect(off.report.warnings.map((w) => [w.file, w.line, w.column])).toEqual([['data/f.yaml', 3, 5]]);
    load(files, cache);
    expect(load(files, cache)).toStrictEqual(off);
  });

  it('misses when the text changes, and keeps only files that parsed without a problem', () => {
    const fact = (statement: string) =>
      `facts:\n  - id: f1\n    statement: ${statement}\n    status: alleged\n    sensitivity: public\n    sources: [{ source: s1 }]\n`;
    const sources = file('data/s.yaml', 'sources:\n  - id: s1\n    title: T\n    via: [Reuters]\n');
    load([sources, file('data/f.yaml', fact('Before.'))], cache);
    const after = load([sources, file('data/f.yaml', fact('After.'))], cache);
    expect(after.items.facts.get('f1')?.statement).toBe('After.');
    expect(entriesIn(cache)).toHaveLength(3);

    const broken = file('data/b.yaml', `${fact('Fine.').replace('f1', 'f2')}  - id: f3\n    status: nonsense\n`);
    const bad = file('data/x.yaml', 'facts: [unclosed\n');
    const first = load([sources, broken, bad], cache);
    expect(first.report.errors.length).toBeGreaterThan(1);
    expect(entriesIn(cache)).toHaveLength(3);
    expect(load([sources, broken, bad], cache)).toStrictEqual(first);
  });

  it('does not keep data that JSON would not give back exactly (-0.0), and gives the same data', () => {
    const text = `facts:\n  - id: f1\n    statement: S.\n    status: alleged\n    sensitivity: public\n    value: { number: -0.0, unit: percent }\n    sources: [{ source: s1 }]\n`;
    const sources = file('data/s.yaml', 'sources:\n  - id: s1\n    title: T\n    via: [Reuters]\n');
    const cold = load([sources, file('data/f.yaml', text)], cache);
    expect(cold.report.errors).toEqual([]);
    expect(Object.is(cold.items.facts.get('f1')?.value?.number, -0)).toBe(true);
    expect(entriesIn(cache)).toHaveLength(1);
    expect(load([sources, file('data/f.yaml', text)], cache)).toStrictEqual(cold);
  });
});
