// The finishing steps cut copies of a big packet (finish.ts); they must give exactly what
// placing the notes, then the contents, then tidying the whole text gave.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown as md } from '../escape.js';
import { headingsOf } from '../markdown/to-html.js';
import { finishMarkdown, tidy, tidyAround } from './finish.js';
import { stripMarks } from './marks.js';
import { Placeholders } from './placeholders.js';
import type { RenderState } from './state.js';

const NUL = String.fromCharCode(0);
const UNTIDY = /(\n)(?:[ \t]*\n){2,}|[ \t]+$/gm;

/** The steps as they were: notes placed, then the contents on the whole text, then tidy. */
function before(markdown: string, state: RenderState): string {
  const block =
    state.notes.length === 0 ? '' : `## ${md(state.notesTitle)}\n\n${state.notes.map((text, i) => `[^${i + 1}]: ${text}`).join('\n')}\n`;
  const filled = state.marks.fill(markdown, 'notes', block);
  const notes = filled !== markdown ? filled : block ? `${markdown.trimEnd()}\n\n${block}` : markdown;
  const found = state.marks.find(notes, 'contents');
  let placed = notes;
  if (found) {
    const at = found.index;
    const rest = notes.slice(at + found.length);
    const head = '## Contents\n\n';
    const count = headingsOf(stripMarks(`${notes.slice(0, at)}${head}`)).length;
    const lines = headingsOf(stripMarks(`${notes.slice(0, at)}${head}${rest}`))
      .slice(count)
      .filter((h) => h.depth >= 2 && h.depth <= Number(found.arg))
      .map((h) => `${h.depth === 3 ? '   ' : ''}- [${md(h.plain)}](#${h.id})`);
    placed = `${notes.slice(0, at)}<!-- begin:contents -->\n\n${head}${lines.join('\n')}\n\n<!-- end:contents -->${rest}`;
  }
  return `${placed.replace(UNTIDY, '$1$1').trim()}\n`;
}

const stateWith = (marks: Placeholders, notes: string[]) => ({ marks, notes, notesTitle: 'Notes' }) as unknown as RenderState;

describe('finishMarkdown', () => {
  it('gives what the notes, the contents and tidy gave one after the other', () => {
    const marks = new Placeholders();
    const piece = fc.constantFrom(
      'a',
      ' ',
      '\t',
      '\n',
      '\n\n\n',
      '## Head\n',
      '### Sub\n',
      '# Top\n',
      '## Contents\n',
      '```\n',
      '<!-- c -->',
      '| a | b |\n|:--|:--|\n| 1 | 2 |\n',
      `${NUL}R1${NUL}`,
      `${NUL}/R${NUL}`,
      `${NUL}contents:`,
      marks.mark('notes'),
      marks.mark('contents', '2'),
      marks.mark('contents', '3'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), fc.array(fc.constantFrom('one', 'two ', 'x'), { maxLength: 3 }), (pieces, notes) => {
        const text = pieces.join('');
        const state = stateWith(marks, notes);
        expect(finishMarkdown(() => text, state)).toBe(before(text, state));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('tidy', () => {
  it('gives what dropping blanks at line ends, then making three or more newlines two, gives', () => {
    const twoPasses = (md: string) =>
      `${md
        .replace(/[ \t]+$/gm, '')
        .replace(/\n{3,}/g, '\n\n')
        .trim()}\n`;
    const unit = fc.constantFrom(' ', '\t', '\n', '\r', 'a', '\u2028', '\u00a0', '#');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), (md) => {
        expect(tidy(md)).toBe(twoPasses(md));
      }),
      { numRuns: 5000 },
    );
  });

  it('tidies a text around a block apart as it tidies the whole', () => {
    const unit = fc.constantFrom(' ', '\t', '\n', '\r', 'a', '\u2028', '\u00a0', '<', '>');
    const text = fc.string({ unit, maxLength: 20 });
    fc.assert(
      fc.property(text, text, text, (a, block, b) => {
        expect(tidyAround(a, block, b)).toBe(tidy(`${a}${block}${b}`));
      }),
      { numRuns: 5000 },
    );
  });
});
