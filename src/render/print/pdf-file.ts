// A PDF as Chromium (Skia) writes it — one classic cross-reference table, no object
// streams, no incremental updates — read by object number and patched without
// re-serialising it: a same-length edit is written in place (every offset stays valid);
// an object whose length changes is spliced in and the cross-reference table rewritten.
// Anything else throws PdfShapeError, and the caller prints the other way.
import { inflateSync } from 'node:zlib';
import { type Dict, Lexer, Name, Op, PdfSyntaxError, Ref, readValue, type Value } from './pdf-syntax.js';

export class PdfShapeError extends Error {}

interface Entry {
  offset: number;
  gen: number;
  /** Where the object's text ends: the next object, or the cross-reference table. */
  end: number;
}

export class PdfFile {
  /** The file as latin1 text (one char per byte); same-length patches go straight into it. */
  private text: string;
  private readonly entries = new Map<number, Entry>();
  private readonly replaced = new Map<number, string>();
  private readonly parsed = new Map<number, Value>();
  private readonly patches: { at: number; text: string }[] = [];
  private readonly xrefAt: number;
  readonly trailer: Dict;
  private readonly size: number;

  constructor(bytes: Uint8Array) {
    this.text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    const tail = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(this.text.slice(-64));
    if (!tail) throw new PdfShapeError('no startxref at the end of the file');
    this.xrefAt = Number(tail[1]);
    const lexer = new Lexer(this.text, this.xrefAt);
    if (!/^xref\s/.test(this.text.slice(this.xrefAt, this.xrefAt + 5))) throw new PdfShapeError('not a classic cross-reference table');
    lexer.pos += 4;
    for (;;) {
      const first = lexer.next()?.value;
      if (first instanceof Op && first.op === 'trailer') break;
      const count = lexer.next()?.value;
      if (typeof first !== 'number' || typeof count !== 'number') throw new PdfShapeError('bad cross-reference subsection');
      for (let i = 0; i < count; i++) {
        const row = /^\s*(\d{10}) (\d{5}) ([nf])/.exec(this.text.slice(lexer.pos, lexer.pos + 24));
        if (!row) throw new PdfShapeError('bad cross-reference entry');
        lexer.pos += row[0].length;
        if (row[3] === 'n') this.entries.set(first + i, { offset: Number(row[1]), gen: Number(row[2]), end: this.xrefAt });
      }
    }
    const byOffset = [...this.entries.values()].sort((a, b) => a.offset - b.offset);
    byOffset.forEach((e, i) => {
      e.end = byOffset[i + 1]?.offset ?? this.xrefAt;
    });
    const trailer = readValue(lexer).value;
    if (!(trailer instanceof Map) || trailer.has('Prev') || trailer.has('XRefStm')) throw new PdfShapeError('updated or hybrid file');
    this.trailer = trailer;
    this.size = Number(trailer.get('Size'));
  }

  /** Object numbers in file order. */
  numbers(): number[] {
    return [...this.entries].sort((a, b) => a[1].offset - b[1].offset).map(([n]) => n);
  }

  /** The object's text, from "n g obj" to its end (the next object, or the table). */
  raw(num: number): string {
    const replaced = this.replaced.get(num);
    if (replaced !== undefined) return replaced;
    this.flush();
    const e = this.entry(num);
    return this.text.slice(e.offset, e.end);
  }

  /** The object's value (for a stream, its dictionary). */
  get(num: number): Value {
    this.flush();
    const cached = this.parsed.get(num);
    if (cached !== undefined) return cached;
    const lexer = this.bodyLexer(num);
    const value = readValue(lexer).value;
    this.parsed.set(num, value);
    return value;
  }

  /** Follows a reference; anything else is returned as it is. */
  resolve(v: Value | undefined): Value | undefined {
    return v instanceof Ref ? this.get(v.num) : v;
  }

  dict(v: Value | undefined): Dict | undefined {
    const d = this.resolve(v);
    return d instanceof Map ? d : undefined;
  }

