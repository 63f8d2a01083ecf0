// The parse cache as the built CLI uses it: a second process finds the entries the first
// one stored (the bundle's parse-code id is the same from run to run), and what validate
// prints is the same with the cache off, cold and warm.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from './helpers/cli.js';
import { ACCOUNTS, BASE, DATES, testRepo } from './helpers/git-repo.js';
import { shippedProject } from './helpers/project.js';
import { testdir } from './helpers/testdir.js';

describe('parse cache in the CLI', () => {
  it('validates the shipped project the same with the cache off, cold and warm, and reuses entries across runs', () => {
    const files = shippedProject();
    const root = testdir(files);
    const cache = testdir({});
    const validate = (dir: string) => run(['validate', '--no-templates', '--verbose'], { cwd: root, env: { BRIEFBOOK_CACHE_DIR: dir } });
    const entries = () => readdirSync(cache).filter((e) => e.startsWith('facts-'));

    const off = validate('off');
    expect(off.code).toBe(0);
    expect(off.stdout + off.stderr).toMatch(/data\/[\w/.-]+\.yaml:\d+:\d+/);
    const cold = validate(cache);
    const stored = entries();
    expect(stored).toHaveLength(Object.keys(files).filter((f) => f.startsWith('data/')).length);
    const warm = validate(cache);
    expect(entries()).toEqual(stored);
    for (const r of [cold, warm]) expect(r).toEqual(off);
  });

  it('diffs two revisions the same with the cache off, cold and warm; the edited items are kept and found again', () => {
    const repo = testRepo(BASE);
    repo.commit('edit', {
      'data/facts/campaign.yaml': `facts:\n${ACCOUNTS.replace('about 25,000', 'some 25,000')}${DATES.replace('reported', 'confirmed')}`,
    });
    const cache = testdir({});
    const diff = (dir: string) =>
      run(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], { cwd: repo.root, env: { ...repo.env, BRIEFBOOK_CACHE_DIR: dir } });
    const entries = () => readdirSync(cache).filter((e) => e.startsWith('facts-'));

    const off = diff('off');
    expect(off.code).toBe(0);
    expect(
      JSON.parse(off.stdout)
        .changed.map((c: { id: string }) => c.id)
        .sort(),
    ).toEqual(['campaign.accounts', 'campaign.dates']);
    const cold = diff(cache);
    // Both edited facts, on each side: the unchanged files are never parsed.
    const stored = entries();
    expect(stored).toHaveLength(4);
    const warm = diff(cache);
    expect(entries()).toEqual(stored);
    for (const r of [cold, warm]) expect(r).toEqual(off);
  });
});
