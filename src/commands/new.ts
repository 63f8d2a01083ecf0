// `briefbook new audience NAME [--from AUDIENCE]`: a copy of an audience file (the
// project's own, else a built-in) to customise, with its front matter explained.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import matter from 'gray-matter';
import { UserError } from '../errors.js';
import type { Project } from '../project.js';
import { parseAudience } from '../render/template-files/audiences.js';
import { builtinLayer, findTemplate, listTemplates, readTemplate, templateLayers } from '../render/template-files/cascade.js';
import { explainFrontMatter } from '../render/template-files/explain-front-matter.js';
import { nearest } from '../util/closest.js';

export interface NewAudienceOptions {
  project: Project;
  name: string;
  /**
   * Audience to copy: the project's, else a built-in one; `builtin:NAME` always the one
   * shipped with briefbook (after `init`, the project has its own of the same name). Default member-memo.
   */
  from?: string;
}

export interface NewAudienceResult {
  /** Absolute path of the new file. */
  path: string;
  /** Path shown to users, relative to the project root. */
  file: string;
  /** The file it was copied from, as shown to users. */
  from: string;
  /** Copied from briefbook's built-in audiences (written for another fact base: its fact ids need replacing). */
  builtin: boolean;
}

export const AUDIENCE_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** `--from builtin:NAME`: the audience shipped with briefbook, never the project's own. */
export const BUILTIN = 'builtin:';

export async function newAudience({ project, name, from = 'member-memo' }: NewAudienceOptions): Promise<NewAudienceResult> {
  if (!AUDIENCE_NAME.test(name)) {
    throw new UserError(`"${name}" is not a usable audience name`, {
      hint: 'use lower-case words joined by "-", e.g. committee-website; the name becomes the file name and the output names',
    });
  }
  const path = join(project.templatesDir, 'audiences', `${name}.md`);
  const file = relative(project.root, path).split(sep).join('/');
  const builtinOnly = from.startsWith(BUILTIN);
  const wanted = builtinOnly ? from.slice(BUILTIN.length) : from;
  const layers = builtinOnly ? [builtinLayer()] : templateLayers(project);
  const source = await findTemplate(project, 'audiences', `${wanted}.md`, layers);
  if (!source) {
    const known = (await listTemplates(project, 'audiences', '.md', layers)).map((t) => t.name);
    const builtins = (await listTemplates(project, 'audiences', '.md', [builtinLayer()])).map((t) => `${BUILTIN}${t.name}`);
    const near = nearest(wanted, known);
    throw new UserError(`no audience "${from}" to copy`, {
      hint: `${near.length ? `did you mean "${builtinOnly ? BUILTIN : ''}${near[0]}"? ` : ''}audiences to copy from: ${[...(builtinOnly ? [] : known), ...builtins].join(', ') || '(none)'}`,
    });
  }
  const text = await readTemplate(source);
  // Refuses a broken original with its own located errors, before anything is written.
  parseAudience(wanted, source.file, text);
  const { matter: yamlText, content } = matter(text, { engines: { yaml: () => ({}) } as never });
  const result = `---\n${explainFrontMatter(yamlText.replace(/^\r?\n/, ''))}---\n${content.replace(/^\r?\n/, '')}`;
  parseAudience(name, file, result);

  await mkdir(dirname(path), { recursive: true });
  try {
    await writeFile(path, result, { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    throw new UserError(`${file} already exists`, {
      hint: 'pick another name, or edit that file; briefbook never overwrites an audience',
      cause: e,
    });
  }
  return { path, file, from: source.file, builtin: source.builtin };
}
