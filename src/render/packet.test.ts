// Golden Markdown for every shipped audience, rendered from the real fact base in data/.
// A change to a template, a helper or a fact shows up here as a diff to review.
// Refresh after an intended change: UPDATE_GOLDEN=1 npx vitest run src/render/packet.test.ts
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { STAMP } from '../../test/fixtures/render.js';
import { REPO } from '../../test/helpers/cli.js';
import { loadValid } from '../facts/load.js';
import { openProject } from '../project.js';
import { type Packet, renderPacket } from './packet.js';
import { loadAudiences } from './template-files/audiences.js';
import { loadPartials } from './template-files/partials.js';

const GOLDEN = join(REPO, 'test/fixtures/golden');
const NAMES = readdirSync(join(REPO, 'templates/audiences'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => f.slice(0, -3));
const update = process.env.UPDATE_GOLDEN === '1';
const packets = new Map<string, Packet>();

beforeAll(async () => {
  const project = openProject(REPO);
  const ctx = { project, factBase: await loadValid(project), partials: await loadPartials(project), stamp: STAMP };
  for (const audience of await loadAudiences(project)) packets.set(audience.name, await renderPacket(audience, ctx));
});

describe('golden Markdown of the shipped audiences', () => {
  it('ships the five audiences of the issue', () => {
    expect(NAMES).toEqual(expect.arrayContaining(['briefing-book', 'executive-brief', 'member-memo', 'press-points', 'witness-prep']));
  });

  it.each(NAMES)('%s.md matches test/fixtures/golden/%s.md', (name) => {
    const actual = packets.get(name)?.markdown ?? '';
    const file = join(GOLDEN, `${name}.md`);
    if (update || !existsSync(file)) {
      writeFileSync(file, actual);
      if (!update) throw new Error(`no golden file for ${name}; wrote one, review it and commit it`);
    }
    expect(actual).toBe(readFileSync(file, 'utf8'));
  });
});
