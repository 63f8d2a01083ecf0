// The self-contained HTML page around a rendered Markdown body: inline CSS, a content
// security policy that forbids every external request and script, handling banners.
// The HTML packet is this page; the PDF is this page printed.
import { escapeHtml } from '../escape.js';
import type { Audience } from '../template-files/audiences.js';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

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
