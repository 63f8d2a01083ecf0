// The text a page's content stream shows, as Skia writes it: one BT…ET block per run of
// text, a font, a text matrix, and each glyph placed with Td. Each block comes back with
// where it is in the stream, where its glyphs stand on the page, and whether it is simple
// enough to rewrite (only font, position and show operators inside).
import { Lexer, Name, Op, PdfSyntaxError, readValue, Str, type Value } from './pdf-syntax.js';

/** [a b c d e f], as in `a b c d e f cm`. */
export type Matrix = readonly [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m1 then m2. */
export function multiply(m1: Matrix, m2: Matrix): Matrix {
  const [a1, b1, c1, d1, e1, f1] = m1;
  const [a2, b2, c2, d2, e2, f2] = m2;
  return [a1 * a2 + b1 * c2, a1 * b2 + b1 * d2, c1 * a2 + d1 * c2, c1 * b2 + d1 * d2, e1 * a2 + f1 * c2 + e2, e1 * b2 + f1 * d2 + f2];
}

export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

export interface Glyph {
  /** The character code: two bytes (latin1) for the Identity-H fonts Skia writes. */
  code: string;
  /** Where it starts: text space along the baseline from `tm`'s origin. */
  x: number;
}

export interface TextBlock {
  /** Offsets of "BT" and just after "ET" in the stream. */
  start: number;
  end: number;
  /** The font's resource name, and its size. */
  font: string;
  size: number;
  /** The block's text matrix, and the transformation to the page. */
  tm: Matrix;
  ctm: Matrix;
  glyphs: Glyph[];
  /** Only Tf, Tm, Td and Tj/TJ inside, one Tm before the first glyph, no text state changed anywhere: safe to rewrite. */
  simple: boolean;
}

/** Advance of a glyph in thousandths of the font size. */
export type Widths = (font: string, code: string) => number;

const TEXT_STATE = new Set(['Tc', 'Tw', 'Tz', 'TL', 'Ts', 'T*', "'", '"']);

/**
 * Paths outside text blocks: numbers, then an operator that builds, paints or clips a path
 * (`re`, `m`, `l`, `c`, `v`, `y`, `h`, `S`, `s`, `f`, `F`, `f*`, `B`, `B*`, `b`, `b*`, `n`,
 * `W`, `W*`), as many as follow one another, each a whole word as the lexer reads it.
 * None of them changes the transformation or the text state, so `textBlocks` passes over
 * them in one match: Chromium draws a dotted line as one square per dot, and a contents
 * page's dotted leaders were 90 of its 97 KB, each token read one by one.
 */
const PATHS = /(?:[\0\t\n\f\r ]*(?:[+-]?(?:\d+\.?\d*|\.\d+)[\0\t\n\f\r ]+)*(?:re|[mlcvyhSsFn]|[fBbW]\*?)(?=[\0\t\n\f\r ()<>[\]{}/%]|$))+/y;

/** `skipPaths`: false reads every token (the tests compare the two). */
export function textBlocks(content: string, widths: Widths, skipPaths = true): TextBlock[] {
  const lexer = new Lexer(content);
  const blocks: TextBlock[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  let operands: Value[] = [];
  let block: TextBlock | undefined;
  // Text space along the block's one text matrix: where the current line starts, and the pen.
  let lineX = 0;
  let penX = 0;
  let stateTouched = false;
  const nums = () => operands.filter((v): v is number => typeof v === 'number');
  const show = (b: TextBlock, codes: string) => {
    for (let i = 0; i + 1 < codes.length; i += 2) {
      const code = codes.slice(i, i + 2);
      b.glyphs.push({ code, x: penX });
      penX += (widths(b.font, code) * b.size) / 1000;
    }
  };
  const next = () => {
    if (skipPaths && !block && operands.length === 0) {
      PATHS.lastIndex = lexer.pos;
      if (PATHS.test(content)) lexer.pos = PATHS.lastIndex;
    }
    return lexer.next();
  };
  for (let t = next(); t; t = next()) {
    if (t.kind === 'open-array' || t.kind === 'open-dict') {
      lexer.pos = t.start;
      operands.push(readValue(lexer).value);
      continue;
    }
    const v = t.value;
    if (!(v instanceof Op)) {
      operands.push(v as Value);
      continue;
    }
    const op = v.op;
    const n = nums();
    if (op === 'BI') throw new PdfSyntaxError('inline image in the content stream');
    if (op === 'q') stack.push(ctm);
    else if (op === 'Q') ctm = stack.pop() ?? IDENTITY;
    else if (op === 'cm' && n.length === 6) ctm = multiply(n as unknown as Matrix, ctm);
    else if (op === 'BT') {
      block = { start: t.start, end: t.end, font: '', size: 0, tm: IDENTITY, ctm, glyphs: [], simple: !stateTouched };
      lineX = 0;
      penX = 0;
    } else if (!block) {
      if (TEXT_STATE.has(op)) stateTouched = true;
    } else if (op === 'ET') {
      block.end = t.end;
      blocks.push(block);
      block = undefined;
    } else if (op === 'Tf' && operands[0] instanceof Name) {
      block.font = operands[0].value;
      block.size = Number(operands[1]);
    } else if (op === 'Tm' && n.length === 6) {
      if (block.glyphs.length > 0) block.simple = false;
      block.tm = n as unknown as Matrix;
      lineX = 0;
      penX = 0;
    } else if (op === 'Td' && n.length === 2) {
      if (n[1] !== 0) block.simple = false;
      lineX += n[0] ?? 0;
      penX = lineX;
    } else if (op === 'Tj' && operands[0] instanceof Str) show(block, operands[0].bytes);
    else if (op === 'TJ' && Array.isArray(operands[0])) {
      for (const part of operands[0]) {
        if (typeof part === 'number') penX -= (part * block.size) / 1000;
        else if (part instanceof Str) show(block, part.bytes);
      }
    } else {
      if (TEXT_STATE.has(op)) stateTouched = true;
      block.simple = false;
    }
    operands = [];
  }
  return blocks;
}
