// textBlocks passes over runs of path operators outside text blocks in one match
// (content-text.ts, PATHS). On generated content streams full of what Skia writes and of
// words that look like path operators but are not, the blocks must be exactly those read
// token by token.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textBlocks } from './content-text.js';

const widths = (font: string, code: string) => (font.length * 7 + code.charCodeAt(1)) % 900;

const num = fc.oneof(
  fc.integer({ min: -5000, max: 5000 }).map(String),
  fc.double({ min: -5000, max: 5000, noNaN: true }).map((n) => n.toFixed(3)),
  fc.constantFrom('.5', '-.25', '3.', '+1', '0', '1.2.3', '12a'),
);
const nums = (n: number) => fc.array(num, { minLength: n, maxLength: n }).map((a) => a.join(' '));
const space = fc.constantFrom(' ', '\n', '\r\n', '  \n', '\t', ' % a comment\n');
const outside = fc.oneof(
  nums(4).map((n) => `${n} re\nf`),
  nums(2).map((n) => `${n} m`),
  nums(2).map((n) => `${n} l`),
  nums(6).map((n) => `${n} c`),
  fc.constantFrom('h', 'S', 's', 'f*', 'F', 'B', 'B*', 'b', 'b*', 'n', 'W n', 'W* n', 're', 'f'),
  nums(6).map((n) => `${n} cm`),
  fc.constantFrom('q', 'Q', '/G3 gs', '/H2 <</MCID 3 >>BDC', 'EMC', '.1 .2 .3 rg', '1 w', '[2 2] 0 d', '0.5 Tc', '2 Tw'),
  // Words a path operator starts, which are not one.
  fc.constantFrom('/P0 sh', '/Cs1 cs', '1 sc', '/RelativeColorimetric ri', 'null', 'true', 'BDCx', 'rex', 'fx', '1 0 0 1 0 0 cmx'),
);
const inside = fc.oneof(
  fc.tuple(fc.constantFrom('F1', 'F5', 'Font#20X'), num).map(([f, s]) => `/${f} ${s} Tf`),
  nums(6).map((n) => `${n} Tm`),
  nums(2).map((n) => `${n} Td`),
  fc.array(fc.constantFrom(...'0123456789ABCDEF'), { maxLength: 12 }).map((h) => `<${h.join('')}> Tj`),
  fc.constantFrom('[<0037> -120 <004B>] TJ', '(a\\) b) Tj', '0 Tc', 'T*', '1 0 0 1 5 5 re'),
);
const block = fc.array(inside, { maxLength: 8 }).map((ops) => `BT\n${ops.join('\n')}\nET`);
const stream = fc
  .array(fc.tuple(fc.oneof({ weight: 3, arbitrary: outside }, { weight: 1, arbitrary: block }), space), { maxLength: 40 })
  .map((parts) => parts.map(([op, sep]) => op + sep).join(''));

describe('textBlocks', () => {
  it('finds the same blocks passing over paths as reading every token', () => {
    fc.assert(
      fc.property(stream, (content) => {
        let fast: unknown;
        let slow: unknown;
        try {
          fast = textBlocks(content, widths);
        } catch (e) {
          fast = String(e);
        }
        try {
          slow = textBlocks(content, widths, false);
        } catch (e) {
          slow = String(e);
        }
        expect(fast).toEqual(slow);
      }),
      { numRuns: 3000 },
    );
  });

  it('passes over a page of dotted leaders, and keeps what comes after them', () => {
    const dots = Array.from({ length: 500 }, (_, i) => `${i * 3} 939 1 1 re\nf`).join('\n');
    const content = `q\n2 0 0 2 10 20 cm\n${dots}\nBT\n/F5 18 Tf\n1 0 0 -1 0 931 Tm\n<0026> Tj\n4 0 Td <0052> Tj\nET\nQ\n${dots}\n`;
    const [b] = textBlocks(content, widths);
    expect(textBlocks(content, widths)).toEqual(textBlocks(content, widths, false));
    expect(b?.ctm).toEqual([2, 0, 0, 2, 10, 20]);
    expect(b?.glyphs.map((g) => g.code)).toEqual(['\u0000&', '\u0000R']);
    expect(b?.start).toBe(content.indexOf('BT'));
  });
});
