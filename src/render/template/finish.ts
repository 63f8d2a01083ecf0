// The finished Markdown of a render: the notes and the contents list put in place of their
// marks (placeholders.ts), then tidied. A briefing book at 50,000 facts is 2.2 MB of
// two-byte text, 4.5 MB a copy, and every copy still held when the young generation is
// collected moves to the old generation, where only a full collection frees it: those
// copies were most of a big build's peak memory. So the text is copied as few times as
// the steps allow — once flat after the template, once for the contents' lex, once
// tidied, once finished — and nothing holds a copy after the next is made.
import { escapeMarkdown as md } from '../escape.js';
import { headingsOf } from '../markdown/to-html.js';
import { stripMarks } from './marks.js';
import type { RenderState } from './state.js';

const CONTENTS_HEAD = '## Contents\n\n';
/** tidy's one pass: blanks at line ends dropped, runs of three or more newlines made two. */
const UNTIDY = /(\n)(?:[ \t]*\n){2,}|[ \t]+$/gm;

/** The template's output (from `render`) with its notes and contents placed, tidied; any NUL is still in it. */
export function finishMarkdown(render: () => string, state: RenderState): string {
  // Taken from `render`, not passed in: a caller's variable would hold the template's copy to the end.
  let markdown: string | undefined = render();
  const found = state.marks.find(markdown, 'contents');
  if (!found) return tidy(placeNotes(markdown, state));
  const { lexed, at } = withContentsHead(markdown, found.index, found.length, state);
  markdown = undefined; // `lexed` holds all of it now
  const rest = at + CONTENTS_HEAD.length;
  const before = headingsOf(stripMarks(lexed.slice(0, rest))).length;
  const lines = headingsOf(stripMarks(lexed))
    .slice(before)
    .filter((h) => h.depth >= 2 && h.depth <= Number(found.arg))
    .map((h) => `${h.depth === 3 ? '   ' : ''}- [${md(h.plain)}](#${h.id})`);
  const block = `<!-- begin:contents -->\n\n${CONTENTS_HEAD}${lines.join('\n')}\n\n<!-- end:contents -->`;
  return tidyAround(lexed.slice(0, at), block, lexed.slice(rest));
}

/**
 * The text the contents list is read from: the notes placed, and the contents heading where
 * the mark was. Each side of the mark gets its notes apart (no mark spans another, and no
 * block placed holds a NUL, so the marks found are those the whole text would show); the
 * sides are joined in one flat copy, from which the finished text is then cut, so the
 * template's own copy can go. Revision marks (tracked Markdown) stay in it, as before.
 */
function withContentsHead(markdown: string, index: number, length: number, state: RenderState): { lexed: string; at: number } {
  const notes = notesBlock(state);
  const prefix = markdown.slice(0, index);
  const head = state.marks.fill(prefix, 'notes', notes);
  const tail = markdown.slice(index + length);
  const filledTail = state.marks.fill(tail, 'notes', notes);
  const none = filledTail === tail && head === prefix;
  const after = none && notes ? `${tail.trimEnd()}\n\n${notes}` : filledTail;
  const lexed = `${head}${CONTENTS_HEAD}${after}`;
  // Read whole here, so it is flattened now and holds no slice of the template's copy.
  lexed.indexOf('\u0000');
  return { lexed, at: head.length };
}

function notesBlock(state: RenderState): string {
  return state.notes.length === 0
    ? ''
    : `## ${md(state.notesTitle)}\n\n${state.notes.map((text, i) => `[^${i + 1}]: ${text}`).join('\n')}\n`;
}

function placeNotes(markdown: string, state: RenderState): string {
  const block = notesBlock(state);
  const filled = state.marks.fill(markdown, 'notes', block);
  if (filled !== markdown) return filled;
  return block ? `${markdown.trimEnd()}\n\n${block}` : markdown;
}

/**
 * Blanks at line ends dropped, then runs of three or more newlines made two, in one pass
 * (`m`: no array of lines): a run of newlines with only blanks between them is such a run
 * once the blanks are gone (render-markdown.test.ts checks it against the two passes).
 */
export function tidy(markdown: string): string {
  return ended(markdown.replace(UNTIDY, '$1$1').trimStart());
}

/**
 * tidy(before + block + after), each piece tidied alone: `block` begins and ends with a
 * character that is neither a blank nor a line break, so no run the expression matches
 * crosses it, and trimming stops at it. Only blanks ending `before` would differ (alone,
 * they end the text, where `$` matches): then the whole is tidied.
 */
export function tidyAround(before: string, block: string, after: string): string {
  if (/[ \t]$/.test(before) || !/^[^\s][\s\S]*[^\s]$/.test(block)) return tidy(`${before}${block}${after}`);
  return `${before.replace(UNTIDY, '$1$1').trimStart()}${block.replace(UNTIDY, '$1$1')}${ended(after.replace(UNTIDY, '$1$1'))}`;
}

/** The text trimmed at its end and closed by one newline; itself (no copy) when it already is. */
function ended(text: string): string {
  return /\S\n$/.test(text) ? text : `${text.trimEnd()}\n`;
}
