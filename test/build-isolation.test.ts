// One broken audience among good ones: the good packets are written, the broken one keeps
// its previous files in every format (never its new .md beside its old .pdf), the build
// exits 1 naming it; --all-or-nothing writes nothing. PDFs from the real Chromium.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA, fixtureProject } from './fixtures/render.js';
import { run } from './helpers/cli.js';
import { hasBrowser } from './helpers/hardening.js';
import { testdir } from './helpers/testdir.js';

const OLD = 'the letter reached the committee chair before the hearing.';
const NEW = 'the letter reached the committee chair a week before the hearing.';

/** A third audience: a one-page memo of the key facts and any tagged "bulk". */
const MEMO = `---
title: Memo
audience: Members
genre: memo
sensitivity: public
banner: Public — draft
pageLimit: 1
---
# Memo

{{#facts tag="key bulk"}}
- {{fact id}}
{{/facts}}
`;

const project = () => testdir(fixtureProject({ 'templates/audiences/memo.md': MEMO }));
const snapshot = (root: string) => new Map(readdirSync(join(root, 'out')).map((f) => [f, readFileSync(join(root, 'out', f))] as const));
const pdftotext = (file: string) => spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
const pdfPages = (file: string) => Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout)?.[1]);

/** The second build's input: a changed fact every packet prints, and `edit` applied. */
function change(root: string, edit: Record<string, string>) {
  writeFileSync(join(root, 'data/facts.yaml'), DATA['data/facts.yaml']?.replace(OLD, NEW) as string);
  for (const [path, text] of Object.entries(edit)) writeFileSync(join(root, path), text);
}

/** Every file of `name` is what it was; every file of the others is new and prints the changed fact. */
function expectKept(root: string, before: Map<string, Buffer>, name: string, others: string[], formats: string[]) {
  const now = snapshot(root);
  expect([...now.keys()].sort()).toEqual([...before.keys()].sort()); // no temp files left
  for (const f of formats) {
    expect(now.get(`${name}.${f}`)?.equals(before.get(`${name}.${f}`) as Buffer), `${name}.${f}`).toBe(true);
    for (const o of others) {
      expect(now.get(`${o}.${f}`)?.equals(before.get(`${o}.${f}`) as Buffer), `${o}.${f}`).toBe(false);
      if (f !== 'pdf') expect(now.get(`${o}.${f}`)?.toString()).toContain('a week before the hearing');
    }
  }
}

/** A project built once (md, html), then changed, with the memo broken by an unknown fact id. */
function builtThenBroken() {
  const root = project();
  expect(run(['build', '-f', 'md', '-f', 'html', '-q'], { cwd: root }).code).toBe(0);
  const before = snapshot(root);
  change(root, { 'templates/audiences/memo.md': MEMO.replace('# Memo\n', '# Memo\n\n{{fact "pub.alpah"}}\n') });
  return { root, before };
}

describe('build: one broken audience', () => {
  it('writes the others (md, html), keeps the broken one’s previous files, exits 1 naming it with its error', () => {
    const { root, before } = builtThenBroken();
    const r = run(['build', '-f', 'md', '-f', 'html', '--json'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: packet memo failed; written: press, staff');
    expect(r.stderr).toContain('hint: a packet that failed keeps its previous files, in every format');
    expect(r.stderr).toMatch(/templates\/audiences\/memo\.md:11:1: error: unknown fact id "pub\.alpah"/);
    expect(JSON.parse(r.stdout).map((w: { path: string }) => w.path)).toEqual([
      'out/press.md',
      'out/press.html',
      'out/staff.md',
      'out/staff.html',
    ]);
    expectKept(root, before, 'memo', ['press', 'staff'], ['md', 'html']);
  });

  it('with --all-or-nothing writes no packet at all', () => {
    const { root, before } = builtThenBroken();
    const r = run(['build', '-f', 'md', '-f', 'html', '--all-or-nothing'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/memo\.md:11:1: error: unknown fact id "pub\.alpah"/);
    const now = snapshot(root);
    expect([...now].every(([f, bytes]) => bytes.equals(before.get(f) as Buffer))).toBe(true);
    expect(now.size).toBe(before.size);
  });

  it.skipIf(!hasBrowser)(
    'a PDF over its page limit keeps that packet’s previous .md, .html and .pdf together; the others’ PDFs are new',
    () => {
      const root = project();
      expect(run(['build', '-q'], { cwd: root, timeout: 120_000 }).code).toBe(0);
      const before = snapshot(root);
      expect(pdfPages(join(root, 'out/memo.pdf'))).toBe(1);
      // Forty long facts tagged "bulk": only the memo lists them, and they take it past one page.
      const bulk = Array.from(
        { length: 40 },
        (_, i) =>
          `  - id: pub.bulk-${i}\n    statement: Bulk fact ${i} is a long statement that takes up a full line of the memo, and then some more of it.\n    status: reported\n    sensitivity: public\n    tags: [bulk]\n    sources: [{ source: s.two }]\n`,
      ).join('');
      change(root, {});
      writeFileSync(join(root, 'data/facts.yaml'), `${readFileSync(join(root, 'data/facts.yaml'), 'utf8')}${bulk}`);
      const r = run(['build'], { cwd: root, timeout: 120_000 });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/templates\/audiences\/memo\.md:7:1: error: .*pages?.*limit/i);
      expect(r.stderr).toContain('packet memo failed; written: press, staff');
      expectKept(root, before, 'memo', ['press', 'staff'], ['md', 'html', 'pdf']);
      expect(pdftotext(join(root, 'out/press.pdf'))).toContain('a week before the hearing');
      expect(pdftotext(join(root, 'out/memo.pdf'))).toContain(OLD);
      expect(pdfPages(join(root, 'out/memo.pdf'))).toBe(1);
    },
    240_000,
  );
});
