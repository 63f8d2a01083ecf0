// Rendering time linear in the text, whatever the text is. marked's GFM text rule looks
// ahead at the start of every run of plain text for an e-mail address (`[a-z0-9.!#…-]+@`)
// and stops before every "http"; both lookaheads scan to the end of a run of such
// characters, and the url tokenizer does the same at each "http". Text made of many short
// runs — 200,000 "!" or "http" repeated — took quadratic time (38 s for one fact).
//
// Packets never need bare URLs or e-mail addresses turned into links: links are written
// [title](url) (fact text escapes `://`, `www.` and `@` anyway). So GFM's bare-URL
// autolinks are off, and plain text uses CommonMark's rule plus GFM's `~` stops, which
// never look past the end of the run they match.
import type { TokenizerObject } from 'marked';

/** CommonMark's inline text rule with GFM's strikethrough (`~`) as a stop character. */
export const LINEAR_TEXT = /^(`+|~+|[^`~])(?:(?=[`~])|(?= {2,}\n)|[\s\S]*?(?:(?=[\\<[`*~_]|!\[|\b_|$)|[^ ](?= {2,}\n)))/;

export const linearText: TokenizerObject = {
  inlineText(this, _src) {
    // marked's lexer gives each document its own `rules` object; swapping in the linear rule
    // there (not in marked's shared tables) and returning false runs marked's own
    // inlineText, which also decodes numeric character references as before.
    if (this.rules.inline.text !== LINEAR_TEXT) this.rules.inline = { ...this.rules.inline, text: LINEAR_TEXT };
    return false;
  },
  url: () => undefined,
};
