// Footnotes for marked: `[^n]` references and `[^n]: text` definitions, numbered in order
// of definition. Our own small extension: the packets' notes are all we need.
//
// Neither tokenizer has a `start` function. marked calls `start` before every run of text
// (inline) or every block, and a search of the rest of the document each time made 30,000
// "[](" take 6.7 s. None is needed: `[` already ends a run of plain text, so the reference
// tokenizer is tried there; and the notes block always follows a heading (render-markdown's
// placeNotes), so no paragraph runs into its first definition.
import type { Token, TokenizerAndRendererExtension } from 'marked';
import { escapeHtml } from '../escape.js';

/** One definition in a `footnotes` token: its number, its label as written (`[^label]:`), its text. */
export interface FootnoteItem {
  n: number;
  label: string;
  tokens: Token[];
}

export function footnotes(): TokenizerAndRendererExtension[] {
  const numbers = new Map<string, number>();
  const referenced = new Set<number>();
  const def = /^\[\^([^\]\s]+)\]:[ \t]*([^\n]*(?:\n(?: {2,}|\t)[^\n]*)*)(?:\n|$)/;
  return [
    {
      name: 'footnotes',
      level: 'block',
      tokenizer(src) {
        let rest = src;
        let raw = '';
        const items: FootnoteItem[] = [];
        for (let m = def.exec(rest); m; m = def.exec(rest)) {
          const label = m[1] ?? '';
          if (!numbers.has(label)) numbers.set(label, numbers.size + 1);
          items.push({ n: numbers.get(label)!, label, tokens: this.lexer.inlineTokens((m[2] ?? '').replace(/\n\s+/g, ' ')) });
          raw += m[0];
          rest = rest.slice(m[0].length);
          const blank = /^\n+(?=\[\^)/.exec(rest);
          if (blank) {
            raw += blank[0];
            rest = rest.slice(blank[0].length);
          }
        }
        return items.length > 0 ? { type: 'footnotes', raw, items } : undefined;
      },
      renderer(token) {
        const items = (token as unknown as { items: FootnoteItem[] }).items;
        const lis = items.map((it) => `<li id="fn-${it.n}" value="${it.n}">${this.parser.parseInline(it.tokens)}</li>`);
        return `<section class="footnotes" role="doc-endnotes"><ol>\n${lis.join('\n')}\n</ol></section>\n`;
      },
    },
    {
      name: 'footnoteRef',
      level: 'inline',
      tokenizer(src) {
        const m = /^\[\^([^\]\s]+)\](?!:)/.exec(src);
        return m ? { type: 'footnoteRef', raw: m[0], label: m[1] } : undefined;
      },
      renderer(token) {
        const n = numbers.get(String(token.label));
        if (n === undefined) return escapeHtml(token.raw);
        const id = referenced.has(n) ? '' : ` id="fnref-${n}"`;
        referenced.add(n);
        return `<sup class="fnref"><a href="#fn-${n}"${id}>${n}</a></sup>`;
      },
    },
  ];
}
