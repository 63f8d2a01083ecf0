// A long unbroken token (a URL, a hash, a run of letters) wraps in the HTML and the PDF:
// every character is printed, in a list, in a table cell, in a table's first column, and
// nothing runs off the page (before: 94 of 10,000 characters survived the right margin).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fixtureProject } from './fixtures/render.js';
import { run } from './helpers/cli.js';
import { hasBrowser } from './helpers/hardening.js';
import { read } from './helpers/project.js';
import { testdir } from './helpers/testdir.js';

const TOKEN = ['A', 'B', 'C', 'D', 'E'].map((c) => c.repeat(2_000)).join('');
const LABEL = `L${'l'.repeat(299)}`;
const TITLE = 'T'.repeat(3_000);

describe.skipIf(!hasBrowser)('long unbroken tokens', () => {
  it('wrap in the PDF, every character printed, in lists, table cells and first columns', () => {
    const files = fixtureProject();
    files['data/facts.yaml'] += `  - id: pub.token
    statement: "Token: ${TOKEN} end."
    value: { number: 5, unit: ${LABEL.toLowerCase()} }
    status: reported
    sensitivity: public
    tags: [key, figures]
    sources: [{ source: s.one }, { source: s.two }]
`;
    files['data/events.yaml'] += `  - id: ev.token\n    date: "2026-06-11"\n    title: ${TITLE}\n    facts: [pub.token]\n`;
    files['templates/audiences/press.md'] += '\n{{figureTable}}\n';
    const root = testdir(files);
    const r = run(['build', '-a', 'press', '-f', 'html', '-f', 'pdf'], { cwd: root, timeout: 180_000 });
    expect([r.code, r.stderr]).toEqual([0, '']);

    const pdf = `${root}/out/press.pdf`;
    const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)?.[1]);
    expect(pages).toBeGreaterThan(3);
    expect(pages).toBeLessThan(20);
    // The text of the pages joined up, without what repeats on every page (the running
    // header and footer, a table's header row) or sits beside a cell (its note number).
    const repeated = /^(PUBLIC — DRAFT.*|Press points|Press office|Fact base.*|Page \d+ of \d+|Figure|As reported|Date|Event|Sources|\d+)$/;
    const body = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })
      .stdout.split('\n')
      .filter((l) => !repeated.test(l.replace(/\f/g, '').trim()))
      .join('')
      .replace(/[\s\f]+/g, '');
    expect(body.split(TOKEN).length - 1).toBe(2); // the list item and the figures table
    expect(body).toContain(TITLE); // the timeline
    expect(body).toContain(LABEL); // the figures table's first column
    expect(read(root, 'out/press.html')).toMatch(/overflow-wrap: anywhere/);
  });
});
