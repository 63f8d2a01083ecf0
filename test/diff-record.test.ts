// diff's record of two revisions (src/diff/pair-record.ts) as the built CLI uses it: a
// second diff of the same two revisions takes the pair from the record and prints what
// the first printed, in every format and with every filter; an altered or torn record is
// not used; a pair that does not load (a duplicate id, a file that does not parse) is
// never recorded, so its located errors come back every time.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashOf } from '../src/util/disk-cache.js';
import { run } from './helpers/cli.js';
import { ACCOUNTS, BASE, DATES, type TestRepo, testRepo } from './helpers/git-repo.js';
import { testdir } from './helpers/testdir.js';

const MORE = `facts:\n  - id: more.one\n    statement: One more.\n    status: reported\n    sensitivity: public\n    tags: [campaign]\n    sources:\n      - source: src.a\n`;

function project(): TestRepo {
  const repo = testRepo({ ...BASE, 'data/facts/more.yaml': MORE });
  repo.commit('edit', {
    'data/facts/campaign.yaml': `facts:\n${ACCOUNTS.replace('alleged', 'confirmed')}${DATES.replace('campaign.dates', 'campaign.period')}`,
  });
  return repo;
}

const FILTERS = [
  [],
  ['--format', 'md'],
  ['--format', 'json'],
  ['--kind', 'facts', '--tag', 'campaign'],
  ['--no-renames', '--format', 'json'],
];

function cli(repo: TestRepo, cache: string) {
  return {
    diff: (revs: string[], more: string[] = []) =>
      run(['diff', ...revs, ...more], { cwd: repo.root, env: { ...repo.env, BRIEFBOOK_CACHE_DIR: cache } }),
    records: () => readdirSync(cache).filter((e) => e.startsWith('pair-')),
  };
}

/** Stores `text` as disk-cache.ts would, sealed with its hash. */
const seal = (text: string) => `${text}\n//sha256:${hashOf(text)}`;

