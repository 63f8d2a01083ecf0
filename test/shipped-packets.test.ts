// The shipped audiences as a reader gets them: the PDFs printed by a real Chromium, read
// back page by page (pdfinfo, pdftotext -bbox). What a reviewer checks by eye and a
// machine can check too: page limits, no heading stranded at a page foot, no question
// parted from its answer, no page under a quarter full (but the book's last), the memo's
// head and BLUF, the book's unknowns and timeline figure, nothing that can run in the SVG.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, type Run, run } from './helpers/cli.js';

const out = mkdtempSync(join(tmpdir(), 'briefbook-shipped-'));
let built: Run;
const AUDIENCES = ['briefing-book', 'executive-brief', 'hearing-day', 'member-memo', 'press-points', 'witness-prep'];

const pages = (name: string) =>
  Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [join(out, `${name}.pdf`)], { encoding: 'utf8' }).stdout)?.[1]);
const md = (name: string) => readFileSync(join(out, `${name}.md`), 'utf8');
const squash = (t: string) => t.replace(/\s+/g, ' ').trim();
/** Letters only: Markdown escapes, XML entities, quotes and line breaks differ between the Markdown and the PDF's text. */
const letters = (t: string) => t.replace(/&[a-z]+;|\\./g, '').replace(/[^A-Za-z]/g, '');
const MARGIN = 0.6 * 72;

interface Line {
  y: number;
  text: string;
}

/** The body lines of each page (the running head and foot left out), top to bottom, and the page height. */
function bodyLines(name: string): { height: number; lines: Line[] }[] {
  const xml = spawnSync('pdftotext', ['-bbox', join(out, `${name}.pdf`), '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).stdout;
  return xml
    .split('<page ')
    .slice(1)
    .map((page) => {
      const height = Number(/height="([\d.]+)"/.exec(page)?.[1]);
      const rows = new Map<number, string[]>();
      for (const m of page.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<\/word>/g)) {
        const y = Math.round(Number(m[1]));
        // The banner and running head sit in the top 0.6in, the foot and banner in the bottom 0.6in.
        if (y < MARGIN || y > height - MARGIN) continue;
        rows.set(y, [...(rows.get(y) ?? []), m[2] ?? '']);
      }
      const lines = [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([y, w]) => ({ y, text: w.join(' ') }));
      return { height, lines };
    });
}

const headingsOf = (markdown: string) =>
  markdown
    .split('\n')
    .filter((l) => /^#{1,4} /.test(l))
    .map((l) => letters(l.replace(/^#+ /, '')));

beforeAll(() => {
  built = run(['build', '-o', out, '-f', 'md', '-f', 'html', '-f', 'pdf'], { cwd: REPO, timeout: 240_000 });
}, 300_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the shipped packets in print', () => {
  it('builds every shipped audience', () => {
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
    for (const a of AUDIENCES) expect(pages(a)).toBeGreaterThan(0);
  });

  it('keeps the memo to two pages and the executive brief and hearing-day page to one', () => {
    expect(pages('member-memo')).toBeLessThanOrEqual(2);
    expect(pages('executive-brief')).toBe(1);
    expect(pages('hearing-day')).toBe(1);
  });

  it('strands no heading at the foot of a page', () => {
    for (const a of AUDIENCES) {
      const headings = new Set(headingsOf(md(a)));
      bodyLines(a).forEach((p, i) => {
        const last = p.lines.at(-1);
        // A contents entry ("Notes .... 18") names a heading too, with its page number.
        const stranded = last && !/\d$/.test(last.text) && headings.has(letters(last.text));
        expect(stranded ? `${a} p.${i + 1} ends with "${last?.text}"` : '').toBe('');
      });
    }
  });

  it('leaves no page under a quarter full, but the last page of the briefing book', () => {
    for (const a of AUDIENCES) {
      const all = bodyLines(a);
      all.forEach((p, i) => {
        if (a === 'briefing-book' && i === all.length - 1) return;
        // The text area runs from the 0.9in top margin to the 0.85in bottom one.
        const top = 0.9 * 72;
        const used = ((p.lines.at(-1)?.y ?? top) - top) / (p.height - 0.85 * 72 - top);
        expect(used > 0.25 ? '' : `${a} p.${i + 1} is ${Math.round(used * 100)}% full`).toBe('');
      });
    }
  });

  it('prints each witness question on the page of its answer', () => {
    const markdown = md('witness-prep');
    const blocks = [...markdown.matchAll(/^### \d+\. (.+)\n\n\*\*Answer\.\*\* (.+)$/gm)];
    expect(blocks.length).toBeGreaterThanOrEqual(5);
    const text = bodyLines('witness-prep').map((p) => letters(p.lines.map((l) => l.text).join(' ')));
    for (const [, question, answer] of blocks) {
      const q = text.findIndex((t) => t.includes(letters(question ?? '').slice(0, 40)));
      const ans = text.findIndex((t) => t.includes(letters(answer ?? '').slice(0, 40)));
      expect(q, question).toBeGreaterThanOrEqual(0);
      expect(ans).toBe(q);
    }
  });

  it('heads the memo TO / FROM / DATE / SUBJECT, with a BLUF that recommends', () => {
    const first = squash(
      bodyLines('member-memo')[0]!
        .lines.map((l) => l.text)
        .join(' '),
    );
    for (const label of ['TO:', 'FROM:', 'DATE:', 'SUBJECT:', 'BLUF:', 'Recommendation:']) expect(first).toContain(label);
    expect(first.indexOf('BLUF:')).toBeLessThan(first.indexOf('Background'));
  });

  it("gives the book a section of what we don't know, each with why it matters", () => {
    const book = md('briefing-book');
    const section = book.slice(book.indexOf("## What we don't know"), book.indexOf('## Issues for Congress'));
    expect(section.match(/^- .+\*Why it matters:\* .+/gm)?.length).toBeGreaterThanOrEqual(3);
  });

  it('draws the timeline figure as an SVG with no script and escaped text', () => {
    const html = readFileSync(join(out, 'briefing-book.html'), 'utf8');
    const svg = /<svg[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
    expect(svg).toContain('class="timeline-svg"');
    expect(svg).not.toMatch(/<script|\son[a-z]+=|href=|url\(/i);
    // An event title with an apostrophe comes out as an entity, not as markup.
    expect(svg).toContain('Anthropic&#39;s');
    expect(md('briefing-book')).toContain('*Figure 1. Timeline of');
  });

  it('puts no tool metadata in the public packets', () => {
    for (const a of ['press-points', 'executive-brief']) {
      expect(md(a)).not.toMatch(/may contain material up to|Built with briefbook|without a headline/);
    }
  });
});
