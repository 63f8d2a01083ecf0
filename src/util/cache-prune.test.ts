// Pruning the cache folder: entries unused for 30 days go, at most once a day, when an
// entry is written; fresh entries, recently used ones and every file briefbook did not
// write stay.
import { existsSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ownCacheDir } from '../../test/helpers/cache-dir.js';
import { MARKER, pruneDaily, UNUSED_FOR } from './cache-prune.js';
import { hashOf, lookup, store } from './disk-cache.js';

const DAY = 24 * 60 * 60 * 1000;

describe('cache pruning', () => {
  const cache = ownCacheDir('bb-prune-');

  /** A file last used (accessed and changed) `days` ago. */
  const file = (name: string, days: number) => {
    writeFileSync(join(cache.dir, name), 'x');
    const when = new Date(Date.now() - days * DAY);
    utimesSync(join(cache.dir, name), when, when);
    return name;
  };
  const cli = `cli-${'a'.repeat(40)}`;

  it('deletes entries unused for 30 days when an entry is written, and keeps the rest and every other file', () => {
    const old = [file(`facts-${hashOf('old')}`, 31), file(`${cli}-build.v8`, 40), file(`${cli}.v8`, 90)];
    const kept = [
      file(`tcheck-${hashOf('recent')}`, 29),
      file(`${cli}-list.v8`, 2),
      // Not names briefbook writes: a cache folder may be pointed at a shared directory.
      file('notes.txt', 400),
      file(`facts-${hashOf('x').slice(0, 40)}`, 400),
      file('Facts-ABC', 400),
    ];
    const torn = [file(`facts-${hashOf('t')}.123.0a1b2c3d.tmp`, 2), file(`${cli}-build.v8.0123456789ab.tmp`, 3)];
    const writing = file(`facts-${hashOf('w')}.77.00ff00ff.tmp`, 0); // another process writing now
    store('vfacts', hashOf('new'), 'report');
    const left = readdirSync(cache.dir);
    for (const name of [...old, ...torn]) expect(left).not.toContain(name);
    for (const name of [...kept, writing, MARKER, `vfacts-${hashOf('new')}`]) expect(left).toContain(name);
    expect(lookup('vfacts', hashOf('new'))).toBe('report');
  });

  it('looks through the folder at most once a day', () => {
    store('facts', hashOf('a'), 'one'); // prunes, and marks the day
    const old = file(`facts-${hashOf('old')}`, 60);
    store('facts', hashOf('b'), 'two');
    expect(existsSync(join(cache.dir, old))).toBe(true);
    // A day later the next write prunes again.
    const yesterday = new Date(Date.now() - DAY - 60_000);
    utimesSync(join(cache.dir, MARKER), yesterday, yesterday);
    store('facts', hashOf('c'), 'three');
    expect(existsSync(join(cache.dir, old))).toBe(false);
  });

  it('counts an access as use, and needs no folder to exist', () => {
    const name = `hbs-${hashOf('read')}`;
    file(name, 60);
    const now = new Date();
    utimesSync(join(cache.dir, name), now, new Date(Date.now() - 60 * DAY)); // read today, written 60 days ago
    pruneDaily(cache.dir, Date.now());
    expect(existsSync(join(cache.dir, name))).toBe(true);
    pruneDaily(join(cache.dir, 'missing'), Date.now() + UNUSED_FOR); // no throw
    expect(existsSync(join(cache.dir, 'missing'))).toBe(false);
  });
});
