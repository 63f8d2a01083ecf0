// The merge driver end to end: `briefbook git-setup --merge` in a temporary repository,
// two branches editing the same fact file, and the real `git merge` calling the driver.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACCOUNTS, BASE, DATES, type TestRepo, testRepo } from './helpers/git-repo.js';

const CAMPAIGN = 'data/facts/campaign.yaml';

/** A repository with the merge driver set up and committed, on main. */
function mergeRepo(files = BASE): TestRepo {
  const repo = testRepo(files);
  const setup = repo.briefbook(['git-setup', '--merge']);
  expect(setup.code, setup.stderr).toBe(0);
  repo.commit('git-setup --merge');
  return repo;
}

/** Commits `theirs` on a branch and `ours` on main, then merges the branch: git's exit code and output. */
function mergeBranches(repo: TestRepo, ours: Record<string, string | null>, theirs: Record<string, string | null>) {
  repo.git('checkout', '-q', '-b', 'theirs');
  repo.commit('theirs', theirs);
  repo.git('checkout', '-q', 'main');
  repo.commit('ours', ours);
  const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', 'merge', '--no-edit', 'theirs'], {
    cwd: repo.root,
    env: { ...process.env, ...repo.env },
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout + r.stderr };
}

const read = (repo: TestRepo, path = CAMPAIGN) => readFileSync(join(repo.root, path), 'utf8');
const campaign = (accounts: string, dates = DATES) => ({ [CAMPAIGN]: `facts:\n${accounts}${dates}` });

/** The campaign file with comments and a hand-made layout the merge must not disturb. */
const COMMENTED = `# yaml-language-server: $schema=../../schema/briefbook.schema.json
# Figures first; keep the hedges the reports use.
facts:
${ACCOUNTS.replace('    status: alleged\n', '    status: alleged      # per the letter\n')}
  # The dates vary by report.
${DATES.replace('    statement:', '    statement:  ')}`;

