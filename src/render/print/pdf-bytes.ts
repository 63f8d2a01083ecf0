// Reading and fixing the PDF Chromium prints: which page each heading landed on, and
// everything that varies run to run (dates, tagged-PDF node ids) or leaks the machine
// (producer), so the same inputs give the same bytes.
import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, type PDFObject, PDFRef, PDFStream, PDFString } from 'pdf-lib';
import type { BuildStamp } from '../../facts/stamp.js';
import type { Audience } from '../template-files/audiences.js';

export interface PdfResult {
  bytes: Uint8Array;
  pages: number;
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
