// The template cascade's layers: the project's templates/, then briefbook's built-ins.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA } from '../../../test/fixtures/render.js';
import { REPO } from '../../../test/helpers/cli.js';
import { testdir } from '../../../test/helpers/testdir.js';
import { openProject } from '../../project.js';
import { listTemplates, templateLayers } from './cascade.js';

describe('templateLayers', () => {
  it('has one layer in briefbook’s own repository, whose templates are the built-ins', async () => {
    const own = openProject(REPO);
    expect(templateLayers(own)).toEqual([{ dir: join(REPO, 'templates'), builtin: false, root: own.root }]);
    const root = testdir({ ...DATA, 'templates/partials/cover.hbs': 'x' });
    const partials = await listTemplates(openProject(root), 'partials', '.hbs');
    expect(partials.find((p) => p.name === 'cover')).toMatchObject({ builtin: false, file: 'templates/partials/cover.hbs' });
    expect(partials.find((p) => p.name === 'colophon')).toMatchObject({
      builtin: true,
      path: join(REPO, 'templates/partials/colophon.hbs'),
    });
  });
});
