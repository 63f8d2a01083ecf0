// Markdown → HTML body with a private Marked instance per document (never the global
// one). GFM tables, footnotes (our own small extension), GitHub-style heading ids, and
// safety: raw HTML comes out as visible text, links are http(s) or #anchors only, images
// are dropped to their alt text. The only HTML the Markdown may ask for are our layout
// markers: `<!-- begin:NAME -->` / `<!-- end:NAME -->` and `<!-- pagebreak -->`.
import { Marked, type RendererObject, type Token, type TokenizerAndRendererExtension, type Tokens } from 'marked';
import { escapeHtml } from './escape.js';

export interface Heading {
  depth: number;
  /** The heading's Markdown source. */
  text: string;
  /** Plain text, as shown. */
  plain: string;
  id: string;
}

/**
 * GitHub's anchor ids ("Who's who" → "whos-who", repeats get -1, -2…), so .md links work on
 * GitHub too; only headings longer than 80 characters differ (cut short for PDF names).
 */
export class Slugger {
  private readonly seen = new Map<string, number>();

  slug(text: string): string {
    const full = text
      .toLowerCase()
      .trim()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    // PDF names (bookmark and link targets) may not exceed 127 bytes; long question headings would.
    const base = (full.length > 80 ? full.slice(0, 80).replace(/-[^-]*$/, '') : full) || 'section';
    let id = base;
    let n = this.seen.get(base);
    if (n === undefined) {
      this.seen.set(base, 0);
    } else {
      do {
        n++;
        id = `${base}-${n}`;
      } while (this.seen.has(id));
      this.seen.set(base, n);
      this.seen.set(id, 0);
    }
    return id;
  }
}

/** The text a reader sees in inline tokens (escapes resolved, markup and footnote marks dropped). */
export function plainText(tokens: readonly Token[] | undefined): string {
  return (tokens ?? [])
    .map((t) => {
      if (t.type === 'footnoteRef') return '';
      if ('tokens' in t && Array.isArray(t.tokens) && t.type !== 'text') return plainText(t.tokens as Token[]);
      if (t.type === 'text' && 'tokens' in t && Array.isArray(t.tokens)) return plainText(t.tokens as Token[]);
      return 'text' in t ? decodeEntities(String(t.text)) : '';
    })
    .join('');
}

function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? _);
}

const REGION = /^<!--\s*(begin|end):([a-z][a-z0-9-]*)\s*-->$/;
const COMMENT = /^<!--(?:(?!-->)[\s\S])*-->$/;

export function safeHref(href: string): string | undefined {
  if (/^#[\w-]+$/.test(href)) return href;
  if (/^https?:\/\//i.test(href) && URL.canParse(href)) return new URL(href).href;
  return undefined;
}

function footnotes(): TokenizerAndRendererExtension[] {
  const numbers = new Map<string, number>();
  const referenced = new Set<number>();
  const def = /^\[\^([^\]\s]+)\]:[ \t]*([^\n]*(?:\n(?: {2,}|\t)[^\n]*)*)(?:\n|$)/;
  return [
    {
      name: 'footnotes',
      level: 'block',
      start: (src) => src.match(/^\[\^[^\]\s]+\]:/m)?.index,
      tokenizer(src) {
        let rest = src;
        let raw = '';
        const items: { n: number; tokens: Token[] }[] = [];
        for (let m = def.exec(rest); m; m = def.exec(rest)) {
          const label = m[1] ?? '';
          if (!numbers.has(label)) numbers.set(label, numbers.size + 1);
          items.push({ n: numbers.get(label)!, tokens: this.lexer.inlineTokens((m[2] ?? '').replace(/\n\s+/g, ' ')) });
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
        const items = (token as unknown as { items: { n: number; tokens: Token[] }[] }).items;
        const lis = items.map((it) => `<li id="fn-${it.n}" value="${it.n}">${this.parser.parseInline(it.tokens)}</li>`);
        return `<section class="footnotes" role="doc-endnotes"><ol>\n${lis.join('\n')}\n</ol></section>\n`;
      },
    },
    {
      name: 'footnoteRef',
      level: 'inline',
      start: (src) => {
        const i = src.indexOf('[^');
        return i < 0 ? undefined : i;
      },
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

function renderer(slugger: Slugger): RendererObject {
  return {
    heading({ tokens, depth }) {
      const id = slugger.slug(plainText(tokens));
      return `<h${depth} id="${id}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
    },
    html(token: Tokens.HTML | Tokens.Tag) {
      const text = token.text.trim();
      const region = REGION.exec(text);
      if (region) {
        const [, edge, name] = region;
        const tag = name === 'contents' ? 'nav' : 'section';
        return edge === 'begin' ? `<${tag} class="${name}">\n` : `</${tag}>\n`;
      }
      if (/^<!--\s*pagebreak\s*-->$/.test(text)) return '<div class="page-break"></div>\n';
      if (COMMENT.test(text)) return '';
      // Anything else is shown, not interpreted.
      return 'block' in token && token.block ? `<p class="raw-html">${escapeHtml(token.text)}</p>\n` : escapeHtml(token.text);
    },
    link({ href, tokens }) {
      const inner = this.parser.parseInline(tokens);
      const safe = safeHref(href);
      return safe ? `<a href="${escapeHtml(safe)}">${inner}</a>` : inner;
    },
    image({ text }) {
      return escapeHtml(text);
    },
  };
}

function createMarked(slugger: Slugger): Marked {
  const marked = new Marked({ gfm: true, breaks: false, async: false });
  marked.use({ extensions: footnotes(), renderer: renderer(slugger) });
  return marked;
}

export function markdownToHtml(markdown: string): string {
  const html = createMarked(new Slugger()).parse(markdown, { async: false });
  // Adjacent note marks read "1,2", not "12".
  return html.replace(/<\/sup><sup class="fnref">/g, '</sup><sup class="fnref-sep">,</sup><sup class="fnref">');
}

/** Every heading in document order, with the id the HTML will give it. */
export function headingsOf(markdown: string): Heading[] {
  const slugger = new Slugger();
  const marked = createMarked(slugger);
  const out: Heading[] = [];
  marked.walkTokens(marked.lexer(markdown), (t) => {
    if (t.type === 'heading') {
      const plain = plainText(t.tokens);
      out.push({ depth: t.depth, text: t.text, plain, id: slugger.slug(plain) });
    }
  });
  return out;
}
