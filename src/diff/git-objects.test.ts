// What the diff asks git, against a real repository: blobs read as cat-file streams them,
// blob ids as git computes them, and the top and revisions resolved in one call.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, gitEnv } from '../../test/helpers/git-repo.js';
import { testdir } from '../../test/helpers/testdir.js';
import { CatFile } from './cat-file.js';
import { gitBlobId, listBlobs, listTree, readBlobs, readInto, resolveAll } from './git-objects.js';

// Larger than a pipe's read (64 KB), so a blob arrives in several pieces, and pieces hold
// the end of one blob and the start of the next.
const big = `${'- id: x\n  statement: long\n'.repeat(12_000)}`;
const files: Record<string, string | Uint8Array> = {
  'data/a.yaml': 'facts:\n  - id: a\n',
  'data/empty.yaml': '',
  'data/big.yaml': big,
  'data/big-copy.yaml': big,
  'data/bytes.bin': new Uint8Array([0, 10, 255, 10, 10, 13, 0]),
  'data/no-newline.yaml': 'facts: []',
};

function repo() {
  const root = testdir(files);
  const env = gitEnv();
  git(root, env, 'init', '-q');
  git(root, env, 'add', '-A');
  git(root, env, 'commit', '-q', '-m', 'one');
  writeFileSync(join(root, 'data/a.yaml'), 'facts:\n  - id: b\n');
  git(root, env, 'commit', '-q', '-am', 'two');
  return { root, env };
}

describe('readBlobs', () => {
  it('gives every blob its exact bytes, each object once, and tells as each one is read', async () => {
    const { root } = repo();
    const blobs = await listBlobs(root, git(root, {}, 'rev-parse', 'HEAD~1').trim(), 'data');
    expect(blobs.map((b) => b.path).sort()).toEqual(Object.keys(files).sort());
    const seen: string[] = [];
    const oids = [...blobs.map((b) => b.oid), ...blobs.map((b) => b.oid)];
    const read = await readBlobs(root, oids, (oid) => seen.push(oid));
    for (const b of blobs) {
      const want = execFileSync('git', ['-C', root, 'cat-file', 'blob', b.oid]);
      expect(Buffer.compare(read.get(b.oid) as Buffer, want), b.path).toBe(0);
      expect(read.get(b.oid)?.length).toBe(b.size);
    }
    // big.yaml and its copy are one object.
    expect(seen.sort()).toEqual([...new Set(blobs.map((b) => b.oid))].sort());
  });

  it('fails on an object git does not have', async () => {
    const { root } = repo();
    await expect(readBlobs(root, ['0'.repeat(40)])).rejects.toThrow(/cannot read object 0{40}/);
  });
});

describe('gitBlobId', () => {
  it('is the id git gives the same bytes', () => {
    const root = testdir({ 'a.yaml': 'facts:\n  - id: a\n', 'b.bin': new Uint8Array([0, 255, 10]), 'e.yaml': '' });
    for (const name of ['a.yaml', 'b.bin', 'e.yaml']) {
      const want = execFileSync('git', ['hash-object', join(root, name)], { encoding: 'utf8' }).trim();
      expect(gitBlobId(readFileSync(join(root, name)))).toBe(want);
    }
  });
});

describe('resolveAll', () => {
  it('names the top and the commit of each revision in one call', async () => {
    const { root } = repo();
    const answer = await resolveAll(join(root, 'data'), ['HEAD~1', 'HEAD']);
    expect(answer?.top).toBe(git(root, {}, 'rev-parse', '--show-toplevel').trim());
    expect(answer?.commits).toEqual([git(root, {}, 'rev-parse', 'HEAD~1').trim(), git(root, {}, 'rev-parse', 'HEAD').trim()]);
  });

  it('answers nothing unless every name is one commit, so each can be asked alone', async () => {
    const { root } = repo();
    expect(await resolveAll(root, ['HEAD', 'no-such-branch'])).toBeUndefined();
    expect(await resolveAll(root, ['HEAD~1..HEAD'])).toBeUndefined();
    expect(await resolveAll(testdir({}), ['HEAD'])).toBeUndefined();
  });
});

describe('listTree', () => {
  // Folders within folders, a name with spaces and one in UTF-8, an executable, a link and
  // a submodule (neither is a fact file), and a folder that sorts before a file of its stem.
  function tree() {
    const root = testdir({
      'data/a.yaml': 'facts: []\n',
      'data/sub dir/é.yaml': 'facts: []\n',
      'data/sub dir/deeper/b.yaml': 'facts: []\n',
      'data/x/y.yaml': 'facts: []\n',
      'data/x.yaml': 'facts: []\n',
      'data/run.sh': '#!/bin/sh\n',
      'other/c.yaml': 'facts: []\n',
      'top.yaml': 'facts: []\n',
    });
    const env = gitEnv();
    git(root, env, 'init', '-q');
    execFileSync('chmod', ['+x', join(root, 'data/run.sh')]);
    execFileSync('ln', ['-s', 'a.yaml', join(root, 'data/link.yaml')]);
    git(root, env, 'add', '-A');
    git(root, env, 'update-index', '--add', '--cacheinfo', `160000,${'1'.repeat(40)},data/module`);
    git(root, env, 'commit', '-q', '-m', 'one');
    return { root, commit: git(root, env, 'rev-parse', 'HEAD').trim() };
  }
  const strip = (blobs: { path: string; oid: string }[]) => blobs.map(({ path, oid }) => ({ path, oid }));

  it('lists what ls-tree lists, in its order, for a folder, the top and a folder that is not there', async () => {
    const { root, commit } = tree();
    const cat = new CatFile(root);
    for (const dir of ['data', 'data/sub dir', '', 'no/such']) {
      const fromTree = await listTree(cat, commit, dir);
      expect(fromTree, dir).toEqual(strip(await listBlobs(root, commit, dir)));
    }
    expect((await listTree(cat, commit, 'data'))?.map((b) => b.path)).toContain('data/sub dir/é.yaml');
    await cat.close();
  });

  it('leaves a data folder that is a file or a link to ls-tree', async () => {
    const { root, commit } = tree();
    const cat = new CatFile(root);
    expect(await listTree(cat, commit, 'top.yaml')).toBeUndefined();
    expect(await listTree(cat, commit, 'data/link.yaml')).toBeUndefined();
    await cat.close();
  });

  it('reads blobs over a size without keeping them, and tells their size', async () => {
    const { root } = repo();
    const blobs = await listBlobs(root, git(root, {}, 'rev-parse', 'HEAD').trim(), 'data');
    const oids = blobs.map((b) => b.oid);
    const cat = new CatFile(root);
    const into = new Map<string, Buffer>();
    const over = new Map<string, number>();
    await readInto(cat, oids, into, { max: 100, over });
    expect([...over.keys()].sort()).toEqual([...new Set(blobs.filter((b) => (b.size as number) > 100).map((b) => b.oid))].sort());
    for (const b of blobs) expect(into.get(b.oid)?.length ?? over.get(b.oid)).toBe(b.size);
    await expect(readInto(cat, ['0'.repeat(40)], into)).rejects.toThrow(/cannot read object 0{40} \(missing\)/);
    await cat.close();
  });
});
