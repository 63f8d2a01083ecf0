// Source notes as real Word footnotes. Packets share a note between every fact resting on
// the same sources (185 references to 16 notes in the briefing book), and a Word footnote
// belongs to one reference: so the first reference to a note is the footnote, and each
// later one is a NOTEREF field to it, which Word numbers with it and keeps current.

import { Bookmark, FootnoteReferenceRun, Paragraph, type ParagraphChild, TextRun } from 'docx';
import type { Token } from 'marked';
import type { FootnoteItem } from '../markdown/footnotes.js';
import { field } from './elements.js';

export class Notes {
  private readonly defs = new Map<string, Token[]>();
  /** Word's footnote id (= its number) for each note label, in order of first reference. */
  private readonly ids = new Map<string, number>();
  readonly footnotes: Record<string, { children: Paragraph[] }> = {};

  /** `text` lays out a note's inline tokens. */
  constructor(private readonly text: (tokens: Token[]) => ParagraphChild[]) {}

  /** Reads the note definitions (`footnotes` tokens) from the whole document first. */
  collect(tokens: readonly Token[]): void {
    for (const t of tokens) {
      if (t.type === 'footnotes')
        for (const item of (t as unknown as { items: FootnoteItem[] }).items) this.defs.set(item.label, item.tokens);
    }
  }

  /** The reference to note `label`, its runs passed through `wrap`; undefined when the note is not defined. */
  ref(label: string, wrap: (run: ParagraphChild) => ParagraphChild = (r) => r): ParagraphChild[] | undefined {
    const tokens = this.defs.get(label);
    if (!tokens) return undefined;
    const known = this.ids.get(label);
    const bookmark = (n: number) => `_RefNote${n}`;
    if (known !== undefined) {
      return field(`NOTEREF ${bookmark(known)} \\f \\h`, new TextRun({ text: String(known), style: 'FootnoteReference' })).map(wrap);
    }
    const id = this.ids.size + 1;
    this.ids.set(label, id);
    this.footnotes[id] = { children: [new Paragraph({ style: 'FootnoteText', children: this.text(tokens) })] };
    return [new Bookmark({ id: bookmark(id), children: [wrap(new FootnoteReferenceRun(id))] }) as unknown as ParagraphChild];
  }
}
