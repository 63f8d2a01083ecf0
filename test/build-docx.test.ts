// `build -f docx` end to end: every shipped audience as a Word file, without a browser,
// the same bytes twice, opened and printed by a real LibreOffice (banner and "Page X of Y"
// computed by it), and Word output as a project default.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureProject } from './fixtures/render.js';
import { REPO, type Run, run } from './helpers/cli.js';
import { paragraphs, readDocx } from './helpers/docx.js';
import { testdir } from './helpers/testdir.js';

const NAMES = ['briefing-book', 'executive-brief', 'hearing-day', 'member-memo', 'press-points', 'witness-prep'];
const tmp = mkdtempSync(join(tmpdir(), 'briefbook-docx-'));
const outA = join(tmp, 'a');
const outB = join(tmp, 'b');
let first: Run;
let second: Run;
// No browser anywhere: Word output must not need one.
const NO_BROWSER = { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chrome' };

beforeAll(() => {
  first = run(['build', '-f', 'docx', '-o', outA, '--json'], { cwd: REPO, env: NO_BROWSER });
  second = run(['build', '-f', 'docx', '-o', outB, '-q'], { cwd: REPO, env: NO_BROWSER });
}, 120_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('build -f docx', () => {
  it('writes every shipped audience as a Word file, without a browser', () => {
    expect([first.code, first.stderr]).toEqual([0, '']);
    const written = JSON.parse(first.stdout) as { audience: string; format: string; path: string; bytes: number }[];
    expect(written.map((w) => `${w.audience}.${w.format}`)).toEqual(NAMES.map((n) => `${n}.docx`));
    expect(readdirSync(outA).sort()).toEqual(NAMES.map((n) => `${n}.docx`));
    for (const w of written) expect(readFileSync(w.path).subarray(0, 2).toString()).toBe('PK');
  });

  it('gives the same bytes for the same inputs', () => {
    expect([second.code, second.stderr]).toEqual([0, '']);
    for (const n of NAMES) expect(readFileSync(join(outB, `${n}.docx`)).equals(readFileSync(join(outA, `${n}.docx`))), n).toBe(true);
  });

  it('writes the project’s `formats` when no --format is given, and rejects an unknown one', () => {
    const root = testdir({ ...fixtureProject(), 'briefbook.yaml': 'formats: [md, docx]\n' });
    expect(run(['build', '-q'], { cwd: root, env: NO_BROWSER })).toMatchObject({ code: 0, stderr: '' });
    expect(readdirSync(join(root, 'out')).sort()).toEqual(['press.docx', 'press.md', 'staff.docx', 'staff.md']);
    const staff = paragraphs(readDocx(join(root, 'out/staff.docx')).get('word/document.xml') ?? '');
    expect(staff.find((p) => p.style === 'Heading1')?.text).toBe('Staff book');

    const bad = testdir({ ...fixtureProject(), 'briefbook.yaml': 'formats: [md, word]\n' });
    const r = run(['build'], { cwd: bad, env: NO_BROWSER });
    expect(r.code).toBe(1);
    // Located at the bad value itself: "word" starts at column 15.
    expect(r.stderr).toMatch(/^briefbook\.yaml:1:15: .*invalid project config: formats\.1: .*"md".*"docx"/m);
    expect(r.stderr).toContain('hint: formats lists any of md, html, pdf, docx');
  });
});

const soffice = ['soffice', 'libreoffice'].find((cmd) => spawnSync(cmd, ['--version'], { encoding: 'utf8' }).status === 0);
if (!soffice) {
  console.warn(
    'build-docx.test.ts: LibreOffice (soffice) not found, so the Word files are not opened; install it: apt-get install libreoffice-writer-nogui',
  );
}

describe.skipIf(!soffice)('the Word files in LibreOffice', () => {
  const pdf = join(tmp, 'pdf');
  let converted: ReturnType<typeof spawnSync>;
  beforeAll(() => {
    // A profile of its own, so it neither reads the machine's settings nor clashes with another LibreOffice.
    converted = spawnSync(
      soffice as string,
      [
        `-env:UserInstallation=file://${join(tmp, 'lo-profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        pdf,
        ...NAMES.map((n) => join(outA, `${n}.docx`)),
      ],
      { encoding: 'utf8', timeout: 180_000 },
    );
  }, 200_000);
  const pages = (n: string) =>
    Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [join(pdf, `${n}.pdf`)], { encoding: 'utf8' }).stdout)?.[1]);
  const text = (n: string) => spawnSync('pdftotext', ['-layout', join(pdf, `${n}.pdf`), '-'], { encoding: 'utf8' }).stdout;

  it('opens and prints every one', () => {
    expect(converted.status, String(converted.stderr)).toBe(0);
    expect(readdirSync(pdf).sort()).toEqual(NAMES.map((n) => `${n}.pdf`));
  });

  it('keeps page counts sane: the memo two pages, the one-pager one, the book about as long as its PDF (20 pages)', () => {
    expect(pages('member-memo')).toBeLessThanOrEqual(2);
    expect(pages('executive-brief')).toBe(1);
    expect(pages('briefing-book')).toBeGreaterThan(10);
    expect(pages('briefing-book')).toBeLessThanOrEqual(24);
    for (const n of NAMES) expect(pages(n), n).toBeGreaterThanOrEqual(1);
  });

  it('prints the banner at the top and bottom of every page, and Page X of Y from the fields', () => {
    const t = text('member-memo');
    const n = pages('member-memo');
    // The banner is letter-spaced, which pdftotext reads as spaces between letters.
    const banners = t.replace(/\s+/g, '').match(/INTERNAL—COMMITTEESENSITIVE—NOTFORPUBLICRELEASE/g) ?? [];
    expect(banners.length).toBe(2 * n);
    for (let p = 1; p <= n; p++) expect(t).toContain(`Page ${p} of ${n}`);
    expect(t).toContain('Briefing Memo');
    expect(text('briefing-book')).toContain(`Page ${pages('briefing-book')} of ${pages('briefing-book')}`);
  });
});
