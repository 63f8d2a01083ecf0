// The repository's generated who's-who is exactly what the importer makes from the
// snapshot, and the letter's recipients link to it with the right titles.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE } from '../../test/fixtures/legislators.js';
import { REPO } from '../../test/helpers/cli.js';
import { testdir } from '../../test/helpers/testdir.js';
import { loadFactBase } from '../facts/load.js';
import { openProject } from '../project.js';
import { importLegislators } from './import.js';

const COMMITTED = 'data/generated/legislators-ssbk.yaml';

describe('data/generated/legislators-ssbk.yaml', () => {
  it('is byte-identical to a fresh import of the snapshot', async () => {
    const root = testdir({ 'data/.keep.txt': '' });
    await importLegislators({ project: openProject(root), committees: ['SSBK'], from: FIXTURE, cwd: root });
    // If this fails after an importer change, re-run:
    // briefbook import legislators --committee SSBK --from ../shared/datasets/congress-legislators
    expect(readFileSync(join(root, COMMITTED), 'utf8')).toBe(readFileSync(join(REPO, COMMITTED), 'utf8'));
  });

  it('the recipients link to their records: Tim Scott chairs SSBK, Elizabeth Warren is its ranking member', async () => {
    const { factBase, report } = await loadFactBase(REPO, join(REPO, 'data'));
    expect(report.errors).toEqual([]);
    const seat = (handWritten: string) => {
      const record = factBase.entities.get(factBase.entities.get(handWritten)?.record ?? '');
      return { name: record?.name, ...record?.memberships.find((m) => m.committee === 'cl.committee.ssbk') };
    };
    expect(seat('person.tim-scott')).toEqual({
      name: 'Tim Scott',
      committee: 'cl.committee.ssbk',
      title: 'Chairman',
      side: 'majority',
      rank: 1,
    });
    expect(seat('person.elizabeth-warren')).toEqual({
      name: 'Elizabeth Warren',
      committee: 'cl.committee.ssbk',
      title: 'Ranking Member',
      side: 'minority',
      rank: 1,
    });
    expect(factBase.entities.get('committee.ssbk')?.record).toBe('cl.committee.ssbk');
  });
});
