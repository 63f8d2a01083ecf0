// One packet's HTML → PDF: US Letter or A4, handling banner top and bottom, running
// title, "Page X of Y", build stamp, bookmarks from headings, and a contents list with
// page numbers. Page numbers come from a first pass: Chromium writes a named
// destination for every linked heading id, so we read heading → page from the PDF and
// print again with the numbers filled in. Dates and producer are then fixed with
// pdf-lib so the same inputs give the same bytes.
import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, type PDFObject, PDFRef, PDFStream, PDFString } from 'pdf-lib';
import type { PDFOptions } from 'puppeteer';
import { UserError } from '../errors.js';
import type { Audience } from './audiences.js';
import type { BrowserSession } from './browser.js';
import { escapeHtml } from './escape.js';
import type { BuildStamp } from './stamp.js';

export interface PdfResult {
  bytes: Uint8Array;
  pages: number;
}

const FONT = "font-family: 'Liberation Sans', 'Noto Sans', 'DejaVu Sans', Arial, sans-serif";

function headerTemplate(a: Audience): string {
  const f = a.front;
  return `<div style="${FONT}; font-size: 7.5pt; width: 100%; margin: 0 0.75in; color: #222; -webkit-print-color-adjust: exact;">
<div style="text-align: center; font-weight: bold; letter-spacing: 0.08em; text-transform: uppercase;">${escapeHtml(f.banner)}</div>
<div style="display: flex; justify-content: space-between; margin-top: 4pt; padding-bottom: 2pt; border-bottom: 0.5pt solid #777; color: #444;">
<span>${escapeHtml(f.title)}</span><span>${escapeHtml(f.audience)}</span></div>
</div>`;
}

function footerTemplate(a: Audience, stamp: BuildStamp): string {
  return `<div style="${FONT}; font-size: 7.5pt; width: 100%; margin: 0 0.75in; color: #222; -webkit-print-color-adjust: exact;">
<div style="display: flex; justify-content: space-between; padding-top: 2pt; border-top: 0.5pt solid #777; color: #444;">
<span>${escapeHtml(stamp.text)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>
<div style="text-align: center; font-weight: bold; letter-spacing: 0.08em; text-transform: uppercase; margin-top: 4pt;">${escapeHtml(a.front.banner)}</div>
</div>`;
}

export function pdfOptions(a: Audience, stamp: BuildStamp): PDFOptions {
  return {
    format: a.front.pageSize === 'A4' ? 'a4' : 'letter',
    margin: { top: '0.9in', bottom: '0.85in', left: '0.75in', right: '0.75in' },
    displayHeaderFooter: true,
    headerTemplate: headerTemplate(a),
    footerTemplate: footerTemplate(a, stamp),
    printBackground: true,
    outline: true,
    tagged: true,
    preferCSSPageSize: false,
  };
}

// pdf-lib yields to the event loop every 100 objects by default (a setTimeout each): 4× slower
// for a 17-page book, and nothing else is waiting on this thread.
const NO_YIELD = { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest } as const;

/** Heading id → page number, from the PDF's named destinations. */
export async function destinationPages(bytes: Uint8Array): Promise<Map<string, number>> {
  const doc = await PDFDocument.load(bytes, NO_YIELD);
  const pageOf = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i + 1]));
  const out = new Map<string, number>();
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (!dests) return out;
  for (const [name, value] of dests.entries()) {
    const dest = value instanceof PDFRef ? doc.context.lookup(value) : value;
    const target = dest instanceof PDFArray ? dest.get(0) : undefined;
    const page = target ? pageOf.get(target.toString()) : undefined;
    if (page !== undefined) out.set(decodeName(name.asString()), page);
  }
  return out;
}

