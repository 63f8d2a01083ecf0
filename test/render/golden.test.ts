// Golden Markdown for every shipped audience, built from the real fact base in data/.
// A change to a template, a helper or a fact shows up here as a diff to review.
// Refresh after an intended change: UPDATE_GOLDEN=1 npx vitest run test/render/golden.test.ts
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/commands/build.js';
import { openProject } from '../../src/project.js';
import { REPO } from '../helpers/cli.js';
import { STAMP } from './fixture.js';

const GOLDEN = join(REPO, 'test/render/golden');
const NAMES = readdirSync(join(REPO, 'templates/audiences'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => f.slice(0, -3));
const update = process.env.UPDATE_GOLDEN === '1';
const out = mkdtempSync(join(tmpdir(), 'briefbook-golden-'));

beforeAll(async () => {
  await build({ project: openProject(REPO), formats: ['md'], outDir: out, stamp: STAMP });
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('golden Markdown of the shipped audiences', () => {
  it('ships the five audiences of the issue', () => {
    expect(NAMES).toEqual(expect.arrayContaining(['briefing-book', 'executive-brief', 'member-memo', 'press-points', 'witness-prep']));
  });

  it.each(NAMES)('%s.md matches test/render/golden/%s.md', (name) => {
    const actual = readFileSync(join(out, `${name}.md`), 'utf8');
    const file = join(GOLDEN, `${name}.md`);
    if (update || !existsSync(file)) {
      writeFileSync(file, actual);
      if (!update) throw new Error(`no golden file for ${name}; wrote one, review it and commit it`);
    }
    expect(actual).toBe(readFileSync(file, 'utf8'));
  });
});
