// The start-up cache: a hit returns what was stored, and an entry that is torn or altered
// is recomputed instead of trusted.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ownCacheDir } from '../../test/helpers/cache-dir.js';
import { MARKER } from './cache-prune.js';
import { cacheDir, cached, hashOf, lookup, store } from './disk-cache.js';

/** The cache's entries, without the marker of its last pruning. */
const entriesIn = (dir: string) => readdirSync(dir).filter((e) => e !== MARKER);

describe('disk cache', () => {
  const cache = ownCacheDir('bb-cache-');

  it('stores on a miss and returns the stored text on a hit, without computing it', () => {
    expect(cached('t', 'k1', () => 'first')).toBe('first');
    expect(cached('t', 'k1', () => 'second')).toBe('first');
    expect(entriesIn(cache.dir)).toEqual(['t-k1']);
  });

  it('recomputes an entry whose text no longer matches its seal', () => {
    cached('t', 'k2', () => 'good');
    const file = join(cache.dir, 't-k2');
    writeFileSync(file, readFileSync(file, 'utf8').replace('good', 'evil'));
    expect(cached('t', 'k2', () => 'again')).toBe('again');
    writeFileSync(file, 'no seal at all');
    expect(cached('t', 'k2', () => 'third')).toBe('third');
  });

  it('finds what store kept with lookup, and nothing while the cache is off', () => {
    expect(lookup('t', 'k3')).toBeUndefined();
    store('t', 'k3', 'kept');
    expect(lookup('t', 'k3')).toBe('kept');
    process.env.BRIEFBOOK_CACHE_DIR = 'off';
    expect(lookup('t', 'k3')).toBeUndefined();
    store('t', 'k4', 'dropped');
    process.env.BRIEFBOOK_CACHE_DIR = cache.dir;
    expect(entriesIn(cache.dir)).toEqual(['t-k3']);
  });

  it('checks the seal on the bytes: text of any script round-trips, and one changed byte is a miss', () => {
    const text = 'é “quoted” 😀 ascii\n//sha256: inside the text too\n';
    store('t', 'k5', text);
    expect(lookup('t', 'k5')).toBe(text);
    const file = join(cache.dir, 't-k5');
    expect(readFileSync(file, 'utf8').endsWith(`//sha256:${hashOf(text)}`)).toBe(true);
    const bytes = readFileSync(file);
    bytes[0] = 0x41; // é's first byte: no longer UTF-8, and no longer the text sealed
    writeFileSync(file, bytes);
    expect(lookup('t', 'k5')).toBeUndefined();
  });

  it('is off with BRIEFBOOK_CACHE_DIR=off, and under XDG_CACHE_HOME otherwise', () => {
    expect(cacheDir({ BRIEFBOOK_CACHE_DIR: 'off' })).toBeUndefined();
    expect(cacheDir({ XDG_CACHE_HOME: '/c' })).toBe('/c/briefbook');
  });
});