/** PDF names escape bytes as #xx and hold UTF-8: "/caf#C3#A9" → "café". */
function decodeName(name: string): string {
  const bytes: number[] = [];
  const s = name.replace(/^\//, '');
  for (let i = 0; i < s.length; i++) {
    const hex = s[i] === '#' ? /^[0-9a-f]{2}/i.exec(s.slice(i + 1)) : null;
    if (hex) {
      bytes.push(Number.parseInt(hex[0], 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(s[i] ?? '', 'latin1'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Fixes everything that varies run to run (dates) or leaks the machine (producer). */
export async function normalise(bytes: Uint8Array, a: Audience, stamp: BuildStamp, headings: readonly string[] = []): Promise<PdfResult> {
  const doc = await PDFDocument.load(bytes, NO_YIELD);
  fixOutlineTitles(doc, headings);
  renumberNodeIds(doc);
  const when = new Date(stamp.epoch * 1000);
  doc.setTitle(a.front.title, { showInWindowTitleBar: true });
  doc.setSubject(`${a.front.audience} — ${a.front.subtitle ?? a.front.genre}`);
  doc.setProducer('briefbook');
  doc.setCreator('briefbook');
  doc.setCreationDate(when);
  doc.setModificationDate(when);
  const out = await doc.save({ useObjectStreams: false, objectsPerTick: Number.POSITIVE_INFINITY });
  return { bytes: out, pages: doc.getPageCount() };
}

/**
 * Chromium names tagged-PDF elements after DOM node ids ("node00002677"), which count up
 * across every document a renderer has printed, so a reused page would give different
 * bytes each run. Renumber them by rank: same order (the ID tree stays sorted), and the
 * numbers depend only on this document.
 */
function renumberNodeIds(doc: PDFDocument): void {
  const ID = /^node(\d+)$/;
  const strings: { holder: PDFDict | PDFArray; key: PDFName | number; n: number }[] = [];
  const visit = (obj: PDFObject | undefined, holder?: PDFDict | PDFArray, key?: PDFName | number) => {
    if (obj instanceof PDFStream) visit(obj.dict);
    else if (obj instanceof PDFDict) for (const [k, v] of obj.entries()) visit(v, obj, k);
    else if (obj instanceof PDFArray) obj.asArray().forEach((v, i) => visit(v, obj, i));
    else if ((obj instanceof PDFString || obj instanceof PDFHexString) && holder && key !== undefined) {
      const m = ID.exec(obj.decodeText());
      if (m) strings.push({ holder, key, n: Number(m[1]) });
    }
  };
  for (const [, obj] of doc.context.enumerateIndirectObjects()) visit(obj);
  const rank = new Map([...new Set(strings.map((s) => s.n))].sort((a, b) => a - b).map((n, i) => [n, i + 1]));
  for (const { holder, key, n } of strings) {
    const renamed = PDFString.of(`node${String(rank.get(n)).padStart(8, '0')}`);
    if (holder instanceof PDFDict) holder.set(key as PDFName, renamed);
    else holder.set(key as number, renamed);
  }
}

/**
 * Chromium takes bookmark titles from the laid-out text, so a heading that wraps loses the
 * space at the break ("AgainstAlibaba") and CSS capitals show up; put the real heading back.
 */
function fixOutlineTitles(doc: PDFDocument, headings: readonly string[]): void {
  const key = (t: string) => t.replace(/\s+/g, '').toLowerCase();
  const byKey = new Map(headings.map((h) => [key(h), h]));
  const visit = (item: unknown) => {
    for (let node = item; node instanceof PDFDict; node = node.lookup(PDFName.of('Next'))) {
      const title = node.lookup(PDFName.of('Title'));
      const text = title instanceof PDFString || title instanceof PDFHexString ? title.decodeText() : undefined;
      const real = text === undefined ? undefined : byKey.get(key(text));
      if (real !== undefined && real !== text) node.set(PDFName.of('Title'), PDFHexString.fromText(real));
      visit(node.lookup(PDFName.of('First')));
    }
  };
  visit(doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookup(PDFName.of('First')));
}

export interface PdfJob {
  audience: Audience;
  stamp: BuildStamp;
  /** The page's HTML, with contents page numbers when given. */
  html: (pages?: ReadonlyMap<string, number>) => string;
  hasContents: boolean;
  /** Heading texts, to repair bookmark titles. */
  headings: readonly string[];
}

export async function renderPdf(session: BrowserSession, job: PdfJob): Promise<PdfResult> {
  const options = pdfOptions(job.audience, job.stamp);
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
