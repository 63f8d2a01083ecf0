// Content both sides share is never parsed unless an answer needs it: a duplicate id whose
// other definition sits in a file no one touched is found (looked up in the file's bytes
// for a few ids, through an index of its text for many), a mere mention of an edited id is
// not taken for one, and moves, renames, deletions and new files give what they gave.
import { describe, expect, it } from 'vitest';
import { ACCOUNTS, BASE, DATES, noChanges, testRepo } from './helpers/git-repo.js';

const QUESTIONS =
  'questions:\n  - id: q.1\n    question: How many accounts?\n    answer: About 25,000.\n    facts: [campaign.accounts, campaign.dates]\n';
const many = (n: number, status = 'reported') =>
  `facts:\n${Array.from({ length: n }, (_, i) => `  - id: more.${i}\n    statement: Fact ${i}.\n    status: ${status}\n    sensitivity: public\n    sources:\n      - source: src.a\n`).join('')}`;

function project() {
  return testRepo({ ...BASE, 'data/questions.yaml': QUESTIONS, 'data/facts/more.yaml': many(12) });
}

describe('briefbook diff: content both sides share', () => {
  it('refuses an id an edit defines again when the first definition is in a file unchanged between two revisions', () => {
    const repo = project();
    repo.commit('copy', { 'data/facts/copy.yaml': `facts:\n${DATES.replace('reported', 'confirmed')}` });
    const res = repo.briefbook(['diff', 'HEAD~1', 'HEAD']);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('duplicate fact id "campaign.dates"');
  });

  it('finds the duplicate among many edited ids too, where unchanged files are indexed whole', () => {
    const repo = project();
    repo.commit('edit many, copy one', {
      'data/facts/more.yaml': many(12, 'confirmed'),
      'data/facts/copy.yaml': `facts:\n${ACCOUNTS.replace('alleged', 'confirmed')}`,
    });
    const res = repo.briefbook(['diff', 'HEAD~1', 'HEAD']);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('duplicate fact id "campaign.accounts"');
  });

  it('takes no mention of an edited id in an unchanged file for a definition', () => {
    const repo = project();
    repo.commit('confirm', { 'data/facts/campaign.yaml': `facts:\n${ACCOUNTS.replace('alleged', 'confirmed')}${DATES}` });
    for (const args of [['HEAD~1', 'HEAD'], ['HEAD~1']]) {
      const d = repo.diffJson(...args);
      expect(d.changed.map((c) => [c.id, c.fields.map((f) => f.path)])).toEqual([['campaign.accounts', ['status']]]);
      expect([d.added, d.removed, d.renamed]).toEqual([[], [], []]);
    }
  });

  it('sees no change in a fact moved to another file, or a file renamed, between revisions and in the working tree', () => {
    const repo = project();
    repo.commit('move and rename', {
      'data/facts/campaign.yaml': `facts:\n${ACCOUNTS}`,
      'data/facts/dates.yaml': `facts:\n${DATES}`,
      'data/facts/more.yaml': null,
      'data/facts/renamed.yaml': many(12),
    });
    expect(repo.diffJson('HEAD~1', 'HEAD')).toMatchObject(noChanges);
    repo.write({ 'data/facts/dates.yaml': null, 'data/facts/renamed.yaml': `${many(12)}${DATES}` });
    expect(repo.diffJson('HEAD~1')).toMatchObject(noChanges);
  });

  it('reports the items of a file deleted, and of a file on one side only, as removed and added', () => {
    const repo = project();
    repo.commit('delete and add', {
      'data/questions.yaml': null,
      'data/facts/new.yaml': `facts:\n${DATES.replace('campaign.dates', 'campaign.new')}`,
    });
    const d = repo.diffJson('HEAD~1', 'HEAD');
    expect(d.removed.map((r) => r.id)).toEqual(['q.1']);
    expect(d.added.map((a) => a.id)).toEqual(['campaign.new']);
    expect(d.changed).toEqual([]);
    const back = repo.diffJson('HEAD', 'HEAD~1');
    expect([back.added.map((a) => a.id), back.removed.map((r) => r.id)]).toEqual([['q.1'], ['campaign.new']]);
  });
});
