// `build --as-of DATE` through the built CLI: the as-of date changes the "Facts as of" line
// and whether the hearing reads as upcoming or held — and nothing else, byte for byte — in
// a fixture project and in the shipped packets; the PDF's running header and footer say
// both; a bad date is a bad command line.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRONT, fixtureProject } from './fixtures/render.js';
import { REPO, run } from './helpers/cli.js';
import { testdir } from './helpers/testdir.js';

const CONFIG = `hearing:
  title: Oversight of model extraction
  committee: Senate Committee on Testing
  date: 2026-06-30
  time: "10:00 a.m."
  room: not yet known
  witnesses: [Ann Witness]
`;

const MEMO = `---
${FRONT.replace('sensitivity: public', 'sensitivity: internal').replace('banner: Public', 'banner: Internal')}
to: The Senator
from: Staff
subject: Alpha
cover: true
---
{{> cover}}

{{> memo-header}}

The hearing is {{#if hearing.upcoming}}ahead of us{{/if}}{{#if hearing.held}}behind us{{/if}}.

{{#facts tag="key"}}
- {{fact id}}
{{/facts}}

{{timeline all=true}}

{{> colophon}}
`;

/** Every file of two output folders, line by line: the lines that differ, as [a, b] pairs. */
function differingLines(a: string, b: string): [string, string][] {
  const files = readdirSync(a).sort();
  expect(readdirSync(b).sort()).toEqual(files);
  return files.flatMap((f) => {
    const x = readFileSync(join(a, f), 'utf8').split('\n');
    const y = readFileSync(join(b, f), 'utf8').split('\n');
    expect(y.length, f).toBe(x.length);
    return x.flatMap((line, i) => (line === y[i] ? [] : [[line, y[i] as string] as [string, string]]));
  });
}

/** A line with its as-of date and hearing status taken out. */
const withoutTime = (line: string) =>
  line
    .replace(/Facts as of [A-Z][a-z]+ \d{1,2}, \d{4}/g, 'Facts as of …')
    .replace(/\((upcoming|held|today|may already have been held)\)/g, '(…)')
    .replace(/ahead of us|behind us/g, '…');

function build(root: string, out: string, asOf: string, extra: string[] = []) {
  const r = run(['build', '-f', 'md', '-f', 'html', '-o', out, '--as-of', asOf, '-q', ...extra], { cwd: root, timeout: 120_000 });
  expect([r.code, r.stderr]).toEqual([0, '']);
}

describe('build --as-of', () => {
  it('changes the "Facts as of" line and upcoming/held, and nothing else, byte for byte', () => {
    const root = testdir(fixtureProject({ 'briefbook.yaml': CONFIG, 'templates/audiences/memo.md': MEMO }));
    build(root, join(root, 'before'), '2026-06-20');
    build(root, join(root, 'after'), '2026-07-02');
    const diff = differingLines(join(root, 'before'), join(root, 'after'));
    expect(diff.length).toBeGreaterThan(0);
    for (const [a, b] of diff) expect(withoutTime(b), `${a}\n${b}`).toBe(withoutTime(a));
    const memo = readFileSync(join(root, 'before/memo.md'), 'utf8');
    const later = readFileSync(join(root, 'after/memo.md'), 'utf8');
    expect(memo).toContain('Facts as of June 20, 2026');
    expect(memo).toContain('- **Date:** June 30, 2026 (upcoming)');
    expect(memo).toContain('The hearing is ahead of us.');
    expect(later).toContain('Facts as of July 2, 2026');
    expect(later).toContain('- **Date:** June 30, 2026 (held)');
    expect(later).toContain('**HEARING:** Oversight of model extraction; Senate Committee on Testing; June 30, 2026 (held); 10:00 a.m.');
    expect(later).toContain('The hearing is behind us.');
    // Both sides' every differing line is about time.
    expect(diff.every(([a]) => /Facts as of|\((upcoming|held)\)|ahead of us/.test(a))).toBe(true);
  });

  it('does the same for the shipped packets, whose hearing is only known to come after the letter', () => {
    const out = testdir({});
    build(REPO, join(out, 'early'), '2026-06-05');
    build(REPO, join(out, 'late'), '2026-06-25');
    const diff = differingLines(join(out, 'early'), join(out, 'late'));
    for (const [a, b] of diff) expect(withoutTime(b), `${a}\n${b}`).toBe(withoutTime(a));
    const early = readFileSync(join(out, 'early/member-memo.md'), 'utf8');
    expect(early).toContain('**DATE:**');
    expect(early).toContain('Facts as of June 5, 2026');
    expect(early).toContain('after June 10, 2026 (upcoming)');
    expect(readFileSync(join(out, 'late/member-memo.md'), 'utf8')).toContain('after June 10, 2026 (may already have been held)');
  });

  it('puts the hearing in the running header and the as-of date in the footer of the PDF, the memo still on two pages', () => {
    const out = testdir({});
    const r = run(['build', '-a', 'member-memo', '-f', 'pdf', '-o', out, '--as-of', '2026-06-05', '-q'], { cwd: REPO, timeout: 180_000 });
    expect([r.code, r.stderr]).toEqual([0, '']);
    const file = join(out, 'member-memo.pdf');
    expect(Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout)?.[1])).toBe(2);
    for (const page of [1, 2]) {
      const text = spawnSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-'], { encoding: 'utf8' }).stdout;
      expect(text).toMatch(/Member · Hearing after June 10, 2026 \(upcoming\)/);
      expect(text).toMatch(/Fact base \S+ of \d{4}-\d{2}-\d{2}.* · Facts as of June 5, 2026/);
    }
  }, 180_000);

  it('refuses a date that is not a day as a bad command line, before anything is written', () => {
    const root = testdir(fixtureProject());
    for (const bad of ['2026-06', '2026-06-31', 'yesterday']) {
      const r = run(['build', '-f', 'md', '--as-of', bad], { cwd: root });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--as-of ${bad} is not a day; give it as YYYY-MM-DD`);
    }
    expect(readdirSync(root)).not.toContain('out');
  });
});
