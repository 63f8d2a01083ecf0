// The PDF lexer reads char codes against a table (pdf-syntax.ts); before, it read one-char
// strings against sets. This checks, on generated input full of what PDF syntax holds and
// what breaks it, that the two give the same tokens and fail with the same message at the
// same place.
import { describe, expect, it } from 'vitest';
import { Lexer, Name, Op, PdfSyntaxError, Str, type Token, type Value } from './pdf-syntax.js';

const WHITE = new Set(['\0', '\t', '\n', '\f', '\r', ' ']);
const DELIM = new Set(['(', ')', '<', '>', '[', ']', '{', '}', '/', '%']);
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };

/** The lexer as it was before it read char codes: one-char strings against sets. */
class SetLexer {
  constructor(
    readonly text: string,
    public pos = 0,
  ) {}

  next(): Token | undefined {
    const s = this.text;
    for (;;) {
      while (this.pos < s.length && WHITE.has(s[this.pos] as string)) this.pos++;
      if (s[this.pos] !== '%') break;
      while (this.pos < s.length && s[this.pos] !== '\n' && s[this.pos] !== '\r') this.pos++;
    }
    const start = this.pos;
    const c = s[start];
    if (c === undefined) return undefined;
    const tok = (kind: Token['kind'], end: number, value?: Value): Token => {
      this.pos = end;
      return { kind, value, start, end };
    };
    if (c === '[') return tok('open-array', start + 1);
    if (c === ']') return tok('close-array', start + 1);
    if (c === '<' && s[start + 1] === '<') return tok('open-dict', start + 2);
    if (c === '>' && s[start + 1] === '>') return tok('close-dict', start + 2);
    if (c === '<') {
      const end = s.indexOf('>', start);
      if (end < 0) throw new PdfSyntaxError(`unterminated hex string at ${start}`);
      const hex = s.slice(start + 1, end).replace(/\s+/g, '');
      if (!/^[0-9a-fA-F]*$/.test(hex)) throw new PdfSyntaxError(`bad hex string at ${start}`);
      return tok('value', end + 1, new Str(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex').toString('latin1'), true));
    }
    if (c === '(') return this.literal(start);
    if (c === '/') {
      let end = start + 1;
      while (end < s.length && !WHITE.has(s[end] as string) && !DELIM.has(s[end] as string)) end++;
      const raw = s.slice(start + 1, end).replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
      return tok('value', end, new Name(raw));
    }
    if (DELIM.has(c)) throw new PdfSyntaxError(`unexpected "${c}" at ${start}`);
    let end = start;
    while (end < s.length && !WHITE.has(s[end] as string) && !DELIM.has(s[end] as string)) end++;
    const word = s.slice(start, end);
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) return tok('value', end, Number(word));
    if (word === 'true' || word === 'false') return tok('value', end, word === 'true');
    if (word === 'null') return tok('value', end, null);
    return tok('value', end, new Op(word));
  }

  private literal(start: number): Token {
    const s = this.text;
    let depth = 0;
    let out = '';
    for (let i = start; i < s.length; i++) {
      const c = s[i] as string;
      if (c === '\\') {
        const n = s[++i] ?? '';
        if (n in ESCAPES) out += ESCAPES[n];
        else if (/[0-7]/.test(n)) {
          const oct = /^[0-7]{1,3}/.exec(s.slice(i, i + 3))?.[0] ?? n;
          out += String.fromCharCode(Number.parseInt(oct, 8) & 0xff);
          i += oct.length - 1;
        } else if (n === '\r') {
          if (s[i + 1] === '\n') i++;
        } else if (n !== '\n') out += n;
        continue;
      }
      if (c === '(' && depth++ > 0) out += c;
      else if (c === ')' && --depth > 0) out += c;
      else if (c === ')') {
        this.pos = i + 1;
        return { kind: 'value', value: new Str(out, false), start, end: i + 1 };
      } else if (c !== '(') out += c;
    }
    throw new PdfSyntaxError(`unterminated string at ${start}`);
  }
}

const PIECES = [
  ' ',
  '\n',
  '\r\n',
  '\t',
  '\0',
  '\f',
  '\v',
  '\xa0',
  '% note\n',
  '%',
  '[',
  ']',
  '<<',
  '>>',
  '<',
  '>',
  '(',
  ')',
  '{',
  '}',
  '/',
  '/F1',
  '/caf#C3#A9',
  '/a#2',
  '12',
  '-3.5',
  '+.5',
  '.',
  '5.',
  '1.2.3',
  '-',
  '+',
  'BT',
  'ET',
  'Tj',
  'TJ',
  'R',
  'true',
  'false',
  'null',
  '<0013>',
  '<48 65 6C6C 6F7>',
  '<4\xa08\v>',
  '<zz>',
  '<12',
  '(a \\(b\\) (c) \\101)',
  '(x\\\ny)',
  '(open',
  '\xe9',
  'q',
  'Q',
  'cm',
];

/** Every token until the end, or the error that stopped it: the same from either lexer. */
function tokens(lexer: { next(): Token | undefined }): unknown[] {
  const out: unknown[] = [];
  try {
    for (let t = lexer.next(); t; t = lexer.next()) out.push(t);
  } catch (e) {
    out.push(e instanceof PdfSyntaxError ? `error: ${e.message}` : e);
  }
  return out;
}

describe('PDF lexer', () => {
  it('gives the tokens and errors the set-based lexer gave, on 20,000 generated inputs', () => {
    let seed = 17;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; // in 32 bits: a float product would lose the low bits
      return (seed >>> 8) % n;
    };
    for (let i = 0; i < 20_000; i++) {
      const parts = Array.from({ length: 1 + random(12) }, () => PIECES[random(PIECES.length)] as string);
      const text = parts.join(random(3) === 0 ? '' : ' ');
      const from = random(4) === 0 ? random(text.length + 1) : 0;
      expect(tokens(new Lexer(text, from)), JSON.stringify(text)).toEqual(tokens(new SetLexer(text, from)));
    }
  });

  it('reads a content stream as Skia writes it', () => {
    const text = 'q 1 0 0 -1 0 792 cm\nBT\n/F4 10.5 Tf\n1 0 0 -1 54 90.25 Tm\n<00250026> Tj\n6.1 0 Td <0027> Tj\nET\nQ';
    expect(tokens(new Lexer(text)).map((t) => (t as Token).value)).toEqual(tokens(new SetLexer(text)).map((t) => (t as Token).value));
  });
});