  /** A stream's decoded bytes (latin1); only unfiltered and Flate streams without parameters. */
  streamData(num: number): string {
    const lexer = this.bodyLexer(num);
    const dict = readValue(lexer).value;
    const kw = /^\s*stream\r?\n/.exec(lexer.text.slice(lexer.pos, lexer.pos + 16));
    const length = dict instanceof Map ? this.resolve(dict.get('Length')) : undefined;
    if (!(dict instanceof Map) || !kw || typeof length !== 'number') throw new PdfShapeError(`object ${num} is not a stream`);
    const from = lexer.pos + kw[0].length;
    const data = lexer.text.slice(from, from + length);
    const filter = dict.get('Filter');
    if (filter === undefined) return data;
    if (filter instanceof Name && filter.value === 'FlateDecode' && !dict.has('DecodeParms')) {
      return inflateSync(Buffer.from(data, 'latin1')).toString('latin1');
    }
    throw new PdfShapeError(`object ${num} has an unsupported filter`);
  }

  /** Overwrites the file at `at` with `text`, byte for byte: no offset moves. Not inside a replaced object. */
  patchInPlace(at: number, text: string): void {
    this.patches.push({ at, text });
  }

  /** Writes the pending same-length patches into the text, all in one pass. */
  private flush(): void {
    if (this.patches.length === 0) return;
    const sorted = this.patches.sort((a, b) => a.at - b.at);
    const parts: string[] = [];
    let from = 0;
    for (const { at, text } of sorted) {
      parts.push(this.text.slice(from, at), text);
      from = at + text.length;
    }
    parts.push(this.text.slice(from));
    this.text = parts.join('');
    this.patches.length = 0;
    this.parsed.clear();
  }

  /** Gives object `num` a new body (the text between "n g obj" and "endobj"). */
  replace(num: number, body: string): void {
    const e = this.entry(num);
    this.replaced.set(num, `${num} ${e.gen} obj\n${body}\nendobj\n`);
    this.parsed.delete(num);
  }

  /** Where object `num` starts in the file (before any replacement). */
  offsetOf(num: number): number {
    return this.entry(num).offset;
  }

  /** The file with every replacement spliced in and the cross-reference table rewritten. */
  bytes(): Uint8Array {
    this.flush();
    if (this.replaced.size === 0) return Buffer.from(this.text, 'latin1');
    const order = this.numbers();
    const parts: string[] = [this.text.slice(0, this.entry(order[0] as number).offset)];
    const offsets = new Map<number, number>();
    let at = parts[0]?.length ?? 0;
    for (const n of order) {
      const body = this.raw(n);
      offsets.set(n, at);
      parts.push(body);
      at += body.length;
    }
    const rows = ['0000000000 65535 f \n'];
    for (let n = 1; n < this.size; n++) {
      const o = offsets.get(n);
      rows.push(
        o === undefined ? '0000000000 65535 f \n' : `${String(o).padStart(10, '0')} ${String(this.entry(n).gen).padStart(5, '0')} n \n`,
      );
    }
    const trailer = this.text.slice(this.text.indexOf('trailer', this.xrefAt), this.text.lastIndexOf('startxref'));
    parts.push(`xref\n0 ${this.size}\n${rows.join('')}${trailer}startxref\n${at}\n%%EOF\n`);
    return Buffer.from(parts.join(''), 'latin1');
  }

  private entry(num: number): Entry {
    const e = this.entries.get(num);
    if (!e) throw new PdfShapeError(`object ${num} is not in the file`);
    return e;
  }

  /** A lexer on the object's own text, just after "n g obj". */
  private bodyLexer(num: number): Lexer {
    const raw = this.raw(num);
    const head = /^\s*(\d+)\s+\d+\s+obj\b/.exec(raw);
    if (!head || Number(head[1]) !== num) throw new PdfSyntaxError(`object ${num} does not start with "${num} 0 obj"`);
    return new Lexer(raw, head[0].length);
  }
}