describe('briefbook diff: the record of two revisions', () => {
  it.each(FILTERS.map((f) => [f.join(' ') || 'text', f] as const))(
    'prints the same with the cache off, on a miss and on a hit (%s)',
    (_, more) => {
      const repo = project();
      const cache = testdir({});
      const { diff, records } = cli(repo, cache);
      const off = run(['diff', 'HEAD~1', 'HEAD', ...more], { cwd: repo.root, env: { ...repo.env, BRIEFBOOK_CACHE_DIR: 'off' } });
      expect(off.code).toBe(0);
      expect(off.stdout).toContain('campaign');
      expect(diff(['HEAD~1', 'HEAD'], more)).toEqual(off);
      expect(records()).toHaveLength(1);
      expect(diff(['HEAD~1', 'HEAD'], more)).toEqual(off);
    },
  );

  it('keeps one record for each pair of listings, whatever the revisions are called', () => {
    const repo = project();
    const cache = testdir({});
    const { diff, records } = cli(repo, cache);
    expect(diff(['HEAD~1', 'HEAD']).code).toBe(0);
    const back = diff(['HEAD', 'HEAD~1'], ['--format', 'json']);
    expect(JSON.parse(back.stdout).renamed).toEqual([{ kind: 'facts', from: 'campaign.period', to: 'campaign.dates' }]);
    expect(records()).toHaveLength(2);
    const [first, second] = repo.git('rev-parse', 'HEAD~1', 'HEAD').trim().split('\n') as [string, string];
    const named = diff([first, second], ['--format', 'json']);
    expect(JSON.parse(named.stdout)).toMatchObject({ from: first, to: second, fromCommit: first, toCommit: second });
    expect(records()).toHaveLength(2);
  });

  it('takes the pair from the record on a hit, and ignores an altered or torn record', () => {
    const repo = project();
    const cache = testdir({});
    const { diff, records } = cli(repo, cache);
    const json = (r: { stdout: string }) => JSON.parse(r.stdout) as { removed: { id: string }[]; renamed: { to: string }[] };
    const cold = diff(['HEAD~1', 'HEAD'], ['--format', 'json']);
    const [name] = records();
    const path = join(cache, name as string);
    const stored = readFileSync(path, 'utf8');
    const text = stored.slice(0, stored.lastIndexOf('\n//sha256:'));
    expect(JSON.parse(text).a.map((r: unknown[]) => r[1])).toEqual(['campaign.accounts', 'campaign.dates']);

    // A record sealed as the cache seals it is what a hit compares: drop one item from b.
    const record = JSON.parse(text) as { a: unknown[][]; b: unknown[][] };
    record.b = record.b.filter((r) => r[1] !== 'campaign.period');
    writeFileSync(path, seal(JSON.stringify(record)));
    const doctored = json(diff(['HEAD~1', 'HEAD'], ['--format', 'json']));
    expect([doctored.renamed, doctored.removed.map((r) => r.id)]).toEqual([[], ['campaign.dates']]);

    // Altered without its seal, torn, or not a record: ignored, read again and stored again.
    for (const bad of [text.replace('confirmed', 'denied'), stored.slice(0, stored.length / 2), seal('{"a":[["facts"]],"b":[]}')]) {
      writeFileSync(path, bad);
      const again = diff(['HEAD~1', 'HEAD'], ['--format', 'json']);
      expect(again).toEqual(cold);
      expect(json(again).renamed.map((r) => r.to)).toEqual(['campaign.period']);
      expect(readFileSync(path, 'utf8')).toBe(stored);
    }
  });

  it('reports a duplicate id introduced in a changed file against an unchanged file, with its place, every time', () => {
    const repo = project();
    const cache = testdir({});
    const { diff, records } = cli(repo, cache);
    expect(diff(['HEAD~1', 'HEAD']).code).toBe(0);
    expect(records()).toHaveLength(1);
    // more.yaml is unchanged by every commit here: its id is defined again in campaign.yaml.
    repo.commit('copy', {
      'data/facts/campaign.yaml': `facts:\n${ACCOUNTS}${DATES}${MORE.slice('facts:\n'.length).replace('One more.', 'Copied.')}`,
    });
    for (const revs of [
      ['HEAD~1', 'HEAD'],
      ['HEAD~2', 'HEAD'],
      ['HEAD~1', 'HEAD'],
    ]) {
      const res = diff(revs);
      expect(res.code).toBe(1);
      expect(res.stderr).toContain('duplicate fact id "more.one"');
      // Both places: where the id is defined again (the changed file) and the unchanged file.
      expect(res.stderr).toMatch(/HEAD:data\/facts\/campaign\.yaml:21:9/);
      expect(res.stderr).toMatch(/HEAD~[12]:data\/facts\/more\.yaml:2:9/);
    }
    expect(records()).toHaveLength(1);
  });

  it('reports a file that does not parse on one side, with its place, every time, and keeps no record', () => {
    const repo = project();
    const cache = testdir({});
    const { diff, records } = cli(repo, cache);
    repo.commit('break', { 'data/facts/campaign.yaml': `facts:\n${ACCOUNTS}  - id: [broken\n` });
    for (let i = 0; i < 2; i++) {
      const res = diff(['HEAD~1', 'HEAD']);
      expect(res.code).toBe(1);
      expect(res.stderr).toMatch(/HEAD:data\/facts\/campaign\.yaml:\d+:\d+/);
    }
    expect(records()).toEqual([]);
  });

  it('keeps no record of a diff touching more than 5,000 items, and prints it the same', () => {
    // The comment makes the file one the splitter leaves whole (an anchor, to its eye): parsed at once, not item by item.
    const facts = (status: string) =>
      `# &whole\nfacts:\n${Array.from({ length: 2501 }, (_, i) => `  - id: bulk.${i}\n    statement: Fact ${i}.\n    status: ${status}\n    sensitivity: public\n    sources:\n      - source: src.a\n`).join('')}`;
    const repo = testRepo({ ...BASE, 'data/facts/bulk.yaml': facts('reported') });
    repo.commit('confirm all', { 'data/facts/bulk.yaml': facts('confirmed') });
    const cache = testdir({});
    const { diff, records } = cli(repo, cache);
    const first = diff(['HEAD~1', 'HEAD'], ['--format', 'json']);
    expect(JSON.parse(first.stdout).changed).toHaveLength(2501);
    expect(records()).toEqual([]);
    expect(diff(['HEAD~1', 'HEAD'], ['--format', 'json'])).toEqual(first);
  });

  it('keeps no record for an audience or the working tree', () => {
    const repo = project();
    repo.write({
      'templates/audiences/public.md':
        '---\ntitle: Public\naudience: Press office\ngenre: talking-points\nsensitivity: public\n---\n{{title}}\n',
    });
    const cache = testdir({});
    const { diff, records } = cli(repo, cache);
    expect(diff(['HEAD~1', 'HEAD'], ['--audience', 'public']).code).toBe(0);
    expect(diff(['HEAD~1']).code).toBe(0);
    expect(records()).toEqual([]);
  });
});
