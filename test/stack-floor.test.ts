// The bench's stack floor (scripts/stack-floor.mjs, bundled by scripts/bench-peers.mjs):
// the libraries alone doing the least a Markdown + HTML build asks of them. The bench
// divides the cold build by it, so it must do that work and not less: read and check the
// project's data, and turn every Markdown file it is given into HTML.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the bench, without types
import { stackFloor } from '../scripts/bench-peers.mjs';
import { REPO } from './helpers/cli.js';

const made: string[] = [];
const temp = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `briefbook-${name}-`));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('stack floor', () => {
  let floor: string;
  let md: string;
  beforeAll(async () => {
    const bundled = await stackFloor(REPO, temp('floor-bundle'));
    expect(bundled.skipped).toBeUndefined();
    floor = bundled.file;
    md = temp('floor-md');
    writeFileSync(join(md, 'memo.md'), '# Memo\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\nText with a note.[^1]\n');
    writeFileSync(join(md, 'book.md'), '## Book\n\n- one\n- two\n');
  }, 60_000);

  const runFloor = (cwd: string, out: string) =>
    spawnSync(process.execPath, [floor, 'build', '-f', 'md', '-f', 'html', '-o', out, '-q'], {
      cwd,
      env: { ...process.env, BRIEFBOOK_FLOOR_MD: md },
      encoding: 'utf8',
    });

  it('reads the shipped project and writes every packet it is given as Markdown and HTML', () => {
    const out = temp('floor-out');
    const r = runFloor(REPO, out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['book.html', 'book.md', 'memo.html', 'memo.md']);
    const html = readFileSync(join(out, 'memo.html'), 'utf8');
    expect(html).toContain('<h1');
    expect(html).toContain('<td>1</td>');
    expect(readFileSync(join(out, 'book.html'), 'utf8')).toContain('<li>two</li>');
  });

  it('fails when the project holds no items, so a floor that read nothing is never reported', () => {
    const empty = temp('floor-empty');
    mkdirSync(join(empty, 'data'));
    writeFileSync(join(empty, 'data', 'facts.yaml'), 'facts: []\n');
    cpSync(join(REPO, 'templates'), join(empty, 'templates'), { recursive: true });
    const r = runFloor(empty, temp('floor-out-empty'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no facts read');
  });

  it('refuses an option the build does not have, as the CLI does (yargs strict)', () => {
    const r = spawnSync(process.execPath, [floor, 'build', '--bogus', '-o', temp('floor-out-bad')], {
      cwd: REPO,
      env: { ...process.env, BRIEFBOOK_FLOOR_MD: md },
      encoding: 'utf8',
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('bogus');
  });
});
