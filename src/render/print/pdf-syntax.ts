// The PDF object syntax (ISO 32000 §7.3), just enough to read and patch the files
// Chromium prints: a lexer that keeps each token's position (so a value can be replaced
// in the text it came from), values, and a writer for the few values we add. Text is
// handled as latin1 strings, one char per byte, so positions are byte offsets.

export class Name {
  constructor(readonly value: string) {}
}

export class Str {
  /** `bytes`: one char per byte (latin1). */
  constructor(
    readonly bytes: string,
    readonly hex: boolean,
  ) {}
}

export class Ref {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}

/** A content-stream operator (`Tj`, `cm`…) or any other bare keyword. */
export class Op {
  constructor(readonly op: string) {}
}

export type Value = null | boolean | number | Name | Str | Ref | Op | Value[] | Dict;
export type Dict = Map<string, Value>;

export interface Token {
  kind: 'value' | 'open-array' | 'close-array' | 'open-dict' | 'close-dict';
  value?: Value;
  start: number;
  end: number;
}

// White space, delimiters and words (ISO 32000 §7.2.2), scanned by sticky regular
// expressions: a contents page's content stream is ~100 KB of tokens, read once per build
// on its critical path, in code not yet optimised, where a native regular expression is
// far quicker than a loop over characters.
const SKIP = /(?:[\0\t\n\f\r ]+|%[^\r\n]*)*/y; // white space and comments
const WORD = /[^\0\t\n\f\r ()<>[\]{}/%]*/y; // the rest of a name or bare word
const DELIMS = '()<>[]{}/%';
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };

export class PdfSyntaxError extends Error {}

/** Tokens of `text` from `pos`, one at a time. */
export class Lexer {
  constructor(
    readonly text: string,
    public pos = 0,
  ) {}

