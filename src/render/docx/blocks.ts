// Block Markdown → Word paragraphs, lists and tables, with the packet's layout regions
// (`<!-- begin:NAME -->`) as paragraph styles: the cover, the boxed BLUF, the memo head,
// the colophon. The contents region becomes Word's own table of contents (a TOC field over
// the Heading styles), and the notes heading goes: the notes are footnotes.
import {
  Bookmark,
  BorderStyle,
  type FileChild,
  HeadingLevel,
  type IParagraphOptions,
  Paragraph,
  Table,
  TableOfContents,
  TextRun,
} from 'docx';
import type { Token, Tokens } from 'marked';
import { type Format, type InlineContext, InlineWriter, wholeChange } from './inline.js';
import { listIndent } from './styles.js';
import { table } from './tables.js';

export interface BlockContext extends InlineContext {
  /** Text width in twips. */
  width: number;
  /** The start of each ordered list, in order: list k uses numbering `numbers-k`. */
  ordered: number[];
  /** The bookmark of the next heading (in document order). */
  nextHeading(): string;
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;
const REGION_STYLES: Record<string, string> = {
  bluf: 'Bluf',
  cover: 'Cover',
  'cover-marking': 'Marking',
  'memo-head': 'Head',
  'title-block': 'TitleBlock',
  colophon: 'Colophon',
  'two-columns': 'Compact',
  quote: 'Quote',
};
/** Title sizes of the regions that set their own (briefbook.css: .cover h1, .memo-head h1, .title-block h1). */
const TITLES: Record<string, Format> = { cover: { size: 28 }, 'memo-head': { size: 15, caps: true }, 'title-block': { size: 18 } };
const REGION = /^<!--\s*(begin|end):([a-z][a-z0-9-]*)\s*-->$/;

export class BlockWriter {
  private readonly out: FileChild[] = [];
  private readonly regions: string[] = [];
  private breakBefore = false;
  /** Paragraphs written in the cover so far: its first one is the label above the title. */
  private coverParagraphs = 0;
  /** Inside the contents region: replaced by a TOC field, at this depth. */
  private contents?: { depth: number };

  constructor(private readonly ctx: BlockContext) {}

  write(tokens: readonly Token[]): FileChild[] {
    tokens.forEach((t, i) => {
      const next = tokens.slice(i + 1).find((n) => n.type !== 'space');
      this.block(t, next);
    });
    return this.out;
  }

