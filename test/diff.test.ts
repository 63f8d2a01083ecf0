// `briefbook diff` end to end: real commits in a temporary repository, the built CLI.
import { describe, expect, it } from 'vitest';
import { run } from './helpers/cli.js';
import { ACCOUNTS, BASE, DATES, gitEnv, noChanges, SOURCES, testRepo } from './helpers/git-repo.js';
import { testdir } from './helpers/testdir.js';

const CAMPAIGN = 'data/facts/campaign.yaml';
const edit = (from: string, to: string) => ({ [CAMPAIGN]: `facts:\n${ACCOUNTS.replace(from, to)}${DATES}` });

describe('briefbook diff: what counts as a change', () => {
  it('reports a changed figure at its field path', () => {
    const repo = testRepo(BASE);
    repo.commit('revise', edit('number: 25000', 'number: 24000'));
    const r = repo.diffJson('HEAD~1', 'HEAD');
    expect(r).toMatchObject({ from: 'HEAD~1', to: 'HEAD', added: [], removed: [], renamed: [] });
    expect(r.fromCommit).toMatch(/^[0-9a-f]{40}$/);
    expect(r.changed).toEqual([{ kind: 'facts', id: 'campaign.accounts', fields: [{ path: 'value.number', from: 25000, to: 24000 }] }]);
  });

  it('reports a status change before the other fields of the item', () => {
    const repo = testRepo(BASE);
    repo.commit('confirm', {
      [CAMPAIGN]: `facts:\n${ACCOUNTS.replace('status: alleged', 'status: confirmed').replace('about 25,000', 'nearly 25,000')}${DATES}`,
    });
    const r = repo.diffJson('HEAD~1', 'HEAD');
    expect(r.changed).toEqual([
      {
        kind: 'facts',
        id: 'campaign.accounts',
        fields: [
          { path: 'status', from: 'alleged', to: 'confirmed' },
          { path: 'statement', from: 'Operators used about 25,000 accounts.', to: 'Operators used nearly 25,000 accounts.' },
        ],
      },
    ]);
  });

  it('lists items whose sensitivity changed first', () => {
    const repo = testRepo(BASE);
    repo.commit('restrict', {
      [CAMPAIGN]: `facts:\n${ACCOUNTS.replace('number: 25000', 'number: 1')}${DATES.replace('sensitivity: public', 'sensitivity: internal')}`,
    });
    const r = repo.diffJson('HEAD~1', 'HEAD');
    expect(r.changed.map((c) => c.id)).toEqual(['campaign.dates', 'campaign.accounts']);
    expect(r.changed[0]?.fields).toEqual([{ path: 'sensitivity', from: 'public', to: 'internal' }]);
  });

  it('reports a variant added, keyed by its id', () => {
    const repo = testRepo(BASE);
    repo.commit(
      'variant',
      edit(
        '    tags: [campaign, figures]\n',
        '    tags: [campaign, figures]\n    variants:\n      - id: nearly\n        statement: Nearly 25,000 accounts, one report says.\n        sources:\n          - source: src.b\n',
      ),
    );
    const r = repo.diffJson('HEAD~1', 'HEAD');
    expect(r.changed).toEqual([
      {
        kind: 'facts',
        id: 'campaign.accounts',
        fields: [
          {
            path: 'variants[nearly]',
            from: null,
            to: { id: 'nearly', statement: 'Nearly 25,000 accounts, one report says.', sources: [{ source: 'src.b' }] },
          },
        ],
      },
    ]);
  });

  it('reports a source removed from a fact by its source id, and a changed quote by path', () => {
    const repo = testRepo(BASE);
    repo.commit('drop source', edit('        quote: largest campaign\n      - source: src.b\n', '        quote: the largest campaign\n'));
    const r = repo.diffJson('HEAD~1', 'HEAD');
    expect(r.changed).toEqual([
      {
        kind: 'facts',
        id: 'campaign.accounts',
        fields: [
          { path: 'sources[src.a].quote', from: 'largest campaign', to: 'the largest campaign' },
          { path: 'sources[src.b]', from: { source: 'src.b' }, to: null },
        ],
      },
    ]);
  });

  it('reports tags added and removed as a set', () => {
    const repo = testRepo(BASE);
    repo.commit('tags', edit('tags: [campaign, figures]', 'tags: [key, campaign]'));
    const r = repo.diffJson('HEAD~1', 'HEAD');
    expect(r.changed[0]?.fields).toEqual([
      { path: 'tags', from: ['campaign', 'figures'], to: ['campaign', 'key'], added: ['key'], removed: ['figures'] },
    ]);
  });

  it('sees no change when a fact moves to another file', () => {
    const repo = testRepo(BASE);
    repo.commit('move', { [CAMPAIGN]: `facts:\n${ACCOUNTS}`, 'data/facts/dates.yaml': `facts:\n${DATES}` });
    expect(repo.diffJson('HEAD~1', 'HEAD')).toMatchObject(noChanges);
  });

  it('sees no change when items, citations and tags are reordered and the YAML reformatted', () => {
    const repo = testRepo(BASE);
    const reformatted = `# reordered and reformatted
facts:
- id: "campaign.dates"
  sources: [{source: src.a}]
  sensitivity: public
  status: reported
  statement: >-
    The campaign ran from late April
    to early June 2026.
- status: alleged
  id: campaign.accounts
  sources:
  - source: src.b
  - quote: 'largest campaign'
    source: src.a
  tags:
  - figures
  - campaign
  statement: Operators used about 25,000 accounts.
  value: {unit: accounts, qualifier: about, number: 25000}
  sensitivity: public
`;
    repo.commit('reorder', {
      [CAMPAIGN]: reformatted,
      'data/sources.yaml': 'sources:\n  - {id: src.b, title: Report B}\n  - title: Report A\n    id: src.a\n',
    });
    expect(repo.diffJson('HEAD~1', 'HEAD')).toMatchObject(noChanges);
  });

  it('reports an identical item under a new id as renamed, or as removed and added with --no-renames', () => {
    const repo = testRepo(BASE);
    repo.commit('rename', { [CAMPAIGN]: `facts:\n${ACCOUNTS}${DATES.replace('campaign.dates', 'campaign.period')}` });
    const r = repo.diffJson('HEAD~1', 'HEAD');
    expect(r).toMatchObject({ ...noChanges, renamed: [{ kind: 'facts', from: 'campaign.dates', to: 'campaign.period' }] });
    const plain = repo.diffJson('HEAD~1', 'HEAD', '--no-renames');
    expect(plain.renamed).toEqual([]);
    expect(plain.removed.map((e) => e.id)).toEqual(['campaign.dates']);
    expect(plain.added.map((e) => e.id)).toEqual(['campaign.period']);
  });

  it('reports items added and removed with their content', () => {
    const repo = testRepo(BASE);
    repo.commit('add and remove', {
      [CAMPAIGN]: `facts:\n${ACCOUNTS}`,
      'data/sources.yaml': `${SOURCES}  - id: src.c\n    title: Report C\n`,
    });
    const r = repo.diffJson('HEAD~1', 'HEAD');
    expect(r.added).toEqual([
      { kind: 'sources', id: 'src.c', item: { id: 'src.c', title: 'Report C', via: [], kind: 'news', sensitivity: 'public' } },
    ]);
    expect(r.removed).toEqual([
      {
        kind: 'facts',
        id: 'campaign.dates',
        item: expect.objectContaining({ id: 'campaign.dates', status: 'reported', sources: [{ source: 'src.a' }] }),
      },
    ]);
    expect(r.changed).toEqual([]);
  });

  it('filters by --kind and --tag', () => {
    const repo = testRepo(BASE);
    repo.commit('both', {
      [CAMPAIGN]: `facts:\n${ACCOUNTS.replace('number: 25000', 'number: 1')}${DATES.replace('reported', 'confirmed')}`,
      'data/sources.yaml': SOURCES.replace('Report B', 'Report B, updated'),
    });
    expect(repo.diffJson('HEAD~1', 'HEAD', '--kind', 'sources').changed.map((c) => c.id)).toEqual(['src.b']);
    expect(repo.diffJson('HEAD~1', 'HEAD', '--kind', 'fact').changed.map((c) => c.id)).toEqual(['campaign.dates', 'campaign.accounts']);
    expect(repo.diffJson('HEAD~1', 'HEAD', '--tag', 'figures').changed.map((c) => c.id)).toEqual(['campaign.accounts']);
    const bad = repo.briefbook(['diff', '--kind', 'factz']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown kind "factz"');
  });
});

describe('briefbook diff: which sides', () => {
  it('compares HEAD with the working tree by default, untracked files included', () => {
    const repo = testRepo(BASE);
    repo.write({ 'data/facts/new.yaml': `facts:\n${DATES.replace('campaign.dates', 'campaign.new')}` });
    const r = repo.diffJson();
    expect(r).toMatchObject({ from: 'HEAD', to: 'working tree', toCommit: null, changed: [], removed: [] });
    expect(r.added.map((e) => e.id)).toEqual(['campaign.new']);
  });

  it('compares one revision with the working tree, from any subfolder', () => {
    const repo = testRepo(BASE);
    repo.commit('second', edit('number: 25000', 'number: 24000'));
    repo.write(edit('number: 25000', 'number: 23000'));
    const res = repo.briefbook(['diff', 'HEAD~1', '--format', 'json'], `${repo.root}/data/facts`);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout).changed[0].fields).toEqual([{ path: 'value.number', from: 25000, to: 23000 }]);
  });

  it('compares two folders without git', () => {
    const repo = testRepo(BASE);
    repo.write({ 'old/facts.yaml': `facts:\n${ACCOUNTS}`, 'new/facts.yaml': `facts:\n${ACCOUNTS.replace('alleged', 'confirmed')}` });
    const r = repo.diffJson('old', 'new');
    expect(r).toMatchObject({ from: 'old', to: 'new', fromCommit: null });
    expect(r.changed[0]?.fields).toEqual([{ path: 'status', from: 'alleged', to: 'confirmed' }]);
  });

  it('works in a shallow clone for revisions it has, and says why an older one is missing', () => {
    const repo = testRepo(BASE);
    repo.commit('two', edit('number: 25000', 'number: 24000'));
    repo.commit('three', edit('number: 25000', 'number: 23000'));
    const clone = `${testdir({})}/clone`;
    repo.git('clone', '-q', '--depth', '2', `file://${repo.root}`, clone);
    const inClone = (args: string[]) => run(args, { cwd: clone, env: repo.env });
    const ok = inClone(['diff', 'HEAD~1', 'HEAD', '--format', 'json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).changed[0].fields).toEqual([{ path: 'value.number', from: 24000, to: 23000 }]);
    const missing = inClone(['diff', 'HEAD~2']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('unknown revision "HEAD~2"');
    expect(missing.stderr).toContain('shallow clone');
  });
});

describe('briefbook diff --audience', () => {
  const PRESS = `---
title: Press points
audience: Press office
genre: talking-points
sensitivity: public
banner: PUBLIC DRAFT
---
{{title}}
`;
  const SECRET = 'Staff believe the accounts were bought in bulk.';
  const facts = (accounts: string, dates: string, secret: string) => `facts:\n${accounts}${dates}${secret}`;
  const secretFact = (statement: string) => `  - id: campaign.secret
    statement: ${statement}
    status: alleged
    sensitivity: internal
    sources:
      - source: src.a
`;

  it('never shows an internal fact, and shows a fact made internal as removed', () => {
    const repo = testRepo({
      ...BASE,
      'templates/audiences/press-points.md': PRESS,
      [CAMPAIGN]: facts(ACCOUNTS, DATES, secretFact('Staff think the accounts were cheap.')),
      'data/questions.yaml': `questions:
  - id: q.dates
    question: When did it run?
    answer: From late April to early June.
    facts: [campaign.dates]
`,
    });
    repo.commit('sensitive edits', {
      [CAMPAIGN]: facts(
        ACCOUNTS.replace('number: 25000', 'number: 24000').replace(
          '    status: alleged\n',
          '    status: alleged\n    note: Check with staff before quoting.\n',
        ),
        DATES.replace('sensitivity: public', 'sensitivity: internal'),
        secretFact(SECRET),
      ),
    });
    for (const format of ['json', 'text', 'md']) {
      const res = repo.briefbook(['diff', 'HEAD~1', 'HEAD', '--audience', 'press-points', '--format', format]);
      expect(res.code).toBe(0);
      expect(res.stdout).not.toContain('bought in bulk');
      expect(res.stdout).not.toContain('cheap');
      expect(res.stdout).not.toContain('campaign.secret');
      expect(res.stdout).not.toContain('Check with staff');
    }
    const r = repo.diffJson('HEAD~1', 'HEAD', '--audience', 'press-points');
    expect(r.changed).toEqual([{ kind: 'facts', id: 'campaign.accounts', fields: [{ path: 'value.number', from: 25000, to: 24000 }] }]);
    // The fact went internal, and the question resting on it went with it.
    expect(r.removed.map((e) => e.id)).toEqual(['campaign.dates', 'q.dates']);
    expect(r.added).toEqual([]);
    // Without an audience, everything shows.
    const all = repo.diffJson('HEAD~1', 'HEAD');
    expect(JSON.stringify(all)).toContain(SECRET);
  });

  it('names an unknown audience', () => {
    const repo = testRepo({ ...BASE, 'templates/audiences/press-points.md': PRESS });
    const res = repo.briefbook(['diff', '--audience', 'press']);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('unknown audience "press"');
    expect(res.stderr).toContain('press-points');
  });
});

describe('briefbook diff: bad input', () => {
  it('names an unknown revision and how to find one', () => {
    const repo = testRepo(BASE);
    const res = repo.briefbook(['diff', 'no-such-branch']);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('unknown revision "no-such-branch"');
    expect(res.stderr).toContain('git log --oneline');
  });

  it('says when the project is not in a git repository', () => {
    const outside = testdir({ 'briefbook.yaml': '', 'data/sources.yaml': SOURCES });
    const res = run(['diff'], { cwd: outside, env: gitEnv() });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('is not in a git repository');
    expect(res.stderr).toContain('briefbook diff OLD_DIR NEW_DIR');
  });

  it('locates a fact file that does not parse at a revision as REV:path:line:col', () => {
    const repo = testRepo(BASE);
    repo.commit('break', { [CAMPAIGN]: `facts:\n${ACCOUNTS.replace('    status: alleged', '    status: [alleged')}` });
    repo.commit('fix', BASE);
    const res = repo.briefbook(['diff', 'HEAD~1', 'HEAD']);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('at HEAD~1 does not parse');
    expect(res.stderr).toMatch(/HEAD~1:data\/facts\/campaign\.yaml:\d+:\d+: error:/);
  });

  it('locates a schema error in the working tree', () => {
    const repo = testRepo(BASE);
    repo.write(edit('status: alleged', 'status: rumoured'));
    const res = repo.briefbook(['diff']);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/data\/facts\/campaign\.yaml:8:\d+: error: .*(rumoured|alleged)/);
  });

  it('refuses a duplicate id instead of guessing which one changed', () => {
    const repo = testRepo(BASE);
    repo.write({ 'data/facts/copy.yaml': `facts:\n${DATES.replace('reported', 'confirmed')}` });
    const res = repo.briefbook(['diff']);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('duplicate fact id "campaign.dates"');
  });
});

describe('briefbook diff --exit-code and formats', () => {
  it('exits 1 on differences with --exit-code, 0 without them or without the flag', () => {
    const repo = testRepo(BASE);
    expect(repo.briefbook(['diff', '--exit-code']).code).toBe(0);
    repo.write(edit('alleged', 'confirmed'));
    expect(repo.briefbook(['diff']).code).toBe(0);
    expect(repo.briefbook(['diff', '--exit-code']).code).toBe(1);
  });

  it('prints a reviewer’s change list as text and Markdown, without colour under NO_COLOR', () => {
    const repo = testRepo(BASE);
    repo.write({
      [CAMPAIGN]: `facts:\n${ACCOUNTS.replace('alleged', 'confirmed').replace('number: 25000', 'number: 24000').replace('[campaign, figures]', '[campaign, key]')}`,
    });
    const text = repo.briefbook(['diff']);
    expect(text.stdout).toBe(
      [
        'HEAD → working tree: 1 changed, 1 removed',
        '~ fact campaign.accounts',
        '    status: alleged → confirmed',
        '    value.number: 25000 → 24000',
        '    tags: +key -figures',
        '- fact campaign.dates [reported, public]',
        '    The campaign ran from late April to early June 2026.',
        '',
      ].join('\n'),
    );
    const md = repo.briefbook(['diff', '--format', 'md']);
    expect(md.stdout).toBe(
      [
        '<!-- briefbook diff -->',
        '## Fact base changes: `HEAD` → `working tree`',
        '',
        '**1 changed, 1 removed.** 1 status change.',
        '',
        '### Status and sensitivity',
        '',
        '| Item | Field | Before | After |',
        '| :-- | :-- | :-- | :-- |',
        '| fact `campaign.accounts` | status | alleged | **confirmed** |',
        '',
        '### Changed (1)',
        '',
        '<details>',
        '<summary>fact <code>campaign.accounts</code>: <code>status</code>, <code>value.number</code>, <code>tags</code></summary>',
        '',
        '- **status**: alleged → confirmed',
        '- `value.number`: 25000 → 24000',
        '- `tags`: added key; removed figures',
        '',
        '</details>',
        '',
        '### Removed (1)',
        '',
        '<details>',
        '<summary>fact <code>campaign.dates</code> (reported, public)</summary>',
        '',
        'The campaign ran from late April to early June 2026.',
        '',
        '</details>',
        '',
      ].join('\n'),
    );
    expect(text.stdout).not.toContain('\x1b[');
    const forced = run(['diff'], { cwd: repo.root, env: { ...repo.env, NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain('\x1b[');
  });
});
