// An audience's stylesheets (front matter `styles`), found through the cascade. They are
// inlined in a <style> element of the HTML page, so a stylesheet that could end that element
// (`</style>`) and go on as markup is refused, and so is one that would fetch anything
// (`@import`, `url()` other than data:): the page loads nothing from outside, and saying so
// at the line beats a font or image that silently never appears.
import { UserError } from '../../errors.js';
import type { Project } from '../../project.js';
import type { Audience } from './audiences.js';
import { findTemplate, readTemplate, type TemplateFile } from './cascade.js';

/** The audience's `styles`, each from the project's templates/styles/ or else briefbook's built-ins. */
export async function loadStyles(project: Project, audience: Audience): Promise<string> {
  const parts = await Promise.all(
    audience.front.styles.map(async (name) => {
      const found = await findTemplate(project, 'styles', name);
      if (!found) {
        const where = audience.keyPositions.styles ?? { line: 1, column: 1 };
        throw UserError.at(
          { file: audience.file, ...where },
          `stylesheet "${name}" not found in templates/styles/ (nor among briefbook's built-in styles)`,
          'fix the name in `styles:`, or add the file',
        );
      }
      return checkStylesheet(found, await readTemplate(found));
    }),
  );
  return parts.join('\n');
}

const UNSAFE: { pattern: RegExp; what: string; hint: string }[] = [
  {
    pattern: /<\//,
    what: '"</" would end the <style> element it is inlined in',
    hint: 'a stylesheet holds only CSS; write "\\3c /" inside a CSS string if you need the characters',
  },
  { pattern: /<!--/, what: '"<!--" is markup, not CSS', hint: 'use /* … */ for comments' },
  {
    pattern: /@import\b/i,
    what: '@import would fetch another stylesheet, and packets load nothing from outside',
    hint: 'name every stylesheet in the front matter `styles:` list instead',
  },
  {
    pattern: /\burl\(\s*(?!['"]?data:)/i,
    what: 'url() other than a data: URL would fetch a file, and packets load nothing from outside',
    hint: 'embed the image or font as a data: URL, or leave it out',
  },
];

/** The stylesheet's text, or a located error at the first thing in it that is not plain, self-contained CSS. */
export function checkStylesheet(t: Pick<TemplateFile, 'file'>, css: string): string {
  for (const { pattern, what, hint } of UNSAFE) {
    const m = pattern.exec(css);
    if (!m) continue;
    const before = css.slice(0, m.index);
    const line = before.split('\n').length;
    throw UserError.at({ file: t.file, line, column: m.index - before.lastIndexOf('\n') }, `stylesheet: ${what}`, hint);
  }
  return css;
}
