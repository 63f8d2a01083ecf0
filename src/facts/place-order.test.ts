// validate's order of diagnostics (place-order.ts): the order localeCompare gives file
// names, from ranks made once and kept in the cache folder.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ownCacheDir } from '../../test/helpers/cache-dir.js';
import type { Diagnostic } from '../errors.js';
import { fileRanks, placeOrder } from './place-order.js';

// Case, punctuation, digits, accents, and two spellings of é that localeCompare calls equal.
const FILES = [
  'data/B.yaml',
  'data/a.yaml',
  'data/a-b.yaml',
  'data/a_b.yaml',
  'data/a10.yaml',
  'data/a9.yaml',
  'data/é.yaml',
  'data/e\u0301.yaml',
  'data/f.yaml',
  'templates/x.md',
  'Data/z.yaml',
  '.hidden.yaml',
];

const localeOrder = (a: Diagnostic, b: Diagnostic) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;

function diagnostics(): Diagnostic[] {
  const out: Diagnostic[] = [];
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  for (let i = 0; i < 400; i++) {
    out.push({ file: FILES[next(FILES.length)] as string, line: next(5), column: next(3), path: '', message: `m${i}`, hint: '' });
  }
  return out;
}

describe('the order of diagnostics', () => {
  const cache = ownCacheDir('bb-order-');

  it('is the order localeCompare gives, ties kept in place, cold and from the cache', () => {
    expect('data/é.yaml'.localeCompare('data/e\u0301.yaml')).toBe(0);
    const expected = diagnostics().sort(localeOrder);
    expect(diagnostics().sort(placeOrder(diagnostics()))).toEqual(expected);
    expect(readdirSync(cache.dir).filter((e) => e.startsWith('collate-'))).toHaveLength(1);
    expect(diagnostics().sort(placeOrder(diagnostics()))).toEqual(expected);
    process.env.BRIEFBOOK_CACHE_DIR = 'off';
    expect(diagnostics().sort(placeOrder(diagnostics()))).toEqual(expected);
  });

  it('ranks equal names equally, and takes kept ranks only for the same names', () => {
    const ranks = fileRanks(FILES);
    expect(ranks.get('data/é.yaml')).toBe(ranks.get('data/e\u0301.yaml'));
    expect(ranks.get('data/a.yaml')).not.toBe(ranks.get('data/B.yaml'));
    const fewer = fileRanks(['data/B.yaml', 'data/a.yaml']);
    expect((fewer.get('data/a.yaml') as number) < (fewer.get('data/B.yaml') as number)).toBe(true);
    expect(readdirSync(cache.dir).filter((e) => e.startsWith('collate-'))).toHaveLength(2);
  });

  it('ignores a torn or altered entry', () => {
    const expected = diagnostics().sort(localeOrder);
    placeOrder(diagnostics());
    for (const e of readdirSync(cache.dir)) writeFileSync(join(cache.dir, e), '[0,0,0,0,0,0,0,0,0,0,0,0]\n//sha256:x');
    expect(diagnostics().sort(placeOrder(diagnostics()))).toEqual(expected);
  });
});
