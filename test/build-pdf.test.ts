// PDFs from a real Chromium, checked by page count and extracted text (pdfinfo, pdftotext).
// Builds are shared: the shipped packets are built twice (the second to compare bytes)
// and one fixture project once, so the whole file starts Chromium three times.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureProject, INJECTION, SECRET } from './fixtures/render.js';
import { REPO, type Run, run } from './helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'briefbook-pdf-'));
const outA = join(tmp, 'a');
const outB = join(tmp, 'b');
const fixture = join(tmp, 'fixture');
let first: Run;
let fixtureRun: Run;

const pdfinfo = (file: string) => spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
const pages = (file: string) => Number(/Pages:\s+(\d+)/.exec(pdfinfo(file))?.[1]);
const text = (file: string, page?: number) =>
  spawnSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', file, '-'], { encoding: 'utf8' }).stdout;

function writeProject(root: string, files: Record<string, string>) {
  for (const [path, content] of Object.entries(files)) {
    const abs = join(root, path);
    spawnSync('mkdir', ['-p', join(abs, '..')]);
    writeFileSync(abs, content);
  }
}

beforeAll(() => {
  first = run(['build', '-o', outA, '--json'], { cwd: REPO, timeout: 180_000 });
  writeProject(
    fixture,
    fixtureProject({
      'data/facts.yaml': `${fixtureProject()['data/facts.yaml']}  - id: pub.inject\n    statement: ${JSON.stringify(INJECTION)}\n    status: reported\n    sensitivity: public\n    tags: [key]\n    sources: [{ source: s.one }, { source: s.two }]\n`,
    }),
  );
  const staff = readFileSync(join(fixture, 'templates/audiences/staff.md'), 'utf8');
  writeFileSync(join(fixture, 'templates/audiences/staff.md'), staff.replace('contents: true', 'contents: true\npageSize: A4'));
  fixtureRun = run(['build', '--json'], { cwd: fixture, timeout: 120_000 });
}, 240_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('PDFs of the shipped packets', () => {
  it('builds all six packets in all three formats and reports pages', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const written = JSON.parse(first.stdout) as { audience: string; format: string; pages?: number }[];
    expect(written).toHaveLength(18);
    for (const w of written.filter((x) => x.format === 'pdf')) expect(w.pages).toBe(pages(join(outA, `${w.audience}.pdf`)));
    expect(readdirSync(outA).sort()).toEqual(
      ['briefing-book', 'executive-brief', 'hearing-day', 'member-memo', 'press-points', 'witness-prep'].flatMap((n) => [
        `${n}.html`,
        `${n}.md`,
        `${n}.pdf`,
      ]),
    );
  });

  it('keeps the member memo to two Letter pages, naming both senators, with banners and page numbers', () => {
    const file = join(outA, 'member-memo.pdf');
    expect(pages(file)).toBeLessThanOrEqual(2);
    expect(pdfinfo(file)).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    const t = text(file);
    expect(t).toContain('Tim Scott');
    expect(t).toContain('Elizabeth Warren');
    expect(t).toMatch(/BLUF:/);
    const banners = t.match(/INTERNAL — COMMITTEE SENSITIVE — NOT FOR PUBLIC RELEASE/g) ?? [];
    expect(banners.length).toBe(2 * pages(file));
    expect(t).toContain(`Page 1 of ${pages(file)}`);
    expect(t).toMatch(/Fact base (\w{7,}|not)/);
  });

  it('keeps the executive brief to one page', () => {
    expect(pages(join(outA, 'executive-brief.pdf'))).toBe(1);
  });

  it('gives the briefing book a contents page whose numbers point at the right pages', () => {
    const file = join(outA, 'briefing-book.pdf');
    const contents = text(file, 2);
    expect(contents).toContain('Contents');
    const entries = [...contents.matchAll(/^\s*(Summary|Timeline|Glossary)[ .]+(\d+)\s*$/gm)];
    expect(entries.map((m) => m[1])).toEqual(['Summary', 'Timeline', 'Glossary']);
    for (const [, heading, page] of entries) expect(text(file, Number(page))).toMatch(new RegExp(`^\\s*${heading}\\s*$`, 'm'));
  });

  it('has bookmarks for the sections, with their real titles', async () => {
    const doc = await PDFDocument.load(readFileSync(join(outA, 'briefing-book.pdf')));
    const titles: string[] = [];
    const walk = (node: unknown) => {
      for (let n = node; n instanceof PDFDict; n = n.lookup(PDFName.of('Next'))) {
        titles.push((n.lookup(PDFName.of('Title')) as unknown as { decodeText(): string }).decodeText());
        walk(n.lookup(PDFName.of('First')));
      }
    };
    walk(doc.catalog.lookup(PDFName.of('Outlines'), PDFDict).lookup(PDFName.of('First')));
    expect(titles).toEqual(expect.arrayContaining(["Anthropic's Allegation Against Alibaba", 'Summary', "Who's who", 'Timeline', 'Notes']));
  });

  it('keeps staff analysis out of the public talking points, marked as a draft nobody has cleared', () => {
    const file = join(outA, 'press-points.pdf');
    const t = text(file).replace(/\s+/g, ' ');
    expect(t.match(/PUBLIC — DRAFT, NOT YET CLEARED FOR RELEASE/g)).toHaveLength(2 * pages(file));
    expect(t.replace(/NOT YET CLEARED FOR RELEASE/g, '')).not.toMatch(/CLEARED FOR RELEASE/i);
    expect(t).not.toContain('Treat every figure as Anthropic');
    expect(t).not.toContain('Staff assessment');
  });

  it('produces the same bytes from the same inputs, PDFs included', () => {
    const second = run(['build', '-o', outB, '-q'], { cwd: REPO, timeout: 180_000 });
    expect(second.code).toBe(0);
    for (const f of readdirSync(outA)) expect(readFileSync(join(outB, f)).equals(readFileSync(join(outA, f))), f).toBe(true);
    expect(pdfinfo(join(outA, 'member-memo.pdf'))).toMatch(/Producer:\s+briefbook/);
  }, 180_000);
});

