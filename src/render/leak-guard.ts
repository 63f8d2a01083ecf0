// The leak guard's second half. The first (facts/select.ts, and the taint every value
// carries through the render, template/state.ts) keeps what an audience may not see out of
// the template's reach; this one reads the finished packet — Markdown, the HTML page with
// its stylesheets, the front matter printed in PDF headers — for text the audience may not
// see, whatever path it took: pasted into a template, a partial or a stylesheet, with its
// final period dropped, curly quotes, a soft hyphen, another Unicode form or markup inside.
//
// Both sides are compared as normalised words (util/words.ts) in overlapping windows of
// WINDOW words. Eight words in a row, in the same order, is a sentence, not a common phrase:
// on the shipped packets the longest run shared with withheld text by chance is five
// words. Withheld texts of SHORTEST to WINDOW words are matched whole; shorter ones (names,
// ids, "Yes.") cannot be told from ordinary words. Windows the audience may see anyway
// (the same words in a text it may see) are not matched.
import { decodeHTML } from 'entities';
import { UserError } from '../errors.js';
import type { FactBase } from '../facts/factbase.js';
import { type Sensitivity, SINGULAR } from '../facts/kinds.js';
import { locateWithheld, textsFor, type WithheldText, withholdsAny } from '../facts/withheld.js';
import { KeySet } from '../util/key-set.js';
import { normalWords, runKeys, runKeysOfSizes } from '../util/words.js';
import type { Audience } from './template-files/audiences.js';

export const WINDOW = 8;
export const SHORTEST = 6;

export interface LeakIndex {
  max: Sensitivity;
  /** Key of a window of normalised words (util/words.ts: runKeys) → the window and the withheld text it comes from. */
  windows: Map<number, Window>;
  /** The window sizes in `windows`. */
  sizes: number[];
  fb: FactBase;
}

/** What a packet puts in front of a reader, in every format. */
export interface PacketText {
  markdown: string;
  /** The whole HTML page (what the PDF prints), stylesheets included. */
  html: string;
  /** Front matter strings (the PDF's running header and footer print some). */
  front: string[];
}

/**
 * A window of a withheld text's words. Its words are made again from the text only when
 * asked (a possible hit, a message): a big fact base has hundreds of thousands of windows,
 * few ever asked, and keeping every text's words for them held tens of megabytes of small
 * strings for the whole build.
 */
class Window {
  constructor(
    private readonly at: number,
    readonly from: WithheldText,
  ) {}

  get words(): string {
    const all = normalWords(this.from.text);
    return all.slice(this.at, this.at + Math.min(all.length, WINDOW)).join(' ');
  }
}

export function buildLeakIndex(fb: FactBase, max: Sensitivity): LeakIndex {
  const windows: LeakIndex['windows'] = new Map();
  if (!withholdsAny(fb, max)) return { max, windows, sizes: [], fb };
  const { withheld, shown } = textsFor(fb, max);
  const sizeSet = new Set<number>();
  const withheldKeys = new KeySet();
  for (const from of withheld) {
    const words = normalWords(from.text);
    if (words.length < SHORTEST) continue;
    const size = Math.min(words.length, WINDOW);
    sizeSet.add(size);
    runKeys(words, size).forEach((key, at) => {
      if (windows.has(key)) return;
      windows.set(key, new Window(at, from));
      withheldKeys.add(key);
    });
  }
  const sizes = [...sizeSet].sort();
  // Nothing withheld (the top level): no window to clear, and the shown text need not be read.
  for (let i = 0; i < shown.length && windows.size > 0; i++) {
    const words = normalWords(shown[i] as string);
    if (words.length < (sizes[0] as number)) continue;
    // Nearly every run a text may show is no window: the key set says so without asking the
    // Map (util/key-set.ts). It only spares questions: a window is kept or cleared by the Map.
    for (const keys of runKeysOfSizes(words, sizes)) for (const key of keys) if (withheldKeys.has(key)) windows.delete(key);
  }
  return { max, windows, sizes, fb };
}

const memo = new WeakMap<FactBase, Map<Sensitivity, LeakIndex>>();

/** The index for one fact base and level, built once and shared by every packet of that level. */
export function leakIndexFor(fb: FactBase, max: Sensitivity): LeakIndex {
  const byLevel = memo.get(fb) ?? new Map<Sensitivity, LeakIndex>();
  memo.set(fb, byLevel);
  const index = byLevel.get(max) ?? buildLeakIndex(fb, max);
  byLevel.set(max, index);
  return index;
}

