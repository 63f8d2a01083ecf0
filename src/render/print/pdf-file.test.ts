// Patching a PDF without re-serialising it: same-length edits in place, objects of a new
// length spliced in with the cross-reference table rewritten. The result is checked by
// pdf-lib and qpdf (independent readers), and by every offset pointing at its object.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { PdfFile, PdfShapeError } from './pdf-file.js';
import { Ref, Str } from './pdf-syntax.js';

const dir = mkdtempSync(join(tmpdir(), 'briefbook-pdffile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const content = deflateSync(Buffer.from('BT /F1 12 Tf 72 720 Td (Hello) Tj ET', 'latin1')).toString('latin1');

/** A one-page PDF laid out as Skia lays its files out: objects out of number order, one classic table. */
function tinyPdf(): Uint8Array {
  const objects: [number, string][] = [
    [1, '<</Title (Original title)\n/Producer (Skia/PDF m156)\n/CreationDate (D:20260101000000Z)>>'],
    [4, `<</Filter /FlateDecode\n/Length ${content.length}>> stream\n${content}\nendstream`],
    [3, '<</Type /Page\n/Parent 2 0 R\n/MediaBox [0 0 612 792]\n/Contents 4 0 R\n/Resources <</Font <</F1 5 0 R>>>>>>'],
    [5, '<</Type /Font\n/Subtype /Type1\n/BaseFont /Helvetica>>'],
    [2, '<</Type /Pages\n/Count 1\n/Kids [3 0 R]>>'],
    [6, '<</Type /Catalog\n/Pages 2 0 R\n/ID (node00000042)>>'],
  ];
  let text = '%PDF-1.4\n%\xd3\xeb\xe9\xe1\n';
  const offsets = new Map<number, number>();
  for (const [n, body] of objects) {
    offsets.set(n, text.length);
    text += `${n} 0 obj\n${body}\nendobj\n`;
  }
  const rows = ['0000000000 65535 f \n', ...[1, 2, 3, 4, 5, 6].map((n) => `${String(offsets.get(n)).padStart(10, '0')} 00000 n \n`)];
  text += `xref\n0 7\n${rows.join('')}trailer\n<</Size 7\n/Root 6 0 R\n/Info 1 0 R>>\nstartxref\n${text.length}\n%%EOF`;
  return Buffer.from(text, 'latin1');
}

/** Every in-use entry of the table points at "n 0 obj". */
function offsetsValid(bytes: Uint8Array): boolean {
  const text = Buffer.from(bytes).toString('latin1');
  const at = Number(/startxref\s+(\d+)/.exec(text.slice(-40))?.[1]);
  const rows = [...text.slice(at).matchAll(/^(\d{10}) (\d{5}) n/gm)].map((m) => Number(m[1]));
  return text.startsWith('xref', at) && rows.length > 0 && rows.every((o, i) => text.startsWith(`${i + 1} 0 obj`, o));
}

const qpdfCheck = (bytes: Uint8Array) => {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  return spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
};
const hasQpdf = spawnSync('qpdf', ['--version']).status === 0;

describe('a PDF file patched in place', () => {
  it('reads objects by number, streams decoded, references followed', () => {
    const file = new PdfFile(tinyPdf());
    expect(offsetsValid(tinyPdf())).toBe(true);
    expect(file.numbers()).toEqual([1, 4, 3, 5, 2, 6]);
    expect(file.dict(file.trailer.get('Root'))?.get('Pages')).toEqual(new Ref(2, 0));
    expect(file.streamData(4)).toBe('BT /F1 12 Tf 72 720 Td (Hello) Tj ET');
    expect(file.dict(new Ref(1, 0))?.get('Title')).toEqual(new Str('Original title', false));
  });

  it('gives back the same bytes when nothing changed', () => {
    expect(Buffer.from(new PdfFile(tinyPdf()).bytes()).equals(Buffer.from(tinyPdf()))).toBe(true);
  });

  it('writes a same-length edit in place, moving no offset', () => {
    const file = new PdfFile(tinyPdf());
    const at = Buffer.from(tinyPdf()).toString('latin1').indexOf('node00000042') + 4;
    file.patchInPlace(at, '00000001');
    const bytes = file.bytes();
    expect(bytes.length).toBe(tinyPdf().length);
    expect(Buffer.from(bytes).toString('latin1')).toContain('(node00000001)');
    expect(offsetsValid(bytes)).toBe(true);
  });

  it('splices in objects of a new length and rewrites the table; other readers agree', async () => {
    const file = new PdfFile(tinyPdf());
    file.replace(1, '<</Title (A much longer title than before, with \\(parentheses\\))\n/Producer (briefbook)>>');
    const text = 'BT /F1 12 Tf 72 720 Td (Hello, again) Tj ET';
    const data = deflateSync(Buffer.from(text, 'latin1')).toString('latin1');
    file.replace(4, `<</Filter /FlateDecode\n/Length ${data.length}>> stream\n${data}\nendstream`);
    const bytes = file.bytes();
    expect(offsetsValid(bytes)).toBe(true);
    const again = new PdfFile(bytes);
    expect(again.streamData(4)).toBe(text);
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBe('A much longer title than before, with (parentheses)');
    expect(doc.getProducer()).toBe('briefbook');
    expect(doc.getPageCount()).toBe(1);
    if (hasQpdf) expect(qpdfCheck(bytes).stdout).toContain('No syntax or stream encoding errors found');
  });

  it('refuses files written another way: a cross-reference stream, an incremental update', () => {
    const text = Buffer.from(tinyPdf()).toString('latin1');
    const xref = Number(/startxref\s+(\d+)/.exec(text.slice(-40))?.[1]);
    const updated = text.replace('/Info 1 0 R>>', `/Info 1 0 R\n/Prev ${xref}>>`);
    expect(() => new PdfFile(Buffer.from(updated, 'latin1'))).toThrow(PdfShapeError);
    const stream = `${text.slice(0, xref)}7 0 obj\n<</Type /XRef>> stream\nendstream\nendobj\nstartxref\n${xref}\n%%EOF`;
    expect(() => new PdfFile(Buffer.from(stream, 'latin1'))).toThrow(/not a classic cross-reference table/);
    expect(() => new PdfFile(Buffer.from('%PDF-1.4\nnothing here', 'latin1'))).toThrow(/no startxref/);
  });
});
