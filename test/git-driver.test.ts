// The git diff driver end to end: `briefbook git-setup` in a temporary repository, then
// plain `git diff` and `git log -p` through it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './helpers/cli.js';
import { ACCOUNTS, BASE, DATES, gitEnv, testRepo } from './helpers/git-repo.js';
import { testdir } from './helpers/testdir.js';

const CAMPAIGN = 'data/facts/campaign.yaml';

describe('briefbook git-setup', () => {
  it('adds the .gitattributes lines once and configures the driver in the repository', () => {
    const repo = testRepo({ ...BASE, '.gitattributes': '*.pdf binary' });
    const first = repo.briefbook(['git-setup']);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('data/**/*.yaml diff=briefbook');
    const second = repo.briefbook(['git-setup']);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('already set up');
    expect(readFileSync(join(repo.root, '.gitattributes'), 'utf8')).toBe(
      '*.pdf binary\ndata/**/*.yaml diff=briefbook\ndata/**/*.yml diff=briefbook\n',
    );
    expect(repo.git('config', '--local', 'diff.briefbook.textconv')).toMatch(/briefbook\.js'? textconv\n$/);
    expect(repo.git('config', '--local', 'diff.briefbook.cachetextconv')).toBe('false\n');
    expect(readFileSync(repo.env.GIT_CONFIG_GLOBAL as string, 'utf8')).toBe('');
  });

  it('writes the driver config to the global git config with --global', () => {
    const repo = testRepo(BASE);
    expect(repo.briefbook(['git-setup', '--global']).code).toBe(0);
    expect(readFileSync(repo.env.GIT_CONFIG_GLOBAL as string, 'utf8')).toContain('[diff "briefbook"]');
    expect(() => repo.git('config', '--local', 'diff.briefbook.textconv')).toThrow();
  });

  it('says when the project is not in a git repository', () => {
    const dir = testdir(BASE as Record<string, string>);
    const res = run(['git-setup'], { cwd: dir, env: gitEnv() });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('not in a git repository');
  });
});

describe('git diff through the briefbook driver', () => {
  it('shows fact-level changes, item by item, with the item in the hunk header', () => {
    const repo = testRepo(BASE);
    repo.briefbook(['git-setup']);
    repo.commit('setup');
    // Reorder the items, change one figure and add a quote: only those show.
    const dates = DATES.replace('      - source: src.a\n', '      - source: src.a\n        quote: early June\n');
    repo.commit('revise', { [CAMPAIGN]: `facts:\n${dates}${ACCOUNTS.replace('number: 25000', 'number: 24000')}` });
    const out = repo.git('diff', 'HEAD~1', 'HEAD', '--', 'data');
    const changed = out.split('\n').filter((l) => /^[-+][^-+]/.test(l));
    expect(changed).toEqual(['-    number: 25000', '+    number: 24000', '+    quote: early June']);
    // Hunk headers name the item a change is in.
    expect(out).toMatch(/^@@ .* @@ fact campaign\.dates$/m);
    const log = repo.git('log', '-p', '-1', '--format=%s', '--', 'data');
    expect(log).toContain('+    number: 24000');
  });

  it('falls back to the file as it is for a version that does not parse', () => {
    const repo = testRepo(BASE);
    repo.briefbook(['git-setup']);
    repo.commit('setup');
    repo.commit('break', { [CAMPAIGN]: 'facts:\n  - id: [broken\n' });
    const out = repo.git('diff', 'HEAD~1', 'HEAD', '--', 'data');
    expect(out).toContain('+# briefbook textconv: cannot read this version as a fact file (line ');
    expect(out).toContain('+  - id: [broken');
    expect(out).toContain('-fact campaign.accounts');
  });

  it('prints the same canonical text for any order and layout of the same items', () => {
    const dir = testdir({
      'a.yaml': `facts:\n${ACCOUNTS}${DATES}`,
      'b.yaml': `# another layout\nfacts:\n${DATES}${ACCOUNTS.replace('[campaign, figures]', '[figures, campaign]')}`,
    });
    const a = run(['textconv', join(dir, 'a.yaml')]);
    const b = run(['textconv', join(dir, 'b.yaml')]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toBe(
      [
        'fact campaign.accounts',
        '  statement: Operators used about 25,000 accounts.',
        '  value:',
        '    number: 25000',
        '    unit: accounts',
        '    qualifier: about',
        '  status: alleged',
        '  sensitivity: public',
        '  tags: campaign, figures',
        '  sources[src.a]',
        '    quote: largest campaign',
        '  sources[src.b]',
        '',
        'fact campaign.dates',
        '  statement: The campaign ran from late April to early June 2026.',
        '  status: reported',
        '  sensitivity: public',
        '  sources[src.a]',
        '',
      ].join('\n'),
    );
  });
});
