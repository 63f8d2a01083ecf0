// What tracked changes may show per audience level, from a real git history.
import { describe, expect, it } from 'vitest';
import { ACCOUNTS, BASE, DATES, testRepo } from '../../../test/helpers/git-repo.js';
import { readSince } from '../../diff/since.js';
import { loadValid } from '../../facts/load.js';
import { openProject } from '../../project.js';
import { revisionsFor } from './revisions.js';

const GONE = `  - id: campaign.gone
    statement: A claim the next commit withdraws.
    status: alleged
    sensitivity: public
    sources:
      - source: src.b
`;
const NEW = `  - id: campaign.new
    statement: A fact first recorded after the packet went out.
    status: reported
    sensitivity: public
    sources:
      - source: src.a
`;

describe('revisionsFor', () => {
  it('gives each level the earlier fact of what changed, null for what is new, and what is gone', async () => {
    const repo = testRepo({ ...BASE, 'data/facts/campaign.yaml': `facts:\n${ACCOUNTS}${DATES}${GONE}` });
    repo.write({
      'data/facts/campaign.yaml': `facts:\n${ACCOUNTS.replace('about 25,000', 'nearly 26,000')}${DATES.replace(
        'sensitivity: public',
        'sensitivity: internal',
      )}${NEW}`,
    });
    const project = openProject(repo.root);
    const revisions = revisionsFor(await readSince(project, 'HEAD'), await loadValid(project));

    const press = revisions('public');
    expect(press.before('campaign.accounts')?.statement).toBe('Operators used about 25,000 accounts.');
    expect(press.before('campaign.new')).toBeNull();
    expect(press.before('campaign.dates')).toBeUndefined();
    // Made internal since: the press packet is not told it existed.
    expect([...press.removed.keys()]).toEqual(['campaign.gone']);

    const staff = revisions('internal');
    // Only its sensitivity changed: the same text, nothing for the writer to mark.
    expect(staff.before('campaign.dates')?.statement).toBe('The campaign ran from late April to early June 2026.');
    expect(revisions('public')).toBe(press);
  });

  it('withholds earlier text that lives on in a fact now hidden from the level', async () => {
    const repo = testRepo(BASE);
    const secret = `  - id: campaign.secret\n    statement: Operators used about 25,000 accounts.\n    status: alleged\n    sensitivity: internal\n    sources:\n      - source: src.a\n`;
    repo.write({ 'data/facts/campaign.yaml': `facts:\n${ACCOUNTS.replace('about 25,000', 'tens of thousands of')}${DATES}${secret}` });
    const project = openProject(repo.root);
    const revisions = revisionsFor(await readSince(project, 'HEAD'), await loadValid(project));
    expect(revisions('public').before('campaign.accounts')).toBeUndefined();
    expect(revisions('public').removed.size).toBe(0);
    expect(revisions('internal').before('campaign.accounts')?.statement).toBe('Operators used about 25,000 accounts.');
  });
});
