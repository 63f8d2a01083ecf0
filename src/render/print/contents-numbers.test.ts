// The one print of a packet with a contents list, with the real Chromium: the shipped
// briefing book printed with placeholders, the numbers written in, and the result read
// back with pdftotext: every entry shows the page its heading is on.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAMP } from '../../../test/fixtures/render.js';
import { REPO } from '../../../test/helpers/cli.js';
import { loadValid } from '../../facts/load.js';
import { openProject } from '../../project.js';
import { pdfJob, renderPacket } from '../packet.js';
import { loadAudiences } from '../template-files/audiences.js';
import { loadPartials } from '../template-files/partials.js';
import { type BrowserSession, launchBrowser } from './browser.js';
import { SLOT_PLACEHOLDER, writeContentsNumbers } from './contents-numbers.js';
import type { PdfJob } from './pdf.js';
import { pdfOptions } from './pdf.js';
import { destinationPages } from './pdf-bytes.js';
import { PdfFile } from './pdf-file.js';

const dir = mkdtempSync(join(tmpdir(), 'briefbook-contents-'));
let session: BrowserSession;
let job: PdfJob;
let printed: Uint8Array;

/** A binary PGM (pdftoppm -gray) as its width, height and one byte per pixel. */
function grayPixels(pgm: Buffer): { width: number; height: number; pixels: Buffer } {
  const head = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  if (!head) throw new Error('not a binary 8-bit PGM');
  return { width: Number(head[1]), height: Number(head[2]), pixels: pgm.subarray(head[0].length) };
}

const text = (bytes: Uint8Array, page?: number) => {
  const file = join(dir, `t${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  return spawnSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', file, '-'], { encoding: 'utf8' })
    .stdout;
};

beforeAll(async () => {
  const project = openProject(REPO);
  const ctx = { project, factBase: await loadValid(project), partials: await loadPartials(project), stamp: STAMP };
  const [book] = await loadAudiences(project, ['briefing-book']);
  job = pdfJob(await renderPacket(book as NonNullable<typeof book>, ctx));
  session = await launchBrowser({});
  printed = await session.print(
    job.html(() => SLOT_PLACEHOLDER),
    pdfOptions(job.audience, job.stamp),
  );
}, 120_000);

afterAll(async () => {
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('page numbers written into the contents of the one print', () => {
  it('prints placeholders, then shows for every entry the page its heading is on', () => {
    expect(text(printed, 2)).toMatch(new RegExp(`Summary[ .]+${SLOT_PLACEHOLDER}`));
    const file = new PdfFile(printed);
    const pages = destinationPages(file);
    expect(job.contents.length).toBeGreaterThan(5);
    expect(writeContentsNumbers(file, job.contents, pages)).toBe(true);
    const bytes = file.bytes();
    const contents = text(bytes, 2);
    expect(contents).not.toMatch(new RegExp(` ${SLOT_PLACEHOLDER}\\s*$`, 'm'));
    const entries = [...contents.matchAll(/^\s*(\S.*?)[ .]{3,}(\d+)\s*$/gm)].map((m) => [m[1], Number(m[2])] as const);
    expect(entries).toHaveLength(job.contents.length);
    for (const [i, [title, page]] of entries.entries()) {
      expect(page).toBe(pages.get(job.contents[i] as string));
      expect(text(bytes, page)).toMatch(new RegExp(`^\\s*${(title as string).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'm'));
    }
    // Whatever else the page shows is as printed.
    expect(contents.replace(/\s*\d+\s*$/gm, '')).toBe(text(printed, 2).replace(/\s*\d+\s*$/gm, ''));
  });

  it('looks like a print with the numbers in the HTML: nothing differs outside the number column', async () => {
    const file = new PdfFile(printed);
    const pages = destinationPages(file);
    expect(writeContentsNumbers(file, job.contents, pages)).toBe(true);
    const direct = await session.print(
      job.html((id) => String(pages.get(id))),
      pdfOptions(job.audience, job.stamp),
    );
    const [written, reference] = [file.bytes(), direct].map((bytes) => {
      const pdf = join(dir, `r${Math.random().toString(36).slice(2)}.pdf`);
      writeFileSync(pdf, bytes);
      return grayPixels(spawnSync('pdftoppm', ['-gray', '-r', '100', '-f', '2', '-l', '2', pdf], { maxBuffer: 64 << 20 }).stdout);
    });
    if (!written || !reference) throw new Error('pdftoppm gave no page');
    expect([written.width, written.height]).toEqual([reference.width, reference.height]);
    // A digit written into the PDF and one Chromium set are the same glyph at the same place,
    // but may be anti-aliased a shade apart: only pixels in the right-hand number column
    // (and only a handful) may differ; a moved line or heading would differ across the page.
    const differing = [];
    for (let i = 0; i < written.pixels.length; i++) if (written.pixels[i] !== reference.pixels[i]) differing.push(i % written.width);
    expect(differing.length).toBeLessThan(written.pixels.length / 1000);
    expect(differing.filter((x) => x < written.width * 0.85)).toEqual([]);
  });

  it('changes nothing when a number does not fit its slot (the build then prints again with the numbers)', () => {
    const file = new PdfFile(printed);
    const pages = new Map([...destinationPages(file)].map(([id, p]) => [id, p + 1000]));
    expect(writeContentsNumbers(file, job.contents, pages)).toBe(false);
    expect(Buffer.from(file.bytes()).equals(Buffer.from(printed))).toBe(true);
  });

  it('changes nothing when an entry has no slot in the PDF', () => {
    const file = new PdfFile(printed);
    expect(writeContentsNumbers(file, [...job.contents, 'no-such-heading'], destinationPages(file))).toBe(false);
    expect(Buffer.from(file.bytes()).equals(Buffer.from(printed))).toBe(true);
  });
});