/** The levels an index was built for on `fb` (watch compares them before and after an edit). */
export const indexedLevels = (fb: FactBase): Sensitivity[] => [...(memo.get(fb)?.keys() ?? [])];

/** Same windows: a packet checked against one passes or fails the same against the other. */
export function sameWindows(a: LeakIndex, b: LeakIndex): boolean {
  if (a.windows.size !== b.windows.size) return false;
  for (const w of a.windows.keys()) if (!b.windows.has(w)) return false;
  return true;
}

/**
 * Markdown as words: comments and note marks gone, escapes and emphasis joined. (Link
 * targets stay: the .md shows them, and the HTML check reads the page without them.) Every
 * pattern here runs in linear time, however the text repeats.
 */
export function markdownWords(md: string): string[] {
  const text = withoutComments(md)
    .replace(/\[\^\d{1,9}\]/g, '')
    .replace(/[\\*_~`]/g, '');
  return normalWords(decodeHTML(text));
}

/** `<!-- … -->` removed; an unclosed `<!--` is left as text. Split rather than a regex: no rescanning. */
function withoutComments(text: string): string {
  const [first = '', ...rest] = text.split('<!--');
  return (
    first +
    rest
      .map((part) => {
        const end = part.indexOf('-->');
        return end < 0 ? `<!--${part}` : ` ${part.slice(end + 3)}`;
      })
      .join('')
  );
}

const INLINE = /^(a|abbr|b|bdi|bdo|cite|code|del|dfn|em|i|ins|kbd|mark|q|s|samp|small|span|strong|sub|sup|u|var|wbr)$/i;

/** An HTML page as words: note marks dropped, inline tags joined, other tags as spaces, entities and CSS escapes decoded. */
export function htmlWords(html: string): string[] {
  // The page's own markup only: text in it is escaped (&lt;), and stylesheets cannot hold "</".
  const text = html
    .replace(/<sup class="fnref(?:-sep)?">[^<]*(?:<a [^<>]*>[^<]*<\/a>)?<\/sup>/g, '')
    .replace(/(<style[^>]*>)([^<]*)(<\/style>)/gi, (_, open: string, css: string, close: string) => `${open}${unescapeCss(css)}${close}`)
    .replace(/<\/?([a-zA-Z][\w-]*)[^<>]*>/g, (_, name: string) => (INLINE.test(name) ? '' : ' '));
  return normalWords(decodeHTML(text));
}

/** CSS escapes (`\74 he`, `\"`) as the characters they stand for. */
function unescapeCss(css: string): string {
  return css.replace(/\\([0-9a-fA-F]{1,6})[ \t\n\r\f]?|\\([^\n0-9a-fA-F])/g, (_, hex: string | undefined, ch: string | undefined) =>
    hex ? String.fromCodePoint(Math.min(Number.parseInt(hex, 16), 0x10ffff) || 0xfffd) : (ch ?? ''),
  );
}

/** Refuses a packet that holds withheld text, naming each item it comes from at its file:line. */
export function checkNoLeak(audience: Audience, index: LeakIndex, out: PacketText): void {
  if (index.windows.size === 0) return;
  const found = new Map<WithheldText, string>();
  for (const words of [markdownWords(out.markdown), htmlWords(out.html), normalWords(out.front.join('\n'))]) {
    runKeysOfSizes(words, index.sizes).forEach((keys, k) => {
      const size = index.sizes[k] as number;
      keys.forEach((key, at) => {
        const hit = index.windows.get(key);
        // A key is a hash: the words themselves decide.
        if (hit && !found.has(hit.from) && hit.words === words.slice(at, at + size).join(' ')) found.set(hit.from, hit.words);
      });
    });
  }
  if (found.size === 0) return;
  const max = audience.front.sensitivity;
  const diagnostics = [...found].map(([t, words]) => ({
    ...locateWithheld(index.fb, t),
    message: `${audience.name}: the packet contains the text of ${SINGULAR[t.kind]} "${t.id}", which is ${t.level}, above its sensitivity (${max})`,
    hint: `the words "${words}" reach the packet without a helper (which would refuse them): in ${audience.file}, a partial, a stylesheet or the front matter; remove them`,
  }));
  const [first] = diagnostics;
  if (diagnostics.length === 1 && first) throw UserError.at(first, `${first.message}; nothing was written for it`, first.hint);
  throw new UserError(
    `${audience.name}: the packet contains the text of ${diagnostics.length} items above its sensitivity (${max}); nothing was written for it`,
    { diagnostics, hint: `remove the text from ${audience.file}, its partials and stylesheets` },
  );
}
