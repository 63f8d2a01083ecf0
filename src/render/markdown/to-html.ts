// Markdown → HTML body with a private Marked instance per document (never the global
// one). GFM tables, footnotes (our own small extension), GitHub-style heading ids, and
// safety: raw HTML comes out as visible text, links are http(s) or #anchors only, images
// are dropped to their alt text. The only HTML the Markdown may ask for are our layout
// markers: `<!-- begin:NAME -->` / `<!-- end:NAME -->` and `<!-- pagebreak -->`.
import { Lexer, Marked, type RendererObject, type Token, type TokenizerAndRendererExtension, type Tokens } from 'marked';
import { decodeEntities, escapeHtml } from '../escape.js';
import { footnotes } from './footnotes.js';
import { headingTables } from './heading-tables.js';
import { linearText } from './linear-text.js';
import { Slugger } from './slugger.js';

export interface Heading {
  depth: number;
  /** The heading's Markdown source. */
  text: string;
  /** Plain text, as shown. */
  plain: string;
  id: string;
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

const REGION = /^<!--\s*(begin|end):([a-z][a-z0-9-]*)\s*-->$/;
const COMMENT = /^<!--(?:(?!-->)[\s\S])*-->$/;

export function safeHref(href: string): string | undefined {
  if (/^#[\w-]+$/.test(href)) return href;
  if (/^https?:\/\//i.test(href) && URL.canParse(href)) return new URL(href).href;
  return undefined;
}

function renderer(slugger: Slugger, headings?: string[]): RendererObject {
  return {
    heading({ tokens, depth }) {
      const plain = plainText(tokens);
      headings?.push(plain);
      const id = slugger.slug(plain);
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

function createMarked(slugger: Slugger, headings?: string[]): Marked {
  const marked = new Marked({ gfm: true, breaks: false, async: false });
  marked.use({ extensions: footnotes(), renderer: renderer(slugger, headings), tokenizer: linearText });
  return marked;
}

/**
 * The tokens of a packet's Markdown as the HTML is made from them (GFM, our footnotes),
 * plus `extensions`, for writers that lay them out themselves (Word).
 */
export function lexMarkdown(markdown: string, extensions: TokenizerAndRendererExtension[] = []): Token[] {
  const marked = new Marked({ gfm: true, breaks: false, async: false });
  marked.use({ extensions: [...footnotes(), ...extensions] });
  return marked.lexer(markdown);
}

/** The HTML body; `headings`, when given, gets each heading's plain text in document order (as headingsOf gives them). */
export function markdownToHtml(markdown: string, headings?: string[]): string {
  const html = createMarked(new Slugger(), headings).parse(markdown, { async: false });
  // Adjacent note marks read "1,2", not "12".
  return html.replace(/<\/sup><sup class="fnref">/g, '</sup><sup class="fnref-sep">,</sup><sup class="fnref">');
}

/** Every heading in document order, with the id the HTML will give it. */
export function headingsOf(markdown: string): Heading[] {
  const slugger = new Slugger();
  const out: Heading[] = [];
  for (const t of headingTokens(markdown)) {
    const plain = plainText(t.tokens);
    out.push({ depth: t.depth, text: t.text, plain, id: slugger.slug(plain) });
  }
  return out;
}

let lexing: Marked | undefined;
let blockLexing: Marked | undefined;

/**
 * The heading tokens, each with its inline tokens, as a full lex gives them, at a fraction
 * of the cost: only the headings' text is lexed inline, not every paragraph and table cell.
 * Inline lexing depends on nothing but its own text, the link definitions (found by the
 * block pass) and whether an `<a …>` tag is still open: where the document has one, it
 * is lexed whole.
 */
function headingTokens(markdown: string): Tokens.Heading[] {
  lexing ??= createMarked(new Slugger());
  const found: Tokens.Heading[] = [];
  if (/<a\s/i.test(markdown)) {
    lexing.walkTokens(lexing.lexer(markdown), (t) => void (t.type === 'heading' && found.push(t as Tokens.Heading)));
    return found;
  }
  // The block pass alone (no table cell is lexed inline here): tables without their rows.
  blockLexing ??= createMarked(new Slugger()).use({ tokenizer: headingTables });
  const lexer = new Lexer(blockLexing.defaults);
  lexing.walkTokens(
    lexer.blockTokens(markdown.replace(/\r\n?/g, '\n')),
    (t) => void (t.type === 'heading' && found.push(t as Tokens.Heading)),
  );
  const wanted = new Set(found.map((t) => t.tokens));
  for (const q of lexer.inlineQueue) {
    if (!wanted.has(q.tokens)) continue;
    lexer.state.inRawBlock = false;
    lexer.inlineTokens(q.src, q.tokens);
  }
  return found;
}