  private block(t: Token, next?: Token): void {
    if (t.type === 'html') {
      this.html(t.text.trim(), t.text);
      return;
    }
    if (this.contents) {
      if (t.type === 'list' && (t as Tokens.List).items.some((it) => it.tokens.some((c) => c.type === 'list'))) this.contents.depth = 3;
      if (t.type === 'heading') this.ctx.nextHeading();
      return;
    }
    switch (t.type) {
      case 'heading': {
        const anchor = this.ctx.nextHeading();
        // The notes heading: its notes are Word footnotes now, at the foot of each page.
        if (next?.type === 'footnotes') return;
        const region = [...this.regions].reverse().find((r) => TITLES[r]);
        const format = (region && t.depth === 1 && TITLES[region]) || {};
        this.paragraph({ heading: HEADINGS[Math.min(t.depth, 4) - 1] }, t.tokens ?? [], format, anchor);
        return;
      }
      case 'paragraph':
      case 'text':
        this.paragraph({ style: this.style() }, t.tokens ?? [{ type: 'text', raw: t.raw, text: t.text } as Token]);
        return;
      case 'list':
        this.list(t as Tokens.List, 0);
        return;
      case 'table':
        // A page break, or a table right after another (Word would join them), needs a paragraph to sit on.
        if (this.breakBefore || this.out.at(-1) instanceof Table) this.paragraph({ spacing: { after: 0 }, children: [] });
        this.out.push(table(t as Tokens.Table, this.ctx));
        return;
      case 'blockquote':
        this.regions.push('quote');
        for (const c of t.tokens ?? []) this.block(c);
        this.regions.pop();
        return;
      case 'code':
        this.paragraph({
          style: 'Code',
          children: t.text.split('\n').map((l: string, i: number) => new TextRun({ text: l, break: i > 0 ? 1 : 0 })),
        });
        return;
      case 'hr':
        this.paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '9A9A9A', space: 1 } } });
        return;
      default:
        // Spaces, link definitions and the notes themselves (written as footnotes) print nothing here.
        return;
    }
  }

  private html(text: string, raw: string): void {
    const region = REGION.exec(text);
    if (region) {
      const [, edge, name = ''] = region;
      if (name === 'contents' && edge === 'begin') this.contents = { depth: 2 };
      else if (name === 'contents') this.tableOfContents();
      else if (edge === 'begin') this.regions.push(name);
      else this.regions.splice(this.regions.lastIndexOf(name), 1);
      return;
    }
    if (/^<!--\s*pagebreak\s*-->$/.test(text)) {
      this.breakBefore = true;
      return;
    }
    if (this.contents || /^<!--[\s\S]*-->$/.test(text)) return;
    // Raw HTML is shown as text, never interpreted (as in the HTML packet).
    this.paragraph({ style: 'Code', children: [new TextRun(raw.trim())] });
  }

  private tableOfContents(): void {
    const depth = this.contents?.depth ?? 2;
    this.contents = undefined;
    this.paragraph({ style: 'ContentsHeading', children: [new TextRun('Contents')] });
    this.out.push(new TableOfContents('Contents', { hyperlink: true, headingStyleRange: `2-${depth}` }));
    // As in print: what follows the contents starts a page.
    this.breakBefore = true;
  }

  private list(t: Tokens.List, depth: number): void {
    let reference = 'bullets';
    if (t.ordered) {
      this.ctx.ordered.push(typeof t.start === 'number' ? t.start : 1);
      reference = `numbers-${this.ctx.ordered.length}`;
    }
    for (const item of t.items) {
      let first = true;
      for (const child of item.tokens) {
        if (child.type === 'list') this.list(child as Tokens.List, depth + 1);
        else if (child.type === 'text' || child.type === 'paragraph') {
          // Word has nine list levels; deeper Markdown lists stay at the ninth.
          const level = Math.min(depth, 8);
          const place = first ? { numbering: { reference, level } } : { indent: { left: listIndent(level) } };
          // Items sit close together (li { margin-bottom: 3pt }), in any region's style.
          this.paragraph({ style: this.style() ?? 'ListParagraph', spacing: { after: 60 }, ...place }, child.tokens ?? []);
          first = false;
        } else this.block(child);
      }
    }
  }

  /** The paragraph style of the innermost region that has one. */
  private style(): string | undefined {
    const region = [...this.regions].reverse().find((r) => REGION_STYLES[r]);
    if (region === 'cover' && this.regions.at(-1) === 'cover' && this.coverParagraphs++ === 0) return 'CoverLabel';
    return region && REGION_STYLES[region];
  }

  /**
   * A paragraph of `inline` tokens (or of `options.children`), tracked whole when a new or
   * removed fact is all it holds; `anchor` bookmarks its text (headings).
   */
  private paragraph(options: IParagraphOptions, inline?: readonly Token[], format: Format = {}, anchor?: string): void {
    const whole = inline && this.ctx.author ? wholeChange(inline, this.ctx.spans) : undefined;
    const runs = options.children ?? new InlineWriter(this.ctx, whole).write(inline ?? [], format);
    const children = anchor ? [new Bookmark({ id: anchor, children: [...runs] })] : runs;
    // Room after a table, as print gives it (table + p { margin-top: 8pt }).
    const spacing = this.out.at(-1) instanceof Table ? { before: 160, ...options.spacing } : options.spacing;
    this.out.push(
      new Paragraph({
        ...options,
        ...(spacing ? { spacing } : {}),
        children,
        ...(this.takeBreak() ? { pageBreakBefore: true } : {}),
        ...(whole && this.ctx.author ? { run: this.ctx.author.mark(whole) } : {}),
      }),
    );
  }

  private takeBreak(): boolean {
    const b = this.breakBefore;
    this.breakBefore = false;
    return b;
  }
}
