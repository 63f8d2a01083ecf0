// Reading the two sides of a diff from git and disk, against a real repository.
import { describe, expect, it } from 'vitest';
import { ACCOUNTS, BASE, DATES, testRepo } from '../../test/helpers/git-repo.js';
import { openProject } from '../project.js';
import { Repo, readSides, resolveSides, type SideContext } from './sides.js';

async function sides(root: string, args: string[]) {
  const project = openProject(root);
  const ctx: SideContext = { cwd: root, project: () => project };
  const repo = new Repo(ctx);
  const specs = await resolveSides(args, ctx, repo);
  const [a, b] = await readSides(specs, ctx, repo);
  const byPath = (files: typeof a.files) => new Map(files.map((f) => [f.path.replace(/^[^:]*:/, ''), f]));
  return { specs, a: byPath(a.files), b: byPath(b.files) };
}

describe('readSides', () => {
  it('gives a blob the bytes of the working-tree file git would store as it, instead of reading it from git', async () => {
    const repo = testRepo(BASE);
    repo.write({ 'data/facts/campaign.yaml': `facts:\n${ACCOUNTS.replace('alleged', 'confirmed')}${DATES}` });
    const { a, b } = await sides(repo.root, []);
    const unchanged = 'data/sources.yaml';
    const edited = 'data/facts/campaign.yaml';
    expect(a.get(unchanged)?.bytes).toBe(b.get(unchanged)?.bytes);
    expect(a.get(unchanged)?.oid).toBe(repo.git('rev-parse', `HEAD:${unchanged}`).trim());
    expect(b.get(unchanged)?.oid).toBe(a.get(unchanged)?.oid);
    // The edited file is read from git: its bytes are the committed ones.
    expect(Buffer.from(a.get(edited)?.bytes ?? []).toString('utf8')).toBe(repo.git('show', `HEAD:${edited}`));
    expect(b.get(edited)?.oid).not.toBe(a.get(edited)?.oid);
  });

  it('reads two revisions with their blob ids, and resolves both names at once', async () => {
    const repo = testRepo(BASE);
    repo.commit('confirm', { 'data/facts/campaign.yaml': `facts:\n${ACCOUNTS.replace('alleged', 'confirmed')}${DATES}` });
    const { specs, a, b } = await sides(repo.root, ['HEAD~1', 'HEAD']);
    expect(specs.map((s) => (s.type === 'revision' ? s.commit : s.type))).toEqual([
      repo.git('rev-parse', 'HEAD~1').trim(),
      repo.git('rev-parse', 'HEAD').trim(),
    ]);
    for (const [path, file] of [...a, ...b]) {
      expect(Buffer.from(file.bytes).toString('utf8'), path).toBe(repo.git('show', `${file.path.split(':')[0]}:${path}`));
    }
  });
});
