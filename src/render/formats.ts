// Kept apart from commands/build.ts so the CLI can name the formats without loading the renderer.
// The list itself lives with the project config, which may name the defaults (`formats:`).
import { FORMATS, type Project } from '../project.js';

export { FORMATS };
export type Format = (typeof FORMATS)[number];

/**
 * What `build` and `watch` write when neither --format nor the config says: the Markdown to
 * edit, the HTML to preview, the PDF that goes out. Word output is asked for (`-f docx`, or
 * `formats:` in briefbook.yaml): it is a draft to route, not the final form, and leaving it
 * out keeps a plain build's outputs and time as they were.
 */
export const DEFAULT_FORMATS: readonly Format[] = ['md', 'html', 'pdf'];

/** The formats asked for (-f), else the project's `formats`, else the defaults. */
export function formatsFor(project: Project, asked?: readonly Format[]): readonly Format[] {
  if (asked && asked.length > 0) return [...new Set(asked)];
  return project.config.formats ? [...new Set(project.config.formats)] : DEFAULT_FORMATS;
}
