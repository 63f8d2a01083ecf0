// The build stamp: the fact base's last commit, whether the data has changed since, and
// the date used for date lines and PDF metadata.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA } from '../../test/fixtures/render.js';
import { testdir } from '../../test/helpers/testdir.js';
import { openProject } from '../project.js';
import { buildStamp } from './stamp.js';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com',
      GIT_AUTHOR_DATE: '2026-06-20T12:00:00Z',
      GIT_COMMITTER_DATE: '2026-06-20T12:00:00Z',
    },
  }).trim();

describe('buildStamp', () => {
  it('names the last commit of the data folder, and says when the data has changed since', async () => {
    const root = testdir(DATA);
    git(root, 'init', '-q');
    git(root, 'add', '.');
    git(root, 'commit', '-qm', 'data');
    const hash = git(root, 'log', '-1', '--format=%h');
    const env = { ...process.env, SOURCE_DATE_EPOCH: undefined };
    const clean = await buildStamp(openProject(root), env);
    expect(clean).toMatchObject({ commit: hash, date: '2026-06-20', epoch: 1781956800, dirty: false, git: true });
    expect(clean.text).toBe(`Fact base ${hash} of 2026-06-20`);

    writeFileSync(join(root, 'data/facts.yaml'), `${DATA['data/facts.yaml']}\n`);
    expect((await buildStamp(openProject(root), env)).text).toBe(`Fact base ${hash} of 2026-06-20, with uncommitted changes`);
    expect((await buildStamp(openProject(root), { ...env, SOURCE_DATE_EPOCH: '1782432000' })).date).toBe('2026-06-26');
  });

  it('says when the repository has no commit of the fact base yet', async () => {
    const root = testdir(DATA);
    git(root, 'init', '-q');
    const stamp = await buildStamp(openProject(root), { ...process.env, SOURCE_DATE_EPOCH: '1782432000' });
    expect(stamp).toMatchObject({
      git: true,
      dirty: true,
      commit: undefined,
      text: 'Fact base not yet committed (files as of 2026-06-26)',
    });
  });

  it('says when the fact base is not under git', async () => {
    const root = testdir(DATA);
    const stamp = await buildStamp(openProject(root), { ...process.env, SOURCE_DATE_EPOCH: '1782432000' });
    expect(stamp).toMatchObject({ git: false, commit: undefined, text: 'Fact base not under git (files as of 2026-06-26)' });
  });
});
