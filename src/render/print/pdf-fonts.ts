// What a page's fonts can show, read from the PDF: for each Type0 (Identity-H) font, the
// text each glyph code stands for (its ToUnicode map) and each glyph's advance (/W, else
// /DW). Chromium embeds only the glyphs a document uses and maps only those to text, so a
// code in the ToUnicode map is one the embedded font can draw. (/W is no such list: it
// leaves out every glyph as wide as /DW.)
import type { PdfFile } from './pdf-file.js';
import { type Dict, Name, Ref } from './pdf-syntax.js';

export interface FontGlyphs {
  /** Code (two bytes, latin1) → the text it shows; only glyphs the embedded font has. */
  text: Map<string, string>;
  /** Code → advance in thousandths of the font size. */
  widths: Map<string, number>;
  defaultWidth: number;
}

/** The fonts in a page's resources by resource name; fonts of other kinds are left out. */
export function pageFonts(file: PdfFile, page: Dict): Map<string, FontGlyphs> {
  const out = new Map<string, FontGlyphs>();
  const fonts = file.dict(file.dict(page.get('Resources'))?.get('Font'));
  for (const [name, ref] of fonts ?? []) {
    const font = file.dict(ref);
    const encoding = font?.get('Encoding');
    if (!font || !(encoding instanceof Name) || encoding.value !== 'Identity-H') continue;
    const descendants = file.resolve(font.get('DescendantFonts'));
    const cid = Array.isArray(descendants) ? file.dict(descendants[0]) : undefined;
    const toUnicode = font.get('ToUnicode');
    if (!cid || !(toUnicode instanceof Ref)) continue;
    out.set(name, {
      text: toUnicodeMap(file.streamData(toUnicode.num)),
      widths: widthMap(file, cid),
      defaultWidth: Number(file.resolve(cid.get('DW')) ?? 1000),
    });
  }
  return out;
}

/** Two-byte codes → text, from a ToUnicode CMap's bfchar and bfrange sections. */
export function toUnicodeMap(cmap: string): Map<string, string> {
  const out = new Map<string, string>();
  const code = (hex: string) => Buffer.from(hex.padStart(4, '0'), 'hex').toString('latin1');
  const text = (hex: string) => Buffer.from(hex, 'hex').swap16().toString('utf16le');
  for (const [, body] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, src, dst] of (body ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) out.set(code(src ?? ''), text(dst ?? ''));
  }
  for (const [, body] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, dst] of (body ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]+>|\[[^\]]*\])/g)) {
      const from = Number.parseInt(lo ?? '', 16);
      const to = Number.parseInt(hi ?? '', 16);
      const list = (dst ?? '').startsWith('[') ? [...(dst ?? '').matchAll(/<([0-9a-fA-F]+)>/g)].map((m) => m[1] ?? '') : undefined;
      const first = Buffer.from((dst ?? '').slice(1, -1), 'hex');
      for (let c = from; c <= to && c - from < 0x10000; c++) {
        const hex = c.toString(16).padStart(4, '0');
        if (list) {
          const item = list[c - from];
          if (item !== undefined) out.set(code(hex), text(item));
          continue;
        }
        // The last byte counts up through the range (which never crosses a 256 boundary).
        const last = (first.at(-1) ?? 0) + (c - from);
        if (last > 0xff) break;
        const next = Buffer.from(first);
        next.writeUInt8(last, next.length - 1);
        if (next.length % 2 === 0) out.set(code(hex), next.swap16().toString('utf16le'));
      }
    }
  }
  return out;
}

/** A CIDFont's /W array: `c [w1 w2 …]` and `cFirst cLast w`. */
function widthMap(file: PdfFile, cid: Dict): Map<string, number> {
  const out = new Map<string, number>();
  const w = file.resolve(cid.get('W'));
  if (!Array.isArray(w)) return out;
  const code = (c: number) => String.fromCharCode(c >> 8, c & 0xff);
  for (let i = 0; i < w.length; ) {
    const first = w[i];
    const next = w[i + 1];
    if (typeof first !== 'number') break;
    if (Array.isArray(next)) {
      next.forEach((width, k) => {
        if (typeof width === 'number') out.set(code(first + k), width);
      });
      i += 2;
    } else {
      const width = w[i + 2];
      if (typeof next !== 'number' || typeof width !== 'number') break;
      for (let c = first; c <= next; c++) out.set(code(c), width);
      i += 3;
    }
  }
  return out;
}
