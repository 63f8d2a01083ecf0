// PDFs from a real Chromium, checked by page count and extracted text (pdfinfo, pdftotext)
// and structure (qpdf --check). Builds are shared: the shipped packets are built twice (the
// second to compare bytes), once more with full Chromium when briefbook picks the headless
// shell (to compare the two), and one fixture project once.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
const qpdfCheck = (file: string) => {
  const r = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  if (r.error) throw new Error('qpdf is not installed (scripts/install-system-deps.sh installs it)');
  return `${r.stdout}${r.stderr}`;
};
const pages = (file: string) => Number(/Pages:\s+(\d+)/.exec(pdfinfo(file))?.[1]);
const text = (file: string, page?: number) =>
  spawnSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', file, '-'], { encoding: 'utf8' }).stdout;

/** Every bookmark title, depth first. */
async function outline(file: string): Promise<string[]> {
  const doc = await PDFDocument.load(readFileSync(file));
  const titles: string[] = [];
  const walk = (node: unknown) => {
    for (let n = node; n instanceof PDFDict; n = n.lookup(PDFName.of('Next'))) {
      titles.push((n.lookup(PDFName.of('Title')) as unknown as { decodeText(): string }).decodeText());
      walk(n.lookup(PDFName.of('First')));
    }
  };
  walk(doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookup(PDFName.of('First')));
  return titles;
}

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
    const entries = [...contents.matchAll(/^\s*(\S.*?)[ .]{3,}(\d+)\s*$/gm)].map((m) => [m[1] as string, Number(m[2])] as const);
    expect(entries.map(([title]) => title)).toEqual(expect.arrayContaining(['Summary', 'Timeline', 'Glossary', 'Notes']));
    expect(entries.length).toBeGreaterThanOrEqual(10);
    // Each heading is on the page its entry says, and on no earlier page after the contents.
    const byPage = text(file).split('\f');
    for (const [heading, page] of entries) {
      const line = new RegExp(`^\\s*${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'm');
      expect(byPage[page - 1], heading).toMatch(line);
      for (let p = 3; p < page; p++) expect(byPage[p - 1], `${heading} before page ${page}`).not.toMatch(line);
    }
  });

  it('writes PDFs that are structurally sound and tagged', () => {
    for (const f of readdirSync(outA).filter((x) => x.endsWith('.pdf'))) {
      expect(qpdfCheck(join(outA, f)), f).toContain('No syntax or stream encoding errors found');
      expect(pdfinfo(join(outA, f)), f).toMatch(/Tagged:\s+yes/);
    }
  });

  it('has bookmarks for the sections, with their real titles (wrapped headings too)', async () => {
    const titles = await outline(join(outA, 'briefing-book.pdf'));
    expect(titles).toEqual(expect.arrayContaining(["Anthropic's Allegation Against Alibaba", 'Summary', "Who's who", 'Timeline', 'Notes']));
    // Every bookmark is a heading word for word: none lost the space where its heading wrapped.
    const headings = readFileSync(join(outA, 'briefing-book.md'), 'utf8').match(/^#{1,3} .*$/gm) ?? [];
    expect(titles.length).toBe(headings.length);
    expect(titles).toEqual(headings.map((h) => h.replace(/^#+ /, '').replace(/\\(.)/g, '$1')));
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

const SHELL = '/usr/lib/chromium/chromium-headless-shell';
const FULL = '/usr/bin/chromium';

describe.skipIf(!existsSync(SHELL) || !existsSync(FULL))('the headless shell briefbook picks, against full Chromium', () => {
  it('prints the same pages, text, bookmarks and contents numbers', async () => {
    const outC = join(tmp, 'full');
    const full = run(['build', '-f', 'pdf', '-o', outC, '-q', '--browser', FULL], { cwd: REPO, timeout: 180_000 });
    expect([full.code, full.stderr]).toEqual([0, '']);
    for (const f of readdirSync(outA).filter((x) => x.endsWith('.pdf'))) {
      const [shell, chromium] = [join(outA, f), join(outC, f)];
      expect(pages(chromium), f).toBe(pages(shell));
      expect(text(chromium), f).toBe(text(shell));
      expect(await outline(chromium), f).toEqual(await outline(shell));
    }
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
      /templates\/audiences\/press\.md:7:1: error: press\.pdf has \d+ pages, over its limit of 1; none of its files were written/,
    );
    expect(readFileSync(join(fixture, 'out/press.pdf')).equals(before)).toBe(true);
  });
});
