// Shared template pieces: templates/partials/<name>.hbs, used as {{> name}}.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Project } from '../project.js';

export interface Partial {
  name: string;
  /** Path shown to users, relative to the project root. */
  file: string;
  source: string;
}

export async function loadPartials(project: Project): Promise<Partial[]> {
  const dir = join(project.templatesDir, 'partials');
  let names: string[];
  try {
    names = (await readdir(dir)).filter((f) => f.endsWith('.hbs')).sort();
  } catch {
    return [];
  }
  return Promise.all(
    names.map(async (f) => ({
      name: f.slice(0, -4),
      file: relative(project.root, join(dir, f)).split(sep).join('/'),
      source: await readFile(join(dir, f), 'utf8'),
    })),
  );
}
