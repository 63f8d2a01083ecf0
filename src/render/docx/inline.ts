// Inline Markdown → Word runs: emphasis, code, links (http(s) and #anchors only, as in the
// HTML), note references, and tracked changes where the render marked a fact's text
// (template/marks.ts): a changed wording as the words deleted and inserted, a new fact as
// an insertion, a removed one as a deletion.
import { ExternalHyperlink, InternalHyperlink, type IRunOptions, type ParagraphChild, TextRun } from 'docx';
import type { Token, TokenizerAndRendererExtension, Tokens } from 'marked';
import { diffWords } from '../../util/word-diff.js';
import { unescapeMarkdown } from '../escape.js';
import { safeHref } from '../markdown/to-html.js';
import { SPAN_MARK, type Span } from '../template/marks.js';
import type { RevisionAuthor } from './elements.js';
import type { Notes } from './notes.js';

export interface Format {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  code?: boolean;
  link?: boolean;
  superScript?: boolean;
  /** Points, where a region sets its own (a cover title). */
  size?: number;
  caps?: boolean;
}

/** What inline layout needs from the document. */
export interface InlineContext {
  notes: Notes;
  spans: readonly Span[];
  /** Set when the packet has tracked changes. */
  author?: RevisionAuthor;
  /** The bookmark of the heading with this id, for #anchor links. */
  anchor(id: string): string | undefined;
  mono: IRunOptions['font'];
}

/** A whole paragraph inserted (every word of it a new fact's) or deleted (a removed fact's). */
export type Whole = 'inserted' | 'deleted' | undefined;

interface MarkToken {
  type: 'revisionMark';
  raw: string;
  /** The span's number; 0 for a closing mark. */
  n: number;
}

/** The revision marks as tokens, for lexMarkdown. */
export const revisionMarks: TokenizerAndRendererExtension = {
  name: 'revisionMark',
  level: 'inline',
  start: (src) => {
    const i = src.indexOf('\u0000');
    return i < 0 ? undefined : i;
  },
  tokenizer(src) {
    const m = SPAN_MARK.exec(src);
    return m ? { type: 'revisionMark', raw: m[0], n: m[1] ? Number(m[1]) : 0 } : undefined;
  },
  renderer: () => '',
};

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  sect: '§',
  copy: '©',
};

/** Character references as a browser shows them (marked leaves them in its text tokens). */
function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] !== '#') return NAMED[e.toLowerCase()] ?? m;
    const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
  });
}

/** The inline tokens of one paragraph, in order, into the tokens nested in them. */
function* leaves(tokens: readonly Token[]): Generator<Token> {
  for (const t of tokens) {
    if ('tokens' in t && Array.isArray(t.tokens) && t.type !== 'footnotes') yield* leaves(t.tokens as Token[]);
    else yield t;
  }
}

/** Whether a paragraph is wholly a new fact's (its mark inserted too) or a removed fact's. */
export function wholeChange(tokens: readonly Token[], spans: readonly Span[]): Whole {
  let open: Span | undefined;
  let added = false;
  let other = false;
  for (const t of leaves(tokens)) {
    if (t.type === 'revisionMark') {
      open = (t as unknown as MarkToken).n > 0 ? spans[(t as unknown as MarkToken).n - 1] : undefined;
      if (open?.removed) return 'deleted';
      if (open?.before === null) added = true;
    } else if ((t.type === 'text' || t.type === 'escape' || t.type === 'codespan') && t.text.trim() && open?.before !== null) {
      other = true;
    }
  }
  return added && !other ? 'inserted' : undefined;
}

export class InlineWriter {
  /** The span being read; a changed one collects its text to compare with the earlier wording. */
  private open?: { span: Span; text: string; format?: Format };

  constructor(
    private readonly ctx: InlineContext,
    private readonly whole: Whole = undefined,
  ) {}

