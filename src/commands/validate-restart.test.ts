// validate hashes the fact files first and reads them only when something must be made from
// them (facts/fact-source.ts). A file edited in between must not give a report of one state
// stored under the digest of another: the check starts again from the files as read.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DATA } from '../../test/fixtures/render.js';
import { ownCacheDir } from '../../test/helpers/cache-dir.js';
import { testdir } from '../../test/helpers/testdir.js';
import { openProject } from '../project.js';
import { validate } from './validate.js';

const between: { edit?: () => void } = {};

vi.mock('../facts/fact-source.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../facts/fact-source.js')>();
  return {
    ...real,
    hashedFactSource: async (project: Parameters<typeof real.hashedFactSource>[0]) => {
      const source = await real.hashedFactSource(project);
      between.edit?.();
      between.edit = undefined;
      return source;
    },
  };
});

describe('validate: fact files edited while it runs', () => {
  const cache = ownCacheDir('bb-restart-');

  it('reports the files as read, and stores that report under their own digest', async () => {
    const root = testdir(DATA);
    const facts = join(root, 'data/facts.yaml');
    const edited = `${DATA['data/facts.yaml']}  - id: f.added\n    statement: Added.\n    status: reported\n    sensitivity: public\n    sources: [{ source: s.missing }]\n`;
    between.edit = () => writeFileSync(facts, edited);
    const first = await validate({ project: openProject(root), templates: false });
    expect(first.errors.map((e) => e.message)).toContain('unknown source "s.missing"');
    expect(readdirSync(cache.dir).filter((e) => e.startsWith('vfacts-'))).toHaveLength(1);
    // The entry stored is the edited base's: a second run takes it and reports the same.
    const again = await validate({ project: openProject(root), templates: false });
    expect(again).toEqual(first);
    expect(readdirSync(cache.dir).filter((e) => e.startsWith('vfacts-'))).toHaveLength(1);
  });
});
