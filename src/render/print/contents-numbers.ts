// One print per packet: the contents list is printed with a placeholder in each page-number
// slot ("000", in the slot's own font, right-aligned in a slot wider than any page number up
// to 999, so the numbers cannot move anything), and the real numbers are then written over
// the placeholders in the PDF. Which page each heading is on comes from the same PDF's named
// destinations; which placeholder belongs to which entry, from the entry's link: Chromium
// writes a link annotation over each contents line, and the slot's text lies at its right end.
//
// The digits must be glyphs the embedded font already has (Chromium embeds only what the
// document uses). When anything is missing or unexpected, nothing is changed and the caller
// prints again with the numbers in the HTML.
import { deflateSync } from 'node:zlib';
import { apply, multiply, type TextBlock, textBlocks } from './content-text.js';
import { pageObjects, utf8 } from './pdf-bytes.js';
import { type PdfFile, PdfShapeError } from './pdf-file.js';
import { type FontGlyphs, pageFonts } from './pdf-fonts.js';
import { type Dict, Name, num, PdfSyntaxError, Ref, Str } from './pdf-syntax.js';

/** What each contents slot holds in the one print. */
export const SLOT_PLACEHOLDER = '000';

type Rect = readonly [number, number, number, number];

/**
 * Writes each contents entry's page number (`pages`, by heading id) over its placeholder.
 * False when any entry's slot cannot be found or written; the file is then unchanged.
 */
export function writeContentsNumbers(file: PdfFile, ids: readonly string[], pages: ReadonlyMap<string, number>): boolean {
  try {
    return write(file, ids, pages);
  } catch (e) {
    if (e instanceof PdfShapeError || e instanceof PdfSyntaxError) return false;
    throw e;
  }
}

function write(file: PdfFile, ids: readonly string[], pages: ReadonlyMap<string, number>): boolean {
  const wanted = new Set(ids);
  const slotOf = new Map<string, { page: number; block: TextBlock; font: FontGlyphs }>();
  const edits = new Map<number, { content: string; at: { start: number; end: number; text: string }[] }>();
  for (const n of pageObjects(file)) {
    const page = file.dict(new Ref(n, 0));
    const links = page ? contentsLinks(file, page, wanted) : [];
    if (!page || links.length === 0) continue;
    const contents = page.get('Contents');
    if (!(contents instanceof Ref)) return false;
    const fonts = pageFonts(file, page);
    const content = file.streamData(contents.num);
    const widths = (font: string, code: string) => {
      const f = fonts.get(font);
      return f?.widths.get(code) ?? f?.defaultWidth ?? 1000;
    };
    const slots = textBlocks(content, widths).filter((b) => b.simple && shows(b, fonts.get(b.font)) === SLOT_PLACEHOLDER);
    for (const { id, rect } of links) {
      const inside = slots.filter((b) => within(origin(b), rect));
      const block = inside.sort((x, y) => origin(y)[0] - origin(x)[0])[0];
      if (!block) continue;
      const already = slotOf.get(id);
      if (already && already.block !== block) return false;
      slotOf.set(id, { page: contents.num, block, font: fonts.get(block.font) as FontGlyphs });
      if (!edits.has(contents.num)) edits.set(contents.num, { content, at: [] });
    }
  }
  if (slotOf.size !== wanted.size || new Set([...slotOf.values()].map((s) => s.block)).size !== slotOf.size) return false;
  for (const [id, { page, block, font }] of slotOf) {
    const number = pages.get(id);
    const text = number === undefined || String(number).length > SLOT_PLACEHOLDER.length ? undefined : rewrite(block, String(number), font);
    if (text === undefined) return false;
    edits.get(page)?.at.push({ start: block.start, end: block.end, text });
  }
  if (![...edits.keys()].every((num) => plainStream(file, num))) return false;
  for (const [num, { content, at }] of edits) {
    let next = content;
    for (const e of at.sort((x, y) => y.start - x.start)) next = next.slice(0, e.start) + e.text + next.slice(e.end);
    const data = deflateSync(Buffer.from(next, 'latin1')).toString('latin1');
    file.replace(num, `<</Filter /FlateDecode\n/Length ${data.length}>> stream\n${data}\nendstream`);
  }
  return true;
}

/** The page's link annotations that lead to a contents entry's heading. */
function contentsLinks(file: PdfFile, page: Dict, wanted: ReadonlySet<string>): { id: string; rect: Rect }[] {
  const annots = file.resolve(page.get('Annots'));
  const out: { id: string; rect: Rect }[] = [];
  for (const ref of Array.isArray(annots) ? annots : []) {
    const a = file.dict(ref);
    const subtype = a?.get('Subtype');
    const dest = a?.get('Dest');
    const rect = file.resolve(a?.get('Rect'));
    if (!(subtype instanceof Name) || subtype.value !== 'Link' || !Array.isArray(rect) || rect.length !== 4) continue;
    const id = dest instanceof Name ? utf8(dest.value) : dest instanceof Str ? utf8(dest.bytes) : undefined;
    const [x1, y1, x2, y2] = rect.map(Number) as [number, number, number, number];
    if (id !== undefined && wanted.has(id))
      out.push({ id, rect: [Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2)] });
  }
  return out;
}

/** A content stream we can rewrite whole: Flate-compressed (or not at all), nothing else in its dictionary. */
function plainStream(file: PdfFile, num: number): boolean {
  const dict = file.dict(new Ref(num, 0));
  return Boolean(dict) && [...(dict?.keys() ?? [])].every((k) => k === 'Length' || k === 'Filter');
}

function shows(b: TextBlock, font: FontGlyphs | undefined): string | undefined {
  if (!font) return undefined;
  const text = b.glyphs.map((g) => font.text.get(g.code));
  return text.every((t) => t !== undefined) ? text.join('') : undefined;
}

/** Where the block's first glyph stands on the page (PDF points from the bottom left). */
function origin(b: TextBlock): [number, number] {
  return apply(multiply(b.tm, b.ctm), b.glyphs[0]?.x ?? 0, 0);
}

function within([x, y]: [number, number], [x1, y1, x2, y2]: Rect): boolean {
  const slack = 1;
  return x >= x1 - slack && x <= x2 + slack && y >= y1 - slack && y <= y2 + slack;
}

/** The block again, showing `digits` instead, ending where the placeholder ended (right-aligned). */
function rewrite(b: TextBlock, digits: string, font: FontGlyphs): string | undefined {
  const codes: string[] = [];
  for (const d of digits) {
    const code = [...font.text].find(([, t]) => t === d)?.[0];
    if (code === undefined) return undefined;
    codes.push(code);
  }
  const advance = (code: string) => ((font.widths.get(code) ?? font.defaultWidth) * b.size) / 1000;
  const last = b.glyphs.at(-1);
  if (!last) return undefined;
  const right = last.x + advance(last.code);
  const start = right - codes.reduce((sum, c) => sum + advance(c), 0);
  const tm = multiply([1, 0, 0, 1, start, 0], b.tm);
  const hex = (code: string) => Buffer.from(code, 'latin1').toString('hex').toUpperCase();
  const glyphs = codes.map((c, i) => `${i > 0 ? `${num(advance(codes[i - 1] as string))} 0 Td ` : ''}<${hex(c)}> Tj`);
  return `BT\n/${nameText(b.font)} ${num(b.size)} Tf\n${tm.map(num).join(' ')} Tm\n${glyphs.join('\n')}\nET`;
}

function nameText(name: string): string {
  return name.replace(/[^!-~]|[()<>[\]{}/%#]/g, (c) => `#${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