  write(tokens: readonly Token[], format: Format = {}): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    let previous: string | undefined;
    for (const t of tokens) {
      // Adjacent note marks read "1,2", not "12" (as in the HTML).
      if (t.type === 'footnoteRef' && previous === 'footnoteRef') out.push(...this.text(',', { ...format, superScript: true }));
      if (t.type !== 'space') previous = t.type;
      out.push(...this.token(t, format));
    }
    return out;
  }

  private token(t: Token, f: Format): ParagraphChild[] {
    switch (t.type) {
      case 'revisionMark':
        return this.mark((t as unknown as MarkToken).n);
      case 'text':
        return 'tokens' in t && t.tokens ? this.write(t.tokens, f) : this.text(decode(t.text), f);
      case 'escape':
        return this.text(t.text, f);
      case 'strong':
        return this.write(t.tokens ?? [], { ...f, bold: true });
      case 'em':
        return this.write(t.tokens ?? [], { ...f, italics: true });
      case 'del':
        return this.write(t.tokens ?? [], { ...f, strike: true });
      case 'codespan':
        return this.text(decode(t.text), { ...f, code: true });
      case 'br':
        return this.run(new TextRun({ break: 1 }), '', {});
      case 'link':
        return this.link(t as Tokens.Link, f);
      case 'image':
        return this.text(t.text, f);
      case 'html':
        return /^<!--[\s\S]*-->$/.test(t.text.trim()) ? [] : this.text(t.text, f);
      case 'footnoteRef':
        return this.noteRef(String(t.label), t.raw, f);
      default:
        return 'text' in t && typeof t.text === 'string' ? this.text(decode(t.text), f) : [];
    }
  }

  private mark(n: number): ParagraphChild[] {
    if (n > 0) {
      const span = this.ctx.spans[n - 1];
      this.open = span && { span, text: '' };
      return [];
    }
    const open = this.open;
    this.open = undefined;
    if (!open || open.span.before === null || open.span.removed || !this.ctx.author) return [];
    const author = this.ctx.author;
    const format = open.format ?? {};
    return diffWords(unescapeMarkdown(open.span.before), open.text).map((c) =>
      c.op === 'same'
        ? new TextRun(this.options(c.text, format))
        : c.op === 'deleted'
          ? author.deleted(c.text, this.options(c.text, format))
          : author.inserted(new TextRun(this.options(c.text, format))),
    );
  }

  private text(text: string, f: Format): ParagraphChild[] {
    const open = this.open;
    if (open && open.span.before !== null && !open.span.removed) {
      open.format ??= f;
      open.text += text;
      return [];
    }
    return this.run(new TextRun(this.options(text, f)), text, f);
  }

  /** A run as it stands, or inserted or deleted with the paragraph or span it is in. */
  private run(run: TextRun, text: string, f: Format): ParagraphChild[] {
    const author = this.ctx.author;
    const kind = this.whole ?? (this.open ? (this.open.span.removed ? 'deleted' : 'inserted') : undefined);
    if (!author || !kind) return [run];
    return [kind === 'inserted' ? author.inserted(run) : author.deleted(text, this.options(text, f))];
  }

  private options(text: string, f: Format): IRunOptions {
    return {
      text,
      ...(f.bold ? { bold: true } : {}),
      ...(f.italics ? { italics: true } : {}),
      ...(f.strike ? { strike: true } : {}),
      ...(f.superScript ? { superScript: true } : {}),
      ...(f.code ? { font: this.ctx.mono } : {}),
      ...(f.link ? { style: 'Hyperlink' } : {}),
      ...(f.size ? { size: f.size * 2 } : {}),
      ...(f.caps ? { allCaps: true } : {}),
    };
  }

  private link(t: Tokens.Link, f: Format): ParagraphChild[] {
    const href = safeHref(t.href);
    const inner = () => this.write(t.tokens ?? [], { ...f, link: true });
    if (!href) return this.write(t.tokens ?? [], f);
    if (href.startsWith('#')) {
      const anchor = this.ctx.anchor(href.slice(1));
      return anchor ? [new InternalHyperlink({ anchor, children: inner() })] : this.write(t.tokens ?? [], f);
    }
    return [new ExternalHyperlink({ link: href, children: inner() })];
  }

  private noteRef(label: string, raw: string, f: Format): ParagraphChild[] {
    // A removed fact's paragraph cites nothing: deleting it must not delete a note.
    if (this.whole === 'deleted') return [];
    const author = this.ctx.author;
    const inserted = this.whole === 'inserted' || (this.open !== undefined && this.open.span.before === null);
    const ref = this.ctx.notes.ref(label, author && inserted ? (r) => author.inserted(r) : undefined);
    return ref ?? this.text(raw, f);
  }
}
