// An audience's stylesheets (front matter `styles`), found through the cascade.
import { readFile } from 'node:fs/promises';
import { UserError } from '../../errors.js';
import type { Project } from '../../project.js';
import type { Audience } from './audiences.js';
import { findTemplate } from './cascade.js';

/** The audience's `styles`, each from the project's templates/styles/ or else briefbook's built-ins. */
export async function loadStyles(project: Project, audience: Audience): Promise<string> {
  const parts = await Promise.all(
    audience.front.styles.map(async (name) => {
      const found = await findTemplate(project, 'styles', name);
      try {
        if (!found) throw new Error(`${name}: not found`);
        return await readFile(found.path, 'utf8');
      } catch (e) {
        const where = audience.keyPositions.styles ?? { line: 1, column: 1 };
        throw UserError.at(
          { file: audience.file, ...where },
          `stylesheet "${name}" not found in templates/styles/ (nor among briefbook's built-in styles)`,
          'fix the name in `styles:`, or add the file',
          e,
        );
      }
    }),
  );
  return parts.join('\n');
}
