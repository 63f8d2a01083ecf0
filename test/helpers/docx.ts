// Reading a .docx back as a test checks it: its parts unzipped, its paragraphs with their
// styles and text as Word shows them, and its tracked insertions and deletions.
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';

/** Every part of the package, by path, as text. */
export function readDocx(file: string | Uint8Array): Map<string, string> {
  const bytes = typeof file === 'string' ? readFileSync(file) : file;
  return new Map(Object.entries(unzipSync(new Uint8Array(bytes))).map(([path, data]) => [path, strFromU8(data)]));
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

export interface WordParagraph {
  /** The paragraph style id (`Heading2`, `Bluf`…), if any. */
  style?: string;
  /** Its text, note reference numbers left out, deleted text left out. */
  text: string;
  xml: string;
}

/** The text of runs, leaving out note references (footnote marks and NOTEREF results) and field codes. */
export function runText(xml: string, { deleted = false } = {}): string {
  let out = '';
  for (const run of xml.match(/<w:r(?:\s[^>]*)?>[\s\S]*?<\/w:r>/g) ?? []) {
    if (/w:rStyle w:val="FootnoteReference"|<w:vertAlign w:val="superscript"\/>/.test(run)) continue;
    const tag = deleted ? 'w:delText' : 'w:t';
    // Text, tabs and line breaks in the order the run has them.
    for (const m of run.matchAll(new RegExp(`<w:(?:br|tab)(?:\\s[^>]*)?/>|<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`, 'g'))) {
      out += m[0].startsWith('<w:br') ? '\n' : m[0].startsWith('<w:tab') ? '\t' : decode(m[1] ?? '');
    }
  }
  return out;
}

/** The paragraphs of a part (the body, a header…), in order; table cells' paragraphs included. */
export function paragraphs(xml: string): WordParagraph[] {
  return (xml.match(/<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g) ?? []).map((p) => {
    const style = /<w:pStyle w:val="([^"]+)"\/>/.exec(p)?.[1];
    return { ...(style ? { style } : {}), text: runText(p), xml: p };
  });
}

/** The text of every tracked insertion, and of every deletion, in the order they come. */
export function revisions(xml: string): { inserted: string[]; deleted: string[] } {
  const inner = (tag: string, deleted: boolean) =>
    [...xml.matchAll(new RegExp(`<${tag} [^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => runText(m[1] ?? '', { deleted }));
  return { inserted: inner('w:ins', false), deleted: inner('w:del', true) };
}

/** Every piece of text anywhere in the package (body, notes, headers, properties), for "never contains" checks. */
export function allText(parts: Map<string, string>): string {
  return [...parts.values()].map((x) => decode(x.replace(/<[^>]+>/g, ' '))).join('\n');
}
