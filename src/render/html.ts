// The self-contained HTML page around a rendered Markdown body: inline CSS, a content
// security policy that forbids every external request and script, handling banners.
import { readFile } from 'node:fs/promises';
import { UserError } from '../errors.js';
import type { Project } from '../project.js';
import type { Audience } from './audiences.js';
import { findTemplate } from './cascade.js';
import { escapeHtml } from './escape.js';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

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

/**
 * Gives each contents entry a page-number slot. `pages` (heading id → page) comes from a
 * first PDF pass; without it the slots stay empty (HTML has no pages).
 */
export function fillContents(body: string, pages?: ReadonlyMap<string, number>): string {
  return body.replace(/<nav class="contents">[\s\S]*?<\/nav>/, (nav) =>
    nav.replace(/<a href="#([\w-]+)">([\s\S]*?)<\/a>/g, (_, id: string, inner: string) => {
      const page = pages?.get(id);
      return `<a href="#${id}"><span class="toc-title">${inner}</span><span class="toc-dots"></span><span class="toc-page">${page ?? ''}</span></a>`;
    }),
  );
}

export interface PageInput {
  audience: Audience;
  body: string;
  css: string;
}

export function htmlPage({ audience, body, css }: PageInput): string {
  const f = audience.front;
  const banner = escapeHtml(f.banner);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="briefbook">
<title>${escapeHtml(f.title)}</title>
<style>
${css.trim()}
</style>
</head>
<body class="genre-${f.genre} size-${f.pageSize.toLowerCase()}">
<div class="banner banner-top">${banner}</div>
<main>
${body.trim()}
</main>
<div class="banner banner-bottom">${banner}</div>
</body>
</html>
`;
}
