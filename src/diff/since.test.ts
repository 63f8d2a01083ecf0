// The library seam `build --since REV` renders: changes since a revision, per audience.
import { describe, expect, it } from 'vitest';
import { ACCOUNTS, BASE, DATES, testRepo } from '../../test/helpers/git-repo.js';
import { openProject } from '../project.js';
import { changesSince, readSince } from './since.js';

describe('changesSince', () => {
  it('lists the changes since a revision, including uncommitted ones, filtered by sensitivity', async () => {
    const repo = testRepo(BASE);
    repo.commit('restrict dates', {
      'data/facts/campaign.yaml': `facts:\n${ACCOUNTS}${DATES.replace('sensitivity: public', 'sensitivity: internal')}`,
    });
    repo.write({
      'data/facts/campaign.yaml': `facts:\n${ACCOUNTS.replace('alleged', 'confirmed')}${DATES.replace('sensitivity: public', 'sensitivity: internal')}`,
    });
    const project = openProject(repo.root);
    const press = await changesSince(project, 'HEAD~1', 'public');
    expect(press).toMatchObject({ from: 'HEAD~1', to: 'working tree', added: [], renamed: [] });
    expect(press.removed.map((e) => e.id)).toEqual(['campaign.dates']);
    expect(press.changed).toEqual([
      { kind: 'facts', id: 'campaign.accounts', fields: [{ path: 'status', from: 'alleged', to: 'confirmed' }] },
    ]);

    const since = await readSince(project, 'HEAD~1');
    const staff = since.forLevel('internal');
    expect(staff.removed).toEqual([]);
    expect(staff.changed.map((c) => c.id)).toEqual(['campaign.accounts', 'campaign.dates']);
    expect(since.forLevel('public')).toEqual(press);
  });

  it('refuses a path where a revision is needed', async () => {
    const repo = testRepo(BASE);
    await expect(changesSince(openProject(repo.root), 'data', 'public')).rejects.toThrow('--since needs a git revision');
  });
});