describe('git merge through the briefbook merge driver', () => {
  it('merges edits to different facts and to different fields of one fact with no conflict, into a valid fact base', () => {
    const repo = mergeRepo({ ...BASE, [CAMPAIGN]: COMMENTED });
    const ours = COMMENTED.replace('status: alleged ', 'status: reported').replace('late April', 'late in April');
    const theirs = COMMENTED.replace('number: 25000', 'number: 24000').replace('[campaign, figures]', '[campaign, figures, key]');
    const m = mergeBranches(repo, { [CAMPAIGN]: ours }, { [CAMPAIGN]: theirs });
    expect(m.code, m.out).toBe(0);
    expect(repo.git('log', '-1', '--format=%P').trim().split(' ')).toHaveLength(2);
    // Byte for byte: ours' text with theirs' two edits, comments and odd spacing untouched.
    expect(read(repo)).toBe(ours.replace('number: 25000', 'number: 24000').replace('[campaign, figures]', '[campaign, figures, key]'));
    expect(repo.briefbook(['validate']).code).toBe(0);
  });

  it('keeps the facts both sides appended to the end of a file, ours first', () => {
    const repo = mergeRepo();
    const add = (id: string, text: string) =>
      `  - id: ${id}\n    statement: ${text}\n    status: reported\n    sensitivity: public\n    sources:\n      - source: src.a\n      - source: src.b\n`;
    const m = mergeBranches(
      repo,
      campaign(ACCOUNTS, DATES + add('campaign.ours', 'Ours.')),
      campaign(ACCOUNTS, DATES + add('campaign.theirs', 'Theirs.')),
    );
    expect(m.code, m.out).toBe(0);
    expect(read(repo)).toBe(`facts:\n${ACCOUNTS}${DATES}${add('campaign.ours', 'Ours.')}${add('campaign.theirs', 'Theirs.')}`);
  });

  it('marks a field both sides changed, only that field, and validate names it at file:line until it is resolved', () => {
    const repo = mergeRepo({ ...BASE, [CAMPAIGN]: COMMENTED });
    const ours = COMMENTED.replace('status: alleged ', 'status: confirmed').replace('number: 25000', 'number: 26000');
    const theirs = COMMENTED.replace('status: alleged ', 'status: disputed ').replace('late April', 'mid-April');
    const m = mergeBranches(repo, { [CAMPAIGN]: ours }, { [CAMPAIGN]: theirs });
    expect(m.code).toBe(1);
    expect(m.out).toContain(`${CAMPAIGN}:10: conflict in fact campaign.accounts field status: ours "confirmed" theirs "disputed"`);
    const merged = read(repo);
    const markers =
      '<<<<<<< ours: fact campaign.accounts field status\n    status: confirmed     # per the letter\n=======\n' +
      '    status: disputed      # per the letter\n>>>>>>> theirs\n';
    expect(merged).toBe(ours.replace('late April', 'mid-April').replace('    status: confirmed     # per the letter\n', markers));
    expect(repo.git('ls-files', '-u', '--', CAMPAIGN)).not.toBe('');

    const v = repo.briefbook(['validate']);
    expect(v.code).toBe(1);
    expect(v.stderr).toContain(`${CAMPAIGN}:10:1: error: unresolved merge conflict in fact campaign.accounts field status (lines 10–14)`);
    expect(v.stderr).toContain('hint: keep one side');
    // The conflict alone: no YAML parse error, and no reference to its facts reported as unknown.
    expect(v.stderr.match(/: error:/g)).toHaveLength(1);
    const gh = repo.briefbook(['validate', '--format', 'github']);
    expect(gh.stdout).toContain(
      `::error file=${CAMPAIGN},line=10,col=1::unresolved merge conflict in fact campaign.accounts field status (lines 10–14)%0Ahint: keep one side`,
    );

    writeFileSync(join(repo.root, CAMPAIGN), merged.replace(/<<<<<<< .*\n.*\n=======\n/, '').replace('>>>>>>> theirs\n', ''));
    expect(repo.briefbook(['validate']).code).toBe(0);
  });

  it('catches a fact both sides added under the same id in one file', () => {
    const repo = mergeRepo();
    const fact = (text: string) => `  - id: campaign.new\n    statement: ${text}\n    status: alleged\n    sensitivity: public\n`;
    const m = mergeBranches(repo, campaign(ACCOUNTS, DATES + fact('Ours.')), campaign(ACCOUNTS, DATES + fact('Theirs.')));
    expect(m.code).toBe(1);
    expect(m.out).toMatch(/campaign\.yaml:\d+: conflict in fact campaign\.new: ours added it theirs added it/);
    expect(read(repo)).toContain(`<<<<<<< ours: fact campaign.new\n${fact('Ours.')}=======\n${fact('Theirs.')}>>>>>>> theirs\n`);
  });

  it('stops the merge commit when the two sides added the same id in different files', () => {
    const repo = mergeRepo();
    const fact = `facts:\n  - id: campaign.new\n    statement: New.\n    status: alleged\n    sensitivity: public\n    sources:\n      - source: src.a\n      - source: src.b\n`;
    const m = mergeBranches(repo, { 'data/facts/ours.yaml': fact }, { 'data/facts/theirs.yaml': fact });
    expect(m.code).toBe(1);
    expect(m.out).toContain(
      'data/facts/theirs.yaml:2:9: error: duplicate fact id "campaign.new", first defined at data/facts/ours.yaml:2:9',
    );
    expect(m.out).toContain('1 new error(s)');
    expect(repo.git('log', '-1', '--format=%s').trim()).toBe('ours');
  });

  it('carries an edit to a fact the other side moved to another file, with `briefbook merge`', () => {
    const repo = mergeRepo();
    const moved = `facts:\n${ACCOUNTS}`;
    const m = mergeBranches(repo, campaign(ACCOUNTS.replace('number: 25000', 'number: 24000')), {
      [CAMPAIGN]: `facts:\n${DATES}`,
      'data/facts/figures.yaml': moved.replace('status: alleged', 'status: reported'),
    });
    expect(m.code).toBe(1);
    expect(m.out).toContain('conflict in fact campaign.accounts: ours changed it theirs removed it (or moved it to another file)');
    const r = repo.briefbook(['merge']);
    expect(r.stderr).toContain(
      "carried: ours' edit to facts campaign.accounts into data/facts/figures.yaml, where theirs moved it from data/facts/campaign.yaml",
    );
    expect(r.code, r.stderr).toBe(0);
    expect(read(repo)).toBe(`facts:\n${DATES}`);
    expect(read(repo, 'data/facts/figures.yaml')).toBe(
      moved.replace('status: alleged', 'status: reported').replace('number: 25000', 'number: 24000'),
    );
    expect(repo.git('ls-files', '-u')).toBe('');
    repo.git('commit', '-q', '--no-edit');
    expect(repo.briefbook(['validate']).code).toBe(0);
  });

  it('carries theirs’ edit into the file ours moved the fact to', () => {
    const repo = mergeRepo();
    const m = mergeBranches(
      repo,
      { [CAMPAIGN]: `facts:\n${DATES}`, 'data/facts/figures.yaml': `facts:\n${ACCOUNTS}` },
      campaign(ACCOUNTS.replace('status: alleged', 'status: confirmed')),
    );
    expect(m.code).toBe(1);
    const r = repo.briefbook(['merge']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("carried: theirs' edit to facts campaign.accounts into data/facts/figures.yaml");
    expect(read(repo)).toBe(`facts:\n${DATES}`);
    expect(read(repo, 'data/facts/figures.yaml')).toBe(`facts:\n${ACCOUNTS.replace('status: alleged', 'status: confirmed')}`);
  });

  it('leaves a file git merged line by line alone, unless told to merge it again with --force', () => {
    // No merge driver here: git's line merge conflicts on two adjacent fields of one fact.
    const repo = testRepo(BASE);
    const m = mergeBranches(
      repo,
      campaign(ACCOUNTS.replace('status: alleged', 'status: reported')),
      campaign(ACCOUNTS.replace('sensitivity: public', 'sensitivity: internal')),
    );
    expect(m.code).toBe(1);
    const before = read(repo);
    expect(before).toContain('<<<<<<< HEAD');
    const left = repo.briefbook(['merge']);
    expect(left.code).toBe(1);
    expect(left.stderr).toContain(`left: ${CAMPAIGN}: it is not as the briefbook merge driver left it`);
    expect(read(repo)).toBe(before);
    const forced = repo.briefbook(['merge', '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(read(repo)).toBe(
      `facts:\n${ACCOUNTS.replace('status: alleged', 'status: reported').replace('sensitivity: public', 'sensitivity: internal')}${DATES}`,
    );
    expect(repo.git('ls-files', '-u')).toBe('');
  });

  it('leaves a version it cannot read fact by fact to git’s line merge, and says why', () => {
    const repo = mergeRepo();
    const m = mergeBranches(repo, campaign(ACCOUNTS.replace('about 25,000', 'about 26,000')), {
      [CAMPAIGN]: `facts:\n${ACCOUNTS.replace('tags: [', 'tags: &tags [')}${DATES}`,
    });
    expect(m.out).toContain(
      `${CAMPAIGN}: merged line by line by git: theirs cannot be merged fact by fact: it uses YAML anchors, aliases or tags`,
    );
  });
});

describe('briefbook git-setup --merge', () => {
  it('adds the merge attribute, the driver config and the hook once, and leaves someone else’s hook alone', () => {
    const repo = mergeRepo();
    expect(read(repo, '.gitattributes')).toContain('data/**/*.yaml merge=briefbook\n');
    expect(repo.git('config', '--local', 'merge.briefbook.driver')).toMatch(/briefbook\.js'? merge-driver %O %A %B %P --marker-size %L\n$/);
    const hook = join(repo.root, '.git/hooks/pre-merge-commit');
    expect(readFileSync(hook, 'utf8')).toMatch(/merge --check\n$/);
    expect(repo.briefbook(['git-setup', '--merge']).stderr).toContain('already set up');
    writeFileSync(hook, '#!/bin/sh\nexit 0\n');
    const again = repo.briefbook(['git-setup', '--merge']);
    expect(again.stderr).toContain("is not briefbook's, so it was left alone; add this line to it:");
    expect(readFileSync(hook, 'utf8')).toBe('#!/bin/sh\nexit 0\n');
  });
});