describe('PDFs of a fixture project', () => {
  it('prints injected markup as text and carries no script or outside link', () => {
    expect([fixtureRun.code, fixtureRun.stderr]).toEqual([0, '']);
    const file = join(fixture, 'out/press.pdf');
    expect(text(file).replace(/\s+/g, ' ')).toContain(INJECTION);
    const raw = readFileSync(file).toString('latin1');
    expect(raw).not.toMatch(/javascript|\/JS\b|\/JavaScript|evil\.example/i);
    expect(text(file)).not.toContain(SECRET);
  });

  it('honours pageSize: A4', () => {
    expect(pdfinfo(join(fixture, 'out/staff.pdf'))).toMatch(/Page size:\s+59[56](\.\d+)? x 84[12](\.\d+)? pts/);
  });

  it('refuses a PDF over its page limit and keeps the earlier one', () => {
    const before = readFileSync(join(fixture, 'out/press.pdf'));
    const press = readFileSync(join(fixture, 'templates/audiences/press.md'), 'utf8');
    const long = press
      .replace('banner: Public — draft', `banner: Public — draft\npageLimit: 1`)
      .replace('## If asked', `${'Filler paragraph.\n\n'.repeat(120)}## If asked`);
    writeFileSync(join(fixture, 'templates/audiences/press.md'), long);
    const r = run(['build', '-a', 'press', '-f', 'pdf'], { cwd: fixture, timeout: 120_000 });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /templates\/audiences\/press\.md:7:1: error: press\.pdf has \d+ pages, over its limit of 1; the PDF was not written/,
    );
    expect(readFileSync(join(fixture, 'out/press.pdf')).equals(before)).toBe(true);
  });
});
