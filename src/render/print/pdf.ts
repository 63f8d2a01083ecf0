// One packet's HTML → PDF: US Letter or A4, handling banner top and bottom, running
// title, "Page X of Y", build stamp, bookmarks from headings, and a contents list with
// page numbers. One print: Chromium writes a named destination for every linked heading
// id, so the PDF itself says which page each heading is on, and the numbers are written
// over the contents' placeholders (contents-numbers.ts). Dates, producer and node ids are
// then fixed in place (pdf-bytes.ts) so the same inputs give the same bytes.
import type { PDFOptions } from 'puppeteer';
import { UserError } from '../../errors.js';
import type { BuildStamp } from '../../facts/stamp.js';
import { escapeHtml } from '../escape.js';
import type { Audience } from '../template-files/audiences.js';
import type { BrowserSession } from './browser.js';
import { SLOT_PLACEHOLDER, writeContentsNumbers } from './contents-numbers.js';
import { destinationPages, normalise, type PdfResult } from './pdf-bytes.js';
import { PdfFile, PdfShapeError } from './pdf-file.js';
import { PdfSyntaxError } from './pdf-syntax.js';

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
  /** The page's HTML; each contents entry's page-number slot holds `slot(id)`. */
  html: (slot?: (id: string) => string) => string;
  /** The heading ids the contents list shows page numbers for, in order (none: no contents). */
  contents: readonly string[];
  /** Heading texts, to repair bookmark titles. */
  headings: readonly string[];
}

type Print = (html: string) => Promise<Uint8Array>;

export async function renderPdf(session: BrowserSession, job: PdfJob): Promise<PdfResult> {
  const options = pdfOptions(job.audience, job.stamp, job.running);
  const print: Print = async (html) => {
    try {
      return await session.print(html, options);
    } catch (e) {
      if (e instanceof UserError) throw e;
      const what = session.alive ? 'failed' : 'quit (crashed or was killed)';
      throw new UserError(`the browser ${what} while printing ${job.audience.name}: ${(e as Error).message.split('\n')[0]}`, {
        hint: 'try again; if it keeps failing, try another browser with --browser PATH',
        cause: e,
      });
    }
  };
  const result = await readable(job, async () => {
    const file = job.contents.length > 0 ? await withPageNumbers(job, print) : new PdfFile(await print(job.html()));
    return normalise(file, job.audience, job.stamp, job.headings);
  });
  const limit = job.audience.front.pageLimit;
  if (limit !== undefined && result.pages > limit) {
    const where = job.audience.keyPositions.pageLimit ?? { line: 1, column: 1 };
    throw UserError.at(
      { file: job.audience.file, ...where },
      `${job.audience.name}.pdf has ${result.pages} pages, over its limit of ${limit}; none of its files were written`,
      `shorten the body (fewer facts, questions or sections), or raise \`pageLimit\`; \`build -a ${job.audience.name} -f md\` shows the content`,
    );
  }
  return result;
}

/** A PDF whose structure is not what Chrome writes is the browser's problem, said so. */
async function readable<T>(job: PdfJob, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (!(e instanceof PdfShapeError || e instanceof PdfSyntaxError)) throw e;
    throw new UserError(`the browser wrote a PDF of ${job.audience.name} that briefbook cannot read: ${e.message}`, {
      hint: 'briefbook reads the PDFs Chrome and Chromium write; try another browser with --browser PATH',
      cause: e,
    });
  }
}

/**
 * Prints a packet whose contents list shows page numbers: once, with placeholders that
 * the page numbers are written over. Where that cannot be done (a digit no text in the
 * slot's font uses, a page past 999, a stylesheet that hides the slots), print again with
 * the numbers in the HTML; they sit in fixed-width slots, so they cannot move a heading,
 * but check.
 */
async function withPageNumbers(job: PdfJob, print: Print): Promise<PdfFile> {
  let file = new PdfFile(await print(job.html(() => SLOT_PLACEHOLDER)));
  let pages = destinationPages(file);
  if (writeContentsNumbers(file, job.contents, pages)) return file;
  for (let pass = 0; pass < 3; pass++) {
    const numbers = pages;
    file = new PdfFile(await print(job.html((id) => String(numbers.get(id) ?? ''))));
    const again = destinationPages(file);
    if (sameMap(again, pages)) break;
    pages = again;
  }
  return file;
}

function sameMap(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}
