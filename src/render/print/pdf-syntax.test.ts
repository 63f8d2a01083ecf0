// The PDF object syntax as Chromium writes it and as the spec allows it: strings with
// escapes and nested parentheses, hex strings, escaped names, references in arrays and
// dictionaries, and text strings in and out.
import { describe, expect, it } from 'vitest';
import { decodeText, Lexer, Name, num, Op, PdfSyntaxError, Ref, readValue, Str, textString, valueSpan } from './pdf-syntax.js';

const read = (text: string) => readValue(new Lexer(text)).value;

describe('PDF syntax', () => {
  it('reads literal strings: escapes, octal, nested parentheses, line continuations', () => {
    expect(read('(a \\(b\\) (c) \\\\ \\101\\0621\\n)')).toEqual(new Str('a (b) (c) \\ A21\n', false));
    expect(read('(one\\\ntwo)')).toEqual(new Str('onetwo', false));
  });

  it('reads hex strings (spaces ignored, an odd digit padded) and names with #xx escapes', () => {
    expect(read('<48 65 6C6C 6F7>')).toEqual(new Str('Hellop', true));
    expect(read('/caf#C3#A9')).toEqual(new Name('caf\xc3\xa9'));
  });

  it('reads dictionaries and arrays with references in them, and keeps numbers that are not references', () => {
    const value = read('<</Type /Page /Parent 3 0 R /Kids [4 0 R 5 0 R] /Box [0 0 612 792] /N -1.5 /Ok true /No null>>');
    expect(value).toEqual(
      new Map<string, unknown>([
        ['Type', new Name('Page')],
        ['Parent', new Ref(3, 0)],
        ['Kids', [new Ref(4, 0), new Ref(5, 0)]],
        ['Box', [0, 0, 612, 792]],
        ['N', -1.5],
        ['Ok', true],
        ['No', null],
      ]),
    );
  });

  it('reads content-stream operators as operators, comments skipped', () => {
    const lexer = new Lexer('BT % a comment\n/F1 12 Tf <0013> Tj ET');
    const ops: unknown[] = [];
    for (let t = lexer.next(); t; t = lexer.next()) ops.push(t.value);
    expect(ops).toEqual([new Op('BT'), new Name('F1'), 12, new Op('Tf'), new Str('\x00\x13', true), new Op('Tj'), new Op('ET')]);
  });

  it('finds where a key’s value is, to replace it in the text', () => {
    const text = '<</Title (Against\\nAlibaba)\n/Dest [2 0 R /XYZ 54 573 0]\n/Next 9 0 R>>';
    const span = valueSpan(text, 'Title');
    expect(span && text.slice(span.start, span.end)).toBe('(Against\\nAlibaba)');
    const next = valueSpan(text, 'Next');
    expect(next && text.slice(next.start, next.end)).toBe('9 0 R');
    expect(valueSpan(text, 'Missing')).toBeUndefined();
  });

  it('refuses what is broken, with where', () => {
    expect(() => read('(never closed')).toThrow(PdfSyntaxError);
    expect(() => read('<</A 1 /B')).toThrow(PdfSyntaxError);
    expect(() => read('<zz>')).toThrow(/bad hex string at 0/);
  });

  it('decodes and writes text strings: PDFDocEncoding, UTF-16 with a byte-order mark', () => {
    expect(decodeText(new Str('Who\x90s who \x84 A', false))).toBe('Who’s who — A');
    expect(decodeText(new Str('\xfe\xff\x00C\x00a\x00f\x00\xe9', true))).toBe('Café');
    expect(textString('Plain (ASCII) \\ text')).toBe('(Plain \\(ASCII\\) \\\\ text)');
    expect(textString('Who’s who')).toBe('<FEFF00570068006F20190073002000770068006F>');
    expect(decodeText(read(textString('Who’s who — 2026')) as Str)).toBe('Who’s who — 2026');
  });

  it('writes numbers without exponents or trailing zeros', () => {
    expect([num(664.671875), num(-0.00001), num(14.6599998), num(1e-7), num(3)]).toEqual(['664.6719', '0', '14.66', '0', '3']);
  });
});
