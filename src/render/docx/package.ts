// Same inputs, same bytes. The docx library stamps its files with the time of writing,
// draws random relationship ids for links and numbers bookmarks from a counter shared by
// every document a process writes; here those become the build stamp's time and ids
// counted within the document, the font table names each font with its fallbacks, and the
// zip is written again in a fixed order with fixed entry times.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Fonts } from './styles.js';

export interface FixOptions {
  /** The build stamp as an ISO date-time. */
  date: string;
  /** The build stamp in seconds, for the zip entries' times. */
  epoch: number;
  fonts: Fonts;
}

export function fixPackage(bytes: Uint8Array, opts: FixOptions): Uint8Array {
  const files = unzipSync(bytes);
  const text = new Map(Object.entries(files).map(([path, data]) => [path, strFromU8(data)]));
  const edit = (path: string, f: (xml: string) => string) => {
    const xml = text.get(path);
    if (xml !== undefined) text.set(path, f(xml));
  };
  edit('docProps/core.xml', (xml) =>
    xml.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${opts.date}$2`),
  );
  renameRelationships(text);
  renumberBookmarks(text);
  text.set('word/fontTable.xml', fontTable(opts.fonts));

  // [Content_Types].xml first, as Word and the OPC spec expect, then the rest by name.
  const order = [...text.keys()].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const mtime = zipTime(opts.epoch);
  return zipSync(Object.fromEntries(order.map((path) => [path, [strToU8(text.get(path) ?? ''), { mtime, level: 6 }]])));
}

const rank = (path: string) => (path === '[Content_Types].xml' ? 0 : path === '_rels/.rels' ? 1 : 2);

/**
 * The zip format stores local wall-clock time; fflate reads it from a Date in the machine's
 * time zone. Shifting by that zone's offset writes the stamp's UTC time on every machine.
 * Zip times start in 1980.
 */
function zipTime(epoch: number): Date {
  const ms = Math.max(epoch * 1000, Date.UTC(1980, 0, 2));
  return new Date(ms + new Date(ms).getTimezoneOffset() * 60_000);
}

/** Random relationship ids (links) → rIdLink1, rIdLink2… in each part's order. */
function renameRelationships(text: Map<string, string>): void {
  for (const [relsPath, rels] of text) {
    const m = /^(.*)_rels\/([^/]+)\.rels$/.exec(relsPath);
    if (!m) continue;
    const partPath = `${m[1]}${m[2]}`;
    const ids = new Map<string, string>();
    const renamed = rels.replace(/ Id="([^"]+)"/g, (whole, id: string) => {
      if (/^rId\d+$/.test(id)) return whole;
      const next = ids.get(id) ?? `rIdLink${ids.size + 1}`;
      ids.set(id, next);
      return ` Id="${next}"`;
    });
    if (ids.size === 0) continue;
    text.set(relsPath, renamed);
    const part = text.get(partPath);
    if (part !== undefined)
      text.set(
        partPath,
        part.replace(/ r:id="([^"]+)"/g, (whole, id: string) => (ids.has(id) ? ` r:id="${ids.get(id)}"` : whole)),
      );
  }
}

/** Bookmark ids, and the _Toc names made from them, counted from 1 in document order. */
function renumberBookmarks(text: Map<string, string>): void {
  const parts = [...text.keys()].filter((p) => /^word\/[^/]+\.xml$/.test(p)).sort();
  const ids = new Map<string, number>();
  const id = (old: string) => {
    let n = ids.get(old);
    if (n === undefined) {
      n = ids.size + 1;
      ids.set(old, n);
    }
    return n;
  };
  for (const p of parts) {
    const xml = text.get(p) ?? '';
    for (const m of xml.matchAll(/<w:bookmarkStart [^>]*?w:id="(\d+)"/g)) id(m[1] ?? '');
  }
  const tocs = new Map<string, number>();
  for (const p of parts) {
    let xml = text.get(p) ?? '';
    xml = xml.replace(/(<w:bookmark(?:Start|End) [^>]*?w:id=")(\d+)"/g, (_, head: string, old: string) => `${head}${id(old)}"`);
    xml = xml.replace(/_Toc(\d+)/g, (_, old: string) => {
      let n = tocs.get(old);
      if (n === undefined) {
        n = tocs.size + 1;
        tocs.set(old, n);
      }
      return `_Toc${String(n).padStart(8, '0')}`;
    });
    text.set(p, xml);
  }
}

const FAMILY: Record<keyof Fonts, string> = { serif: 'roman', sans: 'swiss', mono: 'modern' };

/**
 * Every family of every stack, each with the next one in its stack as its alternate name
 * (Word's one fallback per font) and its generic family, which Word substitutes by when
 * none is installed: Liberation Serif → Noto Serif → Times New Roman, as in the PDF.
 */
function fontTable(fonts: Fonts): string {
  const seen = new Set<string>();
  const entries: string[] = [];
  for (const kind of ['serif', 'sans', 'mono'] as const) {
    fonts[kind].forEach((name, i) => {
      if (seen.has(name)) return;
      seen.add(name);
      const alt = fonts[kind][i + 1];
      entries.push(
        `<w:font w:name="${xmlAttr(name)}">${alt ? `<w:altName w:val="${xmlAttr(alt)}"/>` : ''}<w:family w:val="${FAMILY[kind]}"/><w:pitch w:val="${kind === 'mono' ? 'fixed' : 'variable'}"/></w:font>`,
      );
    });
  }
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${entries.join('')}</w:fonts>`;
}

const xmlAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
