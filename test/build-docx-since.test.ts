// `build --since REV --format docx` end to end, with real git: the shipped project
// committed, then a figure and a status changed in a second commit. The Word files carry
// the changes as revisions with the old and new text; the Markdown is not touched by them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from './helpers/cli.js';
import { paragraphs, readDocx, revisions } from './helpers/docx.js';
import { git, gitEnv } from './helpers/git-repo.js';
import { shippedProject } from './helpers/project.js';

/** Replaces the first `from` after `anchor` (so an edit lands in the right item). */
function after(text: string, anchor: string, from: string, to: string): string {
  const i = text.indexOf(from, text.indexOf(anchor));
  if (text.indexOf(anchor) < 0 || i < 0) throw new Error(`test setup: "${from}" after "${anchor}" not found`);
  return text.slice(0, i) + to + text.slice(i + from.length);
}

// One repository for the whole file (testdir() would remove it after the first test).
const root = mkdtempSync(join(tmpdir(), 'briefbook-docx-since-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const env = gitEnv();
const briefbook = (args: string[]) => run(args, { cwd: root, env });
const out = (name: string) => join(root, 'out', name);
let document: string;

function commit(message: string, files: Record<string, string>) {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  git(root, env, 'add', '-A');
  git(root, env, 'commit', '-q', '-m', message);
}

beforeAll(() => {
  git(root, env, 'init', '-q', '-b', 'main');
  commit('the shipped project', shippedProject());
  let campaign = readFileSync(join(root, 'data/facts/campaign.yaml'), 'utf8');
  campaign = after(campaign, '- id: exact-28.8m', '28.8 million exchanges, stated', '29.1 million exchanges, stated');
  campaign = after(campaign, '- id: exact-28.8m', 'number: 28800000', 'number: 29100000');
  let letter = readFileSync(join(root, 'data/facts/letter.yaml'), 'utf8');
  letter = after(letter, '- id: letter.asks', 'status: reported', 'status: confirmed');
  commit('revise a figure, confirm the asks', { 'data/facts/campaign.yaml': campaign, 'data/facts/letter.yaml': letter });
  const r = briefbook(['build', '--since', 'HEAD~1', '--format', 'docx', '-f', 'md', '-q']);
  expect([r.code, r.stderr]).toEqual([0, '']);
  document = readDocx(out('briefing-book.docx')).get('word/document.xml') ?? '';
}, 120_000);

describe('build --since REV --format docx', () => {
  it('marks the changed figure: the old one deleted, the new one inserted, by briefbook at the stamp', () => {
    const row = paragraphs(document).find((p) => p.text === '29.1 million exchanges, stated without a hedge.');
    expect(row).toBeDefined();
    expect(revisions(row?.xml ?? '')).toEqual({ inserted: ['29.1 '], deleted: ['28.8 '] });
    const date = git(root, env, 'show', '-s', '--format=%cI', 'HEAD').trim();
    const stamp = new Date(date).toISOString().replace(/\.\d{3}Z$/, 'Z');
    expect(row?.xml).toContain(`<w:ins w:id="`);
    expect(row?.xml).toMatch(new RegExp(`<w:del w:id="\\d+" w:author="briefbook" w:date="${stamp}">`));
  });

  it('marks the changed status where the packet hedged by it: the lead-in deleted', () => {
    const asks = paragraphs(document).filter((p) => p.text.startsWith('Anthropic asked Congress to shut gaps'));
    const hedged = asks.filter((p) => p.xml.includes('<w:del '));
    expect(hedged.length).toBeGreaterThan(0);
    for (const p of hedged) expect(revisions(p.xml)).toEqual({ deleted: ['According to the Financial Times, '], inserted: [] });
    // Where a template prints the statement without a hedge, the status change changes nothing
    // (the book prints each fact once, hedged; the executive brief prints the asks hedged too).
    for (const p of asks.filter((x) => !hedged.includes(x))) expect(p.xml).not.toMatch(/<w:(ins|del) /);
  });

  it('marks the figure in every packet that prints it, the public ones included', () => {
    // The executive brief prints one version (approximately 28.8 million), which did not change.
    for (const name of ['member-memo', 'press-points']) {
      const r = revisions(readDocx(out(`${name}.docx`)).get('word/document.xml') ?? '');
      // {{value}} now spans the versions: "approximately 28.8 million to 29.1 million exchanges".
      expect(r.inserted.join(''), name).toContain('29.1 million');
      // The only deletion a packet may show is the asks' lead-in, where it hedges by status.
      expect(
        r.deleted.filter((d) => d !== 'According to the Financial Times, '),
        name,
      ).toEqual([]);
    }
  });

  it('leaves the Markdown exactly as a build without Word output', () => {
    const md = readFileSync(out('briefing-book.md'), 'utf8');
    const again = briefbook(['build', '--since', 'HEAD~1', '-f', 'md', '-o', 'md-only', '-q']);
    expect(again.code).toBe(0);
    expect(readFileSync(join(root, 'md-only/briefing-book.md'), 'utf8')).toBe(md);
    expect(md).not.toContain('\u0000');
    expect(md).toContain('## Changes since HEAD\\~1');
  });

  const soffice = ['soffice', 'libreoffice'].find((cmd) => spawnSync(cmd, ['--version']).status === 0);
  it.skipIf(!soffice)(
    'opens in LibreOffice with its revisions (skipped without soffice: apt-get install libreoffice-writer-nogui)',
    () => {
      const r = spawnSync(
        soffice as string,
        [
          `-env:UserInstallation=file://${join(root, 'lo-profile')}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          out(''),
          out('briefing-book.docx'),
        ],
        { encoding: 'utf8', timeout: 120_000 },
      );
      expect(r.status, r.stderr).toBe(0);
      const text = spawnSync('pdftotext', [out('briefing-book.pdf'), '-'], { encoding: 'utf8' }).stdout;
      expect(text).toContain('29.1');
    },
    150_000,
  );
});
