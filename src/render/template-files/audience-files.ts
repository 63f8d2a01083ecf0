// The audience files themselves: where they are, their names, their text. Apart from
// parsing them (audiences.ts: front matter, its schema, the banner): a `validate` whose
// checks come from the cache reads every audience's text for its key and parses none.
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { UserError } from '../../errors.js';
import type { Project } from '../../project.js';
import { fence } from '../../util/safe-read.js';
import { readTemplate } from './cascade.js';

export const audiencesDir = (project: Project) => join(project.templatesDir, 'audiences');

const shown = (project: Project, abs: string) => relative(project.root, abs).split(sep).join('/');

export async function audienceNames(project: Project): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(audiencesDir(project));
  } catch {
    throw new UserError(`no audiences: cannot read ${shown(project, audiencesDir(project))}`, {
      hint: 'audience templates live in templates/audiences/<name>.md; start one with `briefbook new audience NAME`',
    });
  }
  return entries
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.slice(0, -3))
    .sort();
}

/** The audience file's text, unparsed, and the path it is shown by. */
export async function readAudience(project: Project, name: string): Promise<{ file: string; text: string }> {
  const abs = join(audiencesDir(project), `${name}.md`);
  const file = shown(project, abs);
  return { file, text: await readTemplate({ path: abs, file, root: fence(project.root, project.templatesDir) }) };
}
