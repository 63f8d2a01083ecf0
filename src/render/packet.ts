// One audience's packet, rendered in memory: template → Markdown → HTML body, with its
// stylesheets, checked by the leak guard. Every output format is made from this one
// value: the .md is `markdown`, the .html is `packetHtml()`, the PDF prints `pdfJob()`.
import type { Diagnostic } from '../errors.js';
import type { FactBase } from '../facts/factbase.js';
import type { Sensitivity } from '../facts/kinds.js';
import { type PacketTime, packetTime } from '../facts/packet-time.js';
import type { BuildStamp } from '../facts/stamp.js';
import type { Project } from '../project.js';
import type { LeakIndex } from './leak-guard.js';
import { contentsEntries, fillContents, htmlPage } from './print/html-page.js';
import type { PdfJob, RunningLines } from './print/pdf.js';
import type { ChangesView } from './template/changes-view.js';
import { type Revisions, type Tracked, trackedText } from './template/marks.js';
import { timeView } from './template/time-view.js';
import type { Audience } from './template-files/audiences.js';
import { checkBannerCovers } from './template-files/banner.js';
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
  /** What changed since REV for an audience's level, to mark as tracked changes (`build --since REV -f docx`). */
  revisions?: (max: Sensitivity) => Revisions;
  /**
   * The leak guard's index of text withheld from a level; by default built from `factBase`
   * (once per level). `watch` passes its own, built without recording a read of every text.
   */
  leakIndex?: (max: Sensitivity) => LeakIndex;
  /** `build --as-of`: the "Facts as of" date, over `asOf` in briefbook.yaml and the stamp's date. */
  asOf?: string;
  /**
   * False when no HTML page is made from the packets (a Markdown or Word build): the render
   * then skips the HTML body, the stylesheets and the guard's reading of them, a good part of
   * a big build. The guard still reads everything that is written.
   */
  html?: boolean;
  /**
   * False when the render's warnings are not wanted (a build never shows them): the check
   * for a section that renders empty, which reads the whole section (a copy of most of a big
   * packet), is then skipped. Errors are the same either way.
   */
  warnings?: boolean;
}

export interface Packet {
  audience: Audience;
  markdown: string;
  /** The HTML body, without the page around it ('' when rendered without HTML). */
  body: string;
  css: string;
  /** Each heading's text as shown, in document order, from the HTML's render (none without HTML): the PDF's bookmark titles. */
  headings: readonly string[];
  /** Rendered with `html: false`: no page can be made from it. */
  withoutHtml?: true;
  stamp: BuildStamp;
  /** With `revisions`: the Markdown with revision marks (template/marks.ts); only the Word writer reads it. */
  tracked?: Tracked;
  /** The hearing and "Facts as of" lines for the PDF's margins (none: margins without them). */
  running?: RunningLines;
  /** Problems that did not stop the render (template/state.ts `warn`): `validate` reports them. */
  warnings?: Diagnostic[];
}

/**
 * The render's own code (the template engine and its helpers, marked, the leak guard), loaded
 * with the first packet rendered: a build whose packets all come from its cache runs none of
 * it, and initialising marked's expressions alone took ~7 ms of its CPU.
 */
const renderCode = () =>
  Promise.all([
    import('./template/render-markdown.js'),
    import('./markdown/to-html.js'),
    import('./leak-guard.js'),
    import('./template/timeline-svg.js'),
  ]);

export async function renderPacket(audience: Audience, ctx: PacketContext): Promise<Packet> {
  const [{ renderMarkdown }, { markdownToHtml }, { checkNoLeak, leakIndexFor }, { placeFigures }] = await renderCode();
  const time: PacketTime = packetTime(ctx.project.config, ctx.stamp.date, ctx.asOf, audience.front.sensitivity);
  const { markdown, tracked, held, warnings, figures } = renderMarkdown({
    audience,
    factBase: ctx.factBase,
    partials: ctx.partials,
    stamp: ctx.stamp,
    changes: ctx.changes?.(audience.front.sensitivity),
    properNouns: ctx.properNouns,
    revisions: ctx.revisions?.(audience.front.sensitivity),
    time,
    locale: ctx.project.config.locale,
    warnings: ctx.warnings,
  });
  checkBannerCovers(audience, held);
  const html = ctx.html !== false;
  const headings: string[] = [];
  const body = html ? placeFigures(markdownToHtml(markdown, headings), figures) : '';
  const css = html ? await loadStyles(ctx.project, audience) : '';
  const max = audience.front.sensitivity;
  const index = ctx.leakIndex?.(max) ?? leakIndexFor(ctx.factBase, max);
  const front = Object.values(audience.front).filter((v): v is string => typeof v === 'string');
  // Tracked changes also show earlier wordings and removed facts: the guard reads those too.
  const page = html ? htmlPage({ audience, body, css }) : '';
  checkNoLeak(audience, index, { markdown: tracked ? trackedText(tracked) : markdown, html: page, front });
  const view = timeView(time);
  const running = { hearing: view.hearing?.running, factsAsOf: view.factsAsOf };
  const extra = { ...(tracked ? { tracked } : {}), ...(html ? {} : { withoutHtml: true as const }) };
  return { audience, markdown, body, css, headings, stamp: ctx.stamp, running, warnings, ...extra };
}

/** The packet as a self-contained HTML page; the contents list's page-number slots hold `slot(id)`. */
export function packetHtml(p: Packet, slot?: (id: string) => string): string {
  withHtml(p);
  return htmlPage({ audience: p.audience, body: fillContents(p.body, slot), css: p.css });
}

/** What the print stage needs to make the packet's PDF. */
export function pdfJob(p: Packet): PdfJob {
  withHtml(p);
  return {
    audience: p.audience,
    stamp: p.stamp,
    running: p.running,
    contents: contentsEntries(p.body),
    headings: p.headings,
    html: (slot) => packetHtml(p, slot),
  };
}

function withHtml(p: Packet): void {
  if (p.withoutHtml) throw new Error(`bug: ${p.audience.name} was rendered without HTML`);
}