  next(): Token | undefined {
    const s = this.text;
    SKIP.lastIndex = this.pos;
    SKIP.test(s);
    this.pos = SKIP.lastIndex;
    const start = this.pos;
    if (start >= s.length) return undefined;
    const c = s[start] as string;
    if (c === '[') return this.token('open-array', start, start + 1);
    if (c === ']') return this.token('close-array', start, start + 1);
    if (c === '<' && s[start + 1] === '<') return this.token('open-dict', start, start + 2);
    if (c === '>' && s[start + 1] === '>') return this.token('close-dict', start, start + 2);
    if (c === '<') {
      const end = s.indexOf('>', start);
      if (end < 0) throw new PdfSyntaxError(`unterminated hex string at ${start}`);
      const hex = s.slice(start + 1, end).replace(/\s+/g, '');
      if (!/^[0-9a-fA-F]*$/.test(hex)) throw new PdfSyntaxError(`bad hex string at ${start}`);
      return this.token('value', start, end + 1, new Str(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex').toString('latin1'), true));
    }
    if (c === '(') return this.literal(start);
    const end = wordEnd(s, start + 1);
    if (c === '/') {
      const raw = s.slice(start + 1, end);
      const name = raw.includes('#')
        ? raw.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)))
        : raw;
      return this.token('value', start, end, new Name(name));
    }
    if (DELIMS.includes(c)) throw new PdfSyntaxError(`unexpected "${c}" at ${start}`);
    const word = s.slice(start, end);
    if (NUMBER.test(word)) return this.token('value', start, end, Number(word));
    if (word === 'true' || word === 'false') return this.token('value', start, end, word === 'true');
    if (word === 'null') return this.token('value', start, end, null);
    return this.token('value', start, end, new Op(word));
  }

  private token(kind: Token['kind'], start: number, end: number, value?: Value): Token {
    this.pos = end;
    return { kind, value, start, end };
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

/** Where a name or bare word starting before `from` ends: at white space, a delimiter or the end. */
function wordEnd(s: string, from: number): number {
  WORD.lastIndex = from;
  WORD.test(s);
  return WORD.lastIndex;
}

/** One value (a dict or array whole, `n g R` as a Ref) from the lexer; its span in `text`. */
export function readValue(lexer: Lexer): { value: Value; start: number; end: number } {
  const first = lexer.next();
  if (!first) throw new PdfSyntaxError('unexpected end of data');
  return { value: valueFrom(first, lexer), start: first.start, end: lexer.pos };
}

function valueFrom(t: Token, lexer: Lexer): Value {
  if (t.kind === 'open-array') {
    const items: Value[] = [];
    for (let n = lexer.next(); n?.kind !== 'close-array'; n = lexer.next()) {
      if (!n) throw new PdfSyntaxError(`unterminated array at ${t.start}`);
      items.push(valueFrom(n, lexer));
    }
    return refsIn(items);
  }
  if (t.kind === 'open-dict') {
    const dict: Dict = new Map();
    for (let k = lexer.next(); k?.kind !== 'close-dict'; k = lexer.next()) {
      if (!(k?.value instanceof Name)) throw new PdfSyntaxError(`expected a name in the dictionary at ${k?.start ?? t.start}`);
      dict.set(k.value.value, readRefOrValue(lexer));
    }
    return dict;
  }
  if (t.kind !== 'value') throw new PdfSyntaxError(`unexpected token at ${t.start}`);
  return t.value as Value;
}

/** A dictionary value: `n g R` is one value there. */
function readRefOrValue(lexer: Lexer): Value {
  const { value } = readValue(lexer);
  if (typeof value !== 'number' || !Number.isInteger(value)) return value;
  const saved = lexer.pos;
  const gen = lexer.next();
  const r = gen?.kind === 'value' && typeof gen.value === 'number' ? lexer.next() : undefined;
  if (r?.value instanceof Op && r.value.op === 'R') return new Ref(value, gen?.value as number);
  lexer.pos = saved;
  return value;
}

/** In an array, `n g R` came in as three items: fold them into Refs. */
function refsIn(items: Value[]): Value[] {
  const out: Value[] = [];
  for (let i = 0; i < items.length; i++) {
    const [a, b, c] = [items[i], items[i + 1], items[i + 2]];
    if (typeof a === 'number' && typeof b === 'number' && c instanceof Op && c.op === 'R') {
      out.push(new Ref(a, b));
      i += 2;
    } else out.push(a as Value);
  }
  return out;
}

/** Where `key`'s value sits in a dictionary's text (the first dictionary at `from`). */
export function valueSpan(text: string, key: string, from = 0): { start: number; end: number; value: Value } | undefined {
  const lexer = new Lexer(text, from);
  const open = lexer.next();
  if (open?.kind !== 'open-dict') return undefined;
  for (let k = lexer.next(); k && k.kind !== 'close-dict'; k = lexer.next()) {
    const start = lexer.pos;
    const value = readRefOrValue(lexer);
    if (k.value instanceof Name && k.value.value === key) return { start: start + leadingSpace(text, start), end: lexer.pos, value };
  }
  return undefined;
}

function leadingSpace(text: string, at: number): number {
  let n = 0;
  while ('\0\t\n\f\r '.includes(text[at + n] ?? 'x')) n++;
  return n;
}

/** The text a PDF text string holds: UTF-16BE with a byte-order mark, UTF-8 with one, or PDFDocEncoding. */
export function decodeText(s: Str): string {
  const b = s.bytes;
  if (b.startsWith('\xfe\xff')) return Buffer.from(b.slice(2), 'latin1').swap16().toString('utf16le');
  if (b.startsWith('\xef\xbb\xbf')) return Buffer.from(b.slice(3), 'latin1').toString('utf8');
  return [...b].map((c) => PDF_DOC[c.charCodeAt(0)] ?? c).join('');
}

// Where PDFDocEncoding differs from latin1 (ISO 32000 Annex D).
const PDF_DOC: Record<number, string> = Object.fromEntries(
  [
    [0x18, '˘ˇˆ˙˝˛˚˜'],
    [0x80, '•†‡…—–ƒ⁄‹›−‰„“”‘’‚™ﬁﬂŁŒŠŸŽıłœšž\ufffd'],
    [0xa0, '€'],
  ].flatMap(([at, chars]) => [...(chars as string)].map((c, i) => [(at as number) + i, c])),
);

/** A PDF text string for `text`: a literal when it is printable ASCII, else UTF-16BE with a byte-order mark. */
export function textString(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return `(${text.replace(/[()\\]/g, '\\$&')})`;
  const utf16 = Buffer.from(text, 'utf16le').swap16();
  return `<FEFF${utf16.toString('hex').toUpperCase()}>`;
}

/** A number as PDF writes it: no exponent, at most four decimals, no trailing zeros. */
export function num(n: number): string {
  const s = (Math.round(n * 10_000) / 10_000).toFixed(4).replace(/\.?0+$/, '');
  return s === '-0' ? '0' : s;
}
