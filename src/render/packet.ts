// One audience's packet, rendered in memory: template → Markdown → HTML body, with its
// stylesheets, checked by the leak guard. Every output format is made from this one
// value: the .md is `markdown`, the .html is `packetHtml()`, the PDF prints `pdfJob()`.
import type { FactBase } from '../facts/factbase.js';
import type { Sensitivity } from '../facts/kinds.js';
import { type PacketTime, packetTime } from '../facts/packet-time.js';
import type { BuildStamp } from '../facts/stamp.js';
import type { Project } from '../project.js';
import { checkNoLeak } from './leak-guard.js';
import { headingsOf, markdownToHtml } from './markdown/to-html.js';
import { fillContents, htmlPage } from './print/html-page.js';
import type { PdfJob, RunningLines } from './print/pdf.js';
import type { ChangesView } from './template/changes-view.js';
import { renderMarkdown } from './template/render-markdown.js';
import { timeView } from './template/time-view.js';
import type { Audience } from './template-files/audiences.js';
import type { Partial } from './template-files/partials.js';
import { loadStyles } from './template-files/styles.js';

/** What every packet of one build shares. */
export interface PacketContext {
  project: Project;
  /** The whole validated fact base (or watch's tracked view of it); each packet selects what its audience may see. */
  factBase: FactBase;
  partials: readonly Partial[];
  stamp: BuildStamp;
  /** The "Changes since" section for an audience's level (`build --since`). */
  changes?: (max: Sensitivity) => ChangesView;
  /** See RenderInput.properNouns. */
  properNouns?: () => ReadonlySet<string>;
  /** `build --as-of`: the "Facts as of" date, over `asOf` in briefbook.yaml and the stamp's date. */
  asOf?: string;
}

export interface Packet {
  audience: Audience;
  markdown: string;
  /** The HTML body, without the page around it. */
  body: string;
  css: string;
  stamp: BuildStamp;
  /** The hearing and "Facts as of" lines for the PDF's margins (none: margins without them). */
  running?: RunningLines;
}

export async function renderPacket(audience: Audience, ctx: PacketContext): Promise<Packet> {
  const time: PacketTime = packetTime(ctx.project.config, ctx.stamp.date, ctx.asOf, audience.front.sensitivity);
  const { markdown } = renderMarkdown({
    audience,
    factBase: ctx.factBase,
    partials: ctx.partials,
    stamp: ctx.stamp,
    changes: ctx.changes?.(audience.front.sensitivity),
    properNouns: ctx.properNouns,
    time,
  });
  const body = markdownToHtml(markdown);
  const css = await loadStyles(ctx.project, audience);
  checkNoLeak(audience, ctx.factBase, { markdown, html: body });
  const view = timeView(time);
  return { audience, markdown, body, css, stamp: ctx.stamp, running: { hearing: view.hearing?.running, factsAsOf: view.factsAsOf } };
}

/** The packet as a self-contained HTML page; with `pages`, the contents list shows page numbers. */
export function packetHtml(p: Packet, pages?: ReadonlyMap<string, number>): string {
  return htmlPage({ audience: p.audience, body: fillContents(p.body, pages), css: p.css });
}

/** What the print stage needs to make the packet's PDF. */
export function pdfJob(p: Packet): PdfJob {
  return {
    audience: p.audience,
    stamp: p.stamp,
    running: p.running,
    hasContents: p.body.includes('<nav class="contents">'),
    headings: headingsOf(p.markdown).map((h) => h.plain),
    html: (pages) => packetHtml(p, pages),
  };
}
