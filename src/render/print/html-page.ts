// The self-contained HTML page around a rendered Markdown body: inline CSS, a content
// security policy that forbids every external request and script, handling banners.
// The HTML packet is this page; the PDF is this page printed.
import { escapeHtml } from '../escape.js';
import type { Audience } from '../template-files/audiences.js';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

const CONTENTS = /<nav class="contents">[\s\S]*?<\/nav>/;
const ENTRY = /<a href="#([\w-]+)">([\s\S]*?)<\/a>/g;

/**
 * Gives each contents entry a page-number slot holding `slot(id)`: the page number, or the
 * placeholder the PDF's one print writes the number over; empty in HTML (no pages there).
 * `slot` returns digits only, so it needs no escaping.
 */
export function fillContents(body: string, slot: (id: string) => string = () => ''): string {
  return body.replace(CONTENTS, (nav) =>
    nav.replace(
      ENTRY,
      (_, id: string, inner: string) =>
        `<a href="#${id}"><span class="toc-title">${inner}</span><span class="toc-dots"></span><span class="toc-page">${slot(id)}</span></a>`,
    ),
  );
}

/** The heading ids of the contents entries that get a page-number slot, in order. */
export function contentsEntries(body: string): string[] {
  const nav = CONTENTS.exec(body)?.[0] ?? '';
  return [...nav.matchAll(ENTRY)].map((m) => m[1] ?? '');
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
