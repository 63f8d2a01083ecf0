// Escaping for text that comes from the fact base. A statement is data, never markup:
// it must not open a Markdown link, emphasis, table cell, heading or list, and must not
// carry HTML. We backslash-escape what Markdown would interpret (keeping the .md file
// readable) and collapse it onto one line, so it is safe in a paragraph, list item or
// table cell alike.
import type { Sensitivity } from '../facts/kinds.js';

// Text that needs no escaping at all: words of characters Markdown never reads as syntax,
// one space apart, not starting like a heading, list, quote or rule, and without a URL.
// Most fact text is like this; one test finds it, instead of the passes below (which are a
// good part of a large build's render). Linear: the runs it repeats cannot overlap.
const PLAIN = /^(?![#+\-=>])(?!\d+[.)](?: |$))(?!.*(?::\/\/|\b[wW]{3}\.))[^\s\p{Cc}\\`*_[\]<>|~&@#]+(?: [^\s\p{Cc}\\`*_[\]<>|~&@#]+)*$/u;

/** Markdown-escapes plain text: the result renders as exactly the same characters. */
export function escapeMarkdown(text: string): string {
  return PLAIN.test(text) ? text : escapeMarkdownFully(text);
}

/** escapeMarkdown without its shortcut for text that needs nothing (tests compare the two). */
export function escapeMarkdownFully(text: string): string {
  // Control characters (NUL…) never belong in prose; line breaks become spaces below.
  let t = text
    .replace(/\p{Cc}/gu, (c) => (/\s/.test(c) ? c : ''))
    .replace(/\s+/g, ' ')
    .trim();
  t = t.replace(/[\\`*_[\]<>|~]/g, '\\$&');
  // Entities (`&amp;`) would be decoded; a bare `&` is fine and reads better.
  t = t.replace(/&(?=#?[a-z0-9]+;)/gi, '\\&');
  // GFM autolinks bare URLs, www. names and e-mail addresses.
  t = t.replace(/:\/\//g, '\\://').replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\\.`);
  t = t.replace(/(?<=\w)@(?=\w)/g, '\\@');
  // Constructs that only count at the start of a line: headings, lists, quotes, rules.
  t = t.replace(/^([#+\-=>])/, '\\$1').replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');
  // A trailing `#` would be taken as the closing sequence of an ATX heading.
  t = t.replace(/(?<!\\)#$/, '\\#');
  return t;
}

/** Reverses escapeMarkdown's backslashes, for comparing rendered text with fact text. */
export function unescapeMarkdown(md: string): string {
  return md.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML[c] ?? c);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** The text of an HTML fragment as a reader sees it: tags gone (as spaces), entities decoded. */
export function htmlText(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ' '));
}

/** Reverses escapeHtml (and marked's own escaping, which uses the same five entities). */
export function decodeEntities(html: string): string {
  return html.replace(/&(amp|lt|gt|quot|#39);/g, (m, e: string) => ENTITIES[e] ?? m);
}

/** The sensitivity a value carries through a render, and what to call it in a refusal. */
export interface Taint {
  level: Sensitivity;
  /** 'fact "campaign.accounts"', 'front matter'… */
  what: string;
}

/**
 * One render's check on every value it prints (template/state.ts): refuses a value above
 * the audience's sensitivity, and records the highest level printed (for the banner).
 */
export interface Guard {
  hold(taint: Taint): void;
}

export const UNTAINTED: Taint = { level: 'public', what: 'template text' };

/** Key of a plain object's taint: wrapStrings gives every string inside it this taint. */
export const TAINT = Symbol('taint');

/**
 * A string from the fact base (or front matter) as templates see it, with the taint of the
 * item it came from. Handlebars prints objects with `toHTML()` through that method, and
 * `{{{triple}}}` stashes through `toString()`, so both give the escaped form. The string
 * itself is a private field, not a property: no template path (`.raw`, `lookup`, `@root`)
 * reaches it, and every way of reading it (`Text.read`, escaping, JSON) goes through the
 * render's guard first.
 */
export class Text {
  readonly #raw: string;
  readonly #taint: Taint;
  readonly #guard: Guard | undefined;

  constructor(raw: string, taint: Taint = UNTAINTED, guard?: Guard) {
    this.#raw = raw;
    this.#taint = taint;
    this.#guard = guard;
  }

  static read(t: Text): string {
    t.#guard?.hold(t.#taint);
    return t.#raw;
  }

  static taintOf(t: Text): Taint {
    return t.#taint;
  }

  toHTML(): string {
    return escapeMarkdown(Text.read(this));
  }
  toString(): string {
    return escapeMarkdown(Text.read(this));
  }
  toJSON(): string {
    return Text.read(this);
  }
}

/** The raw string behind a helper argument (a Text, a literal, a number…), through the guard. */
export function raw(value: unknown): string {
  if (value instanceof Text) return Text.read(value);
  if (value === undefined || value === null) return '';
  return String(value);
}

/**
 * Deep copy with every string wrapped in Text: the whole template context is data. Each
 * string carries `taint`, or the taint of the nearest object around it that declares one
 * (`[TAINT]`), and answers to `guard`.
 */
export function wrapStrings(value: unknown, taint: Taint = UNTAINTED, guard?: Guard): unknown {
  if (typeof value === 'string') return new Text(value, taint, guard);
  if (Array.isArray(value)) return value.map((v) => wrapStrings(v, taint, guard));
  if (value && typeof value === 'object' && !(value instanceof Text) && Object.getPrototypeOf(value) === Object.prototype) {
    const own = (value as { [TAINT]?: Taint })[TAINT] ?? taint;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wrapStrings(v, own, guard)]));
  }
  return value;
}
