// Reading and fixing the PDF Chromium prints: which page each heading landed on, and
// everything that varies run to run (dates, tagged-PDF node ids) or leaks the machine
// (producer, the browser's user agent), so the same inputs give the same bytes. All of it
// is patched where it stands (pdf-file.ts); the rest of the file is left as Chromium wrote it.
import type { BuildStamp } from '../../facts/stamp.js';
import type { Audience } from '../template-files/audiences.js';
import type { PdfFile } from './pdf-file.js';
import { type Dict, decodeText, Ref, Str, textString, type Value, valueSpan } from './pdf-syntax.js';

export interface PdfResult {
  bytes: Uint8Array;
  pages: number;
}

/** The object numbers of the pages, in order. */
export function pageObjects(file: PdfFile): number[] {
  const out: number[] = [];
  const seen = new Set<number>();
  const walk = (ref: Value | undefined) => {
    if (!(ref instanceof Ref) || seen.has(ref.num)) return;
    seen.add(ref.num);
    const node = file.dict(ref);
    const kids = node?.get('Kids');
    if (Array.isArray(kids)) for (const k of kids) walk(k);
    else if (node) out.push(ref.num);
  };
  walk(catalog(file).get('Pages'));
  return out;
}

/** Heading id → page number, from the PDF's named destinations. */
export function destinationPages(file: PdfFile): Map<string, number> {
  const pageOf = new Map(pageObjects(file).map((n, i) => [n, i + 1]));
  const out = new Map<string, number>();
  for (const [name, value] of file.dict(catalog(file).get('Dests')) ?? []) {
    let dest = file.resolve(value);
    if (dest instanceof Map) dest = file.resolve(dest.get('D'));
    const target = Array.isArray(dest) ? dest[0] : undefined;
    const page = target instanceof Ref ? pageOf.get(target.num) : undefined;
    if (page !== undefined) out.set(utf8(name), page);
  }
  return out;
}

/** Names hold UTF-8 bytes ("/caf#C3#A9" is "café"); the lexer leaves them one char per byte. */
export function utf8(name: string): string {
  return Buffer.from(name, 'latin1').toString('utf8');
}

function catalog(file: PdfFile): Dict {
  const root = file.dict(file.trailer.get('Root'));
  if (!root) throw new Error('the PDF has no catalog');
  return root;
}

/** Fixes everything that varies run to run or leaks the machine; repairs bookmark titles. */
export function normalise(file: PdfFile, a: Audience, stamp: BuildStamp, headings: readonly string[] = []): PdfResult {
  renumberNodeIds(file);
  fixOutlineTitles(file, headings);
  const info = file.trailer.get('Info');
  if (!(info instanceof Ref)) throw new Error('the PDF has no document information dictionary');
  const when = `(D:${new Date(stamp.epoch * 1000).toISOString().replace(/[-:T]|\.\d+/g, '')})`;
  const fields: [string, string][] = [
    ['Title', a.front.title],
    ['Subject', `${a.front.audience} — ${a.front.subtitle ?? a.front.genre}`],
    ['Creator', 'briefbook'],
    ['Producer', 'briefbook'],
  ];
  file.replace(info.num, `<<${fields.map(([k, v]) => `/${k} ${textString(v)}`).join('\n')}\n/CreationDate ${when}\n/ModDate ${when}>>`);
  // Viewers show the title, not the file name, in the window's title bar.
  const root = file.trailer.get('Root');
  if (root instanceof Ref && !catalog(file).has('ViewerPreferences')) {
    editDict(file, root.num, (body) => body.replace(/^\s*<</, '<</ViewerPreferences <</DisplayDocTitle true>>\n'));
  }
  return { bytes: file.bytes(), pages: pageObjects(file).length };
}

/** Rewrites the dictionary text of object `num` (its stream, if any, is kept). */
function editDict(file: PdfFile, num: number, edit: (body: string) => string): void {
  const raw = file.raw(num);
  const head = /^\s*\d+\s+\d+\s+obj\s*/.exec(raw)?.[0] ?? '';
  const end = raw.lastIndexOf('endobj');
  file.replace(num, edit(raw.slice(head.length, end).trimEnd()));
}

/**
 * Chromium names tagged-PDF elements after DOM node ids ("node00002677"), which count up
 * across every document a renderer has printed, so a reused page would give different
 * bytes each run. Renumber them by rank, zero-padded to the same width: same order (the ID
 * tree stays sorted), the numbers depend only on this document, and every offset stays.
 */
function renumberNodeIds(file: PdfFile): void {
  const found: { at: number; digits: string }[] = [];
  for (const n of file.numbers()) {
    const raw = file.raw(n);
    const stream = raw.search(/>>\s*stream\r?\n/);
    const dict = stream < 0 ? raw : raw.slice(0, stream);
    const base = file.offsetOf(n);
    for (const m of dict.matchAll(/\(node(\d+)\)/g)) found.push({ at: base + (m.index ?? 0) + 5, digits: m[1] ?? '' });
  }
  const rank = new Map([...new Set(found.map((f) => Number(f.digits)))].sort((x, y) => x - y).map((v, i) => [v, i + 1]));
  for (const { at, digits } of found) file.patchInPlace(at, String(rank.get(Number(digits))).padStart(digits.length, '0'));
}

/**
 * Chromium takes bookmark titles from the laid-out text, so a heading that wraps loses the
 * space at the break ("AgainstAlibaba") and CSS capitals show up; put the real heading back.
 */
function fixOutlineTitles(file: PdfFile, headings: readonly string[]): void {
  const key = (t: string) => t.replace(/\s+/g, '').toLowerCase();
  const byKey = new Map(headings.map((h) => [key(h), h]));
  const seen = new Set<number>();
  const visit = (ref: Value | undefined) => {
    for (let node = ref; node instanceof Ref && !seen.has(node.num); ) {
      seen.add(node.num);
      const item = file.dict(node);
      const title = item?.get('Title');
      const text = title instanceof Str ? decodeText(title) : undefined;
      const real = text === undefined ? undefined : byKey.get(key(text));
      if (real !== undefined && real !== text) {
        const num = node.num;
        editDict(file, num, (body) => {
          const span = valueSpan(body, 'Title');
          return span ? body.slice(0, span.start) + textString(real) + body.slice(span.end) : body;
        });
      }
      visit(item?.get('First'));
      node = item?.get('Next');
    }
  };
  visit(file.dict(catalog(file).get('Outlines'))?.get('First'));
}
