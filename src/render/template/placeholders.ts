// Placeholders: marks a helper leaves in the Markdown where something is filled in once the
// whole template has run ({{contents}} needs every heading after it, {{notes}} every note
// cited). This file is the one place marks are made and found.
//
// A mark is NUL, its name and argument, a nonce drawn for this render, NUL. Fact text
// cannot carry one (escapeMarkdown drops control characters, and a Text has no unescaped
// path into the output), and template text cannot guess the nonce: no input can forge a
// contents list or notes block, or move one. NULs left over (typed into a template) are
// dropped from the finished Markdown.
import { randomBytes } from 'node:crypto';

const NUL = String.fromCharCode(0);

export class Placeholders {
  private readonly nonce = randomBytes(12).toString('base64url');

  /** The mark for `name` (with an optional argument, e.g. the contents depth). */
  mark(name: string, arg = ''): string {
    return `${NUL}${name}:${arg}:${this.nonce}${NUL}`;
  }

  /** The first mark of `name` in `text`: where it is, how long, and its argument. */
  find(text: string, name: string): { index: number; length: number; arg: string } | undefined {
    const head = `${NUL}${name}:`;
    for (let at = text.indexOf(head); at >= 0; at = text.indexOf(head, at + 1)) {
      const end = text.indexOf(NUL, at + 1);
      const [arg, nonce] = text.slice(at + head.length, end).split(':');
      if (end > at && nonce === this.nonce) return { index: at, length: end + 1 - at, arg: arg ?? '' };
    }
    return undefined;
  }

  /**
   * `text` with every mark of `name` replaced by `value`. Pieces of the text joined, not
   * split and joined: a packet of megabytes is then copied once, when it is next read whole.
   */
  fill(text: string, name: string, value: string): string {
    return replaceAll(text, this.mark(name), value);
  }
}

/** The finished Markdown: any NUL a template typed is dropped (no mark is left by then). */
export const withoutMarks = (text: string) => replaceAll(text, NUL, '');

/** `text` itself when `what` is not in it (no copy), else its pieces around each `what` joined by `by`. */
function replaceAll(text: string, what: string, by: string): string {
  let at = text.indexOf(what);
  if (at < 0) return text;
  let out = '';
  let from = 0;
  for (; at >= 0; at = text.indexOf(what, from)) {
    out += text.slice(from, at) + by;
    from = at + what.length;
  }
  return out + text.slice(from);
}
