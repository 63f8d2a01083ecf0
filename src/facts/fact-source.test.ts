// The fact files hashed through one buffer (fact-source.ts): the same digest as hashing the
// files read whole, whatever their sizes, links and folders; the base read later only when
// the files are still the ones hashed.
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA } from '../../test/fixtures/render.js';
import { testdir } from '../../test/helpers/testdir.js';
import { openProject } from '../project.js';
import { FactFilesChanged, hashedFactSource, hashFactFiles, readFactSource } from './fact-source.js';
import { factFilesDigest, readFactFiles } from './load.js';

describe('fact files hashed, not kept', () => {
  it('gives the digest of the files read whole: sizes up and down, folders, a link out, an empty file', async () => {
    const outside = testdir({ 'secret.yaml': 'facts: []\n' });
    const root = testdir({
      ...DATA,
      'data/a/small.yaml': '# a\n',
      'data/a/big.yaml': `# ${'x'.repeat(300_000)}\n`,
      'data/b/medium.yaml': `# ${'y'.repeat(40_000)}\n`,
      'data/b/empty.yml': '',
      'data/c.yaml': `# ${'z'.repeat(700_000)}\n`,
    });
    symlinkSync(join(outside, 'secret.yaml'), join(root, 'data/link.yaml'));
    const dataDir = join(root, 'data');
    const files = await readFactFiles(root, dataDir);
    expect(files.some((f) => f.refused)).toBe(true);
    expect(files.map((f) => f.bytes.length)).toContain(700_003);
    expect(await hashFactFiles(root, dataDir)).toBe(factFilesDigest(files));
  });

  it('assembles the same base as the files read first', async () => {
    const project = openProject(testdir(DATA));
    const hashed = await hashedFactSource(project);
    const read = await readFactSource(project);
    expect(hashed.digest).toBe(read.digest);
    const [a, b] = [await hashed.load(), await read.load()];
    expect([...a.factBase.facts.keys()]).toEqual([...b.factBase.facts.keys()]);
    expect(a.report).toEqual(b.report);
    expect(await hashed.load()).toBe(a);
  });

  it('refuses a base whose files changed after they were hashed, rather than one the digest does not name', async () => {
    const root = testdir(DATA);
    const hashed = await hashedFactSource(openProject(root));
    writeFileSync(join(root, 'data/facts.yaml'), `${DATA['data/facts.yaml']}\n# edited\n`);
    await expect(hashed.load()).rejects.toBeInstanceOf(FactFilesChanged);
    const again = await readFactSource(openProject(root));
    expect(again.digest).not.toBe(hashed.digest);
  });
});
