// `briefbook diff` arguments as a user expects them: `-` is a fact file on standard input
// (before: `unknown revision ""`), and after `--` every argument is a file or folder, never
// a revision (before: silently ignored).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './helpers/cli.js';
import { ACCOUNTS, BASE, DATES, testRepo } from './helpers/git-repo.js';

const FILE = 'data/facts/campaign.yaml';

describe('diff -', () => {
  it('compares a fact file piped in with a file, a revision or the working tree', () => {
    const repo = testRepo(BASE);
    const before = repo.git('show', `HEAD:${FILE}`);
    repo.write({ [FILE]: before.replace('status: alleged', 'status: confirmed') });
    const r = run(['diff', '-', FILE], { cwd: repo.root, env: repo.env, input: before });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`standard input → ${FILE}: 1 changed\n~ fact campaign.accounts\n    status: alleged → confirmed\n`);

    const json = run(['diff', 'HEAD', '-', '--format', 'json'], { cwd: repo.root, env: repo.env, input: `facts:\n${ACCOUNTS}` });
    const result = JSON.parse(json.stdout) as { from: string; to: string; removed: { id: string }[]; changed: unknown[] };
    expect([result.from, result.to, result.removed.map((r) => r.id), result.changed]).toEqual([
      'HEAD',
      'standard input',
      ['campaign.dates', 'src.a', 'src.b'],
      [],
    ]);
  });

  it('refuses empty input, two `-`, and input over the size limit', () => {
    const repo = testRepo(BASE);
    const empty = run(['diff', '-', FILE], { cwd: repo.root, env: repo.env, input: '' });
    expect([empty.code, empty.stderr]).toEqual([1, expect.stringContaining('error: standard input is empty')]);
    const twice = run(['diff', '-', '-'], { cwd: repo.root, env: repo.env, input: 'facts: []\n' });
    expect([twice.code, twice.stderr]).toEqual([2, expect.stringContaining('only one side can be `-` (standard input)')]);
    const big = run(['diff', '-', FILE], { cwd: repo.root, env: repo.env, input: `# ${'x'.repeat(9 * 1024 * 1024)}\n` });
    expect(big.code).toBe(1);
    // Reading stops just past the limit: the size said is what was read by then.
    expect(big.stderr).toMatch(/^-:1:1: error: file is (8\.\d MB|\d+ bytes), over the 8\.0 MB limit for one fact file/m);
  });
});

describe('diff -- PATH…', () => {
  it('takes what follows `--` as paths, even where a revision has the same name', () => {
    const repo = testRepo(BASE);
    // A file named like the branch: alone it is ambiguous, after `--` it is the file.
    writeFileSync(join(repo.root, 'main'), `facts:\n${ACCOUNTS}${DATES}`.replace('status: reported', 'status: confirmed'));
    const ambiguous = run(['diff', 'main', FILE], { cwd: repo.root, env: repo.env });
    expect([ambiguous.code, ambiguous.stderr]).toEqual([1, expect.stringContaining('"main" is both a git revision and a file')]);
    const r = run(['diff', '--', FILE, 'main'], { cwd: repo.root, env: repo.env });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${FILE} → main: 1 changed\n~ fact campaign.dates\n    status: reported → confirmed\n`);
    // One side before `--`, one after.
    expect(run(['diff', 'HEAD', '--', 'main'], { cwd: repo.root, env: repo.env }).stdout).toMatch(/^HEAD → main: 1 changed/);
  });

  it('says so when a path after `--` does not exist, and refuses a third side', () => {
    const repo = testRepo(BASE);
    const missing = run(['diff', '--', 'HEAD'], { cwd: repo.root, env: repo.env });
    expect([missing.code, missing.stderr]).toEqual([1, expect.stringContaining('error: no file or folder "HEAD"')]);
    expect(missing.stderr).toContain('after `--` every argument is a file or folder (not a revision)');
    const three = run(['diff', 'HEAD', FILE, '--', FILE], { cwd: repo.root, env: repo.env });
    expect([three.code, three.stderr]).toEqual([2, expect.stringContaining(`diff compares two sides, not 3: HEAD, ${FILE}, ${FILE}`)]);
  });
});
