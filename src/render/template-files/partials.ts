// Shared template pieces: templates/partials/<name>.hbs, used as {{> name}}. Found through
// the cascade (render/cascade.ts): the project's own partials, then briefbook's built-ins.
import type { Project } from '../../project.js';
import { listTemplates, readTemplate } from './cascade.js';

export interface Partial {
  name: string;
  /** Path shown to users: relative to the project root, or absolute for a built-in. */
  file: string;
  source: string;
}

export async function loadPartials(project: Project): Promise<Partial[]> {
  const files = await listTemplates(project, 'partials', '.hbs');
  return Promise.all(files.map(async (t) => ({ name: t.name, file: t.file, source: await readTemplate(t) })));
}
