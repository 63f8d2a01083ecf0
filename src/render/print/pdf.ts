// One packet's HTML → PDF: US Letter or A4, handling banner top and bottom, running
// title, "Page X of Y", build stamp, bookmarks from headings, and a contents list with
// page numbers. Page numbers come from a first pass: Chromium writes a named
// destination for every linked heading id, so we read heading → page from the PDF and
// print again with the numbers filled in. Dates and producer are then fixed
// (pdf-bytes.ts) so the same inputs give the same bytes.
import type { PDFOptions } from 'puppeteer';
import { UserError } from '../../errors.js';
import type { BuildStamp } from '../../facts/stamp.js';
import { escapeHtml } from '../escape.js';
import type { Audience } from '../template-files/audiences.js';
import type { BrowserSession } from './browser.js';
import { destinationPages, normalise, type PdfResult } from './pdf-bytes.js';

const FONT = "font-family: 'Liberation Sans', 'Noto Sans', 'DejaVu Sans', Arial, sans-serif";

/** Lines about time in the page margins: the hearing (header) and "Facts as of" (footer). */
export interface RunningLines {
  hearing?: string;
  factsAsOf?: string;
}

function headerTemplate(a: Audience, running: RunningLines): string {
  const f = a.front;
  const right = [f.audience, running.hearing].filter(Boolean).join(' · ');
  return `<div style="${FONT}; font-size: 7.5pt; width: 100%; margin: 0 0.75in; color: #222; -webkit-print-color-adjust: exact;">
<div style="text-align: center; font-weight: bold; letter-spacing: 0.08em; text-transform: uppercase;">${escapeHtml(f.banner)}</div>
<div style="display: flex; justify-content: space-between; margin-top: 4pt; padding-bottom: 2pt; border-bottom: 0.5pt solid #777; color: #444;">
<span>${escapeHtml(f.title)}</span><span>${escapeHtml(right)}</span></div>
</div>`;
}

function footerTemplate(a: Audience, stamp: BuildStamp, running: RunningLines): string {
  const left = [stamp.text, running.factsAsOf].filter(Boolean).join(' · ');
  return `<div style="${FONT}; font-size: 7.5pt; width: 100%; margin: 0 0.75in; color: #222; -webkit-print-color-adjust: exact;">
<div style="display: flex; justify-content: space-between; padding-top: 2pt; border-top: 0.5pt solid #777; color: #444;">
<span>${escapeHtml(left)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>
<div style="text-align: center; font-weight: bold; letter-spacing: 0.08em; text-transform: uppercase; margin-top: 4pt;">${escapeHtml(a.front.banner)}</div>
</div>`;
}

export function pdfOptions(a: Audience, stamp: BuildStamp, running: RunningLines = {}): PDFOptions {
  return {
    format: a.front.pageSize === 'A4' ? 'a4' : 'letter',
    margin: { top: '0.9in', bottom: '0.85in', left: '0.75in', right: '0.75in' },
    displayHeaderFooter: true,
    headerTemplate: headerTemplate(a, running),
    footerTemplate: footerTemplate(a, stamp, running),
    printBackground: true,
    outline: true,
    tagged: true,
    preferCSSPageSize: false,
  };
}

export interface PdfJob {
  audience: Audience;
  stamp: BuildStamp;
  running?: RunningLines;
  /** The page's HTML, with contents page numbers when given. */
  html: (pages?: ReadonlyMap<string, number>) => string;
  hasContents: boolean;
  /** Heading texts, to repair bookmark titles. */
  headings: readonly string[];
}

export async function renderPdf(session: BrowserSession, job: PdfJob): Promise<PdfResult> {
  const options = pdfOptions(job.audience, job.stamp, job.running);
  const print = async (html: string, opts: PDFOptions = options) => {
    try {
      return await session.print(html, opts);
    } catch (e) {
      if (e instanceof UserError) throw e;
      const what = session.alive ? 'failed' : 'quit (crashed or was killed)';
      throw new UserError(`the browser ${what} while printing ${job.audience.name}: ${(e as Error).message.split('\n')[0]}`, {
        hint: 'try again; if it keeps failing, try another browser with --browser PATH',
        cause: e,
      });
    }
  };
  const bytes = job.hasContents ? await withPageNumbers(job, options, print) : await print(job.html());
  const result = await normalise(bytes, job.audience, job.stamp, job.headings);
  const limit = job.audience.front.pageLimit;
  if (limit !== undefined && result.pages > limit) {
    const where = job.audience.keyPositions.pageLimit ?? { line: 1, column: 1 };
    throw UserError.at(
      { file: job.audience.file, ...where },
      `${job.audience.name}.pdf has ${result.pages} pages, over its limit of ${limit}; the PDF was not written`,
      'shorten the body (fewer facts, questions or sections), or raise `pageLimit`; the .md and .html show the content',
    );
  }
  return result;
}

/**
 * Prints a packet whose contents list shows page numbers. The first pass only finds the
 * page of each heading, so it leaves out the running header and footer (they sit in the
 * fixed margins: same layout), tags and bookmarks, and prints in half the time.
 */
async function withPageNumbers(
  job: PdfJob,
  options: PDFOptions,
  print: (html: string, opts?: PDFOptions) => Promise<Uint8Array>,
): Promise<Uint8Array> {
  let pages = await destinationPages(await print(job.html(), { ...options, displayHeaderFooter: false, tagged: false, outline: false }));
  let bytes = await print(job.html(pages));
  // Filling in numbers cannot move headings (the slots have a fixed width), but check.
  for (let pass = 0; pass < 2; pass++) {
    const again = await destinationPages(bytes);
    if (sameMap(again, pages)) break;
    pages = again;
    bytes = await print(job.html(pages));
  }
  return bytes;
}

function sameMap(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}
