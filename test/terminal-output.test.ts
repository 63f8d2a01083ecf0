// What briefbook prints on a terminal never carries the data's control characters: an ESC
// in a fact could otherwise repaint the screen, retitle the window or hide text, a carriage
// return overwrite a line, a bidi override reorder it. They are printed as \uXXXX escapes by
// every command (list, textconv and so `git diff`, validate, import), in text and JSON alike.
// And a reader that goes away (`| head -c1`) ends the command quietly.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { projectFiles } from './fixtures/legislators.js';
import { fixtureProject } from './fixtures/render.js';
import { BIN, run } from './helpers/cli.js';
import { testdir } from './helpers/testdir.js';

// YAML double-quoted escapes: a window title, clear screen, red, a C1 CSI, CR, a bidi override.
const HOSTILE_YAML = String.raw`Pwned \e]0;owned\a\e[2J\e[31mred\x9b31m over\rwrite \u202Eevil`;
const RAW = /(?![\t\n])[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;

function project(extra: Record<string, string> = {}) {
  const files = fixtureProject(extra);
  files['data/facts.yaml'] += `  - id: pub.hostile
    statement: "${HOSTILE_YAML}"
    status: reported
    sensitivity: public
    sources: [{ source: s.one }, { source: s.two }]
`;
  return testdir(files);
}

describe('terminal output', () => {
  it('list, list --json and textconv print control characters as escapes', () => {
    const root = project();
    const list = run(['list', 'facts'], { cwd: root });
    expect(list.code).toBe(0);
    expect(list.stdout).not.toMatch(RAW);
    expect(list.stdout).toContain('Pwned \\u001b]0;owned\\u0007\\u001b[2J\\u001b[31mred\\u009b31m over\\u000dwrite \\u202eevil');

    const json = run(['list', 'facts', '--json'], { cwd: root });
    expect(json.stdout).not.toMatch(RAW);
    const hostile = (JSON.parse(json.stdout) as { id: string; statement: string }[]).find((f) => f.id === 'pub.hostile');
    expect(hostile?.statement).toBe('Pwned \u001b]0;owned\u0007\u001b[2J\u001b[31mred\u009b31m over\rwrite \u202eevil');

    const textconv = run(['textconv', 'data/facts.yaml'], { cwd: root });
    expect(textconv.code).toBe(0);
    expect(textconv.stdout).not.toMatch(RAW);
    expect(textconv.stdout).toContain('statement: Pwned \\u001b]0;owned');
  });

  it('validate’s messages escape a field name from the data', () => {
    const root = project({ 'data/extra.yaml': 'sources:\n  - id: s.x\n    title: X\n    "\\e[2Jtitel": oops\n' });
    const r = run(['validate'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(RAW);
    expect(r.stderr).toContain('\\u001b[2Jtitel');
  });

  it('the import summary escapes names from the dataset', () => {
    const root = testdir(
      projectFiles({
        'committees-current.yaml': (t) =>
          t.replace('name: Senate Committee on Banking, Housing, and Urban Affairs', 'name: "Senate Committee\\e[8m hidden"'),
      }),
    );
    const r = run(['import', 'legislators', '--committee', 'SSBK', '--from', 'dataset'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(RAW);
    expect(r.stderr).toContain('SSBK (Senate Committee\\u001b[8m hidden)');
  });

  it('keeps its own colours when asked for them', () => {
    const r = run(['validate'], {
      cwd: project({ 'data/extra.yaml': 'sources:\n  - id: s.x\n' }),
      env: { NO_COLOR: undefined, FORCE_COLOR: '1' },
    });
    const ESC = String.fromCharCode(27);
    expect(r.stderr.split('\n').some((l) => l.startsWith(`${ESC}[31m`) && l.includes('error: ') && l.endsWith(`${ESC}[39m`))).toBe(true);
  });
});

describe('a reader that goes away', () => {
  it('`list facts --json | head -c1` ends quietly, exit 0, on a large fact base', () => {
    const facts = Array.from(
      { length: 3_000 },
      (_, i) =>
        `  - { id: f.n${i}, statement: "Fact number ${i} of a long list.", status: reported, sensitivity: public, sources: [{ source: s.one }] }`,
    );
    const root = testdir({
      'briefbook.yaml': '',
      'data/s.yaml': 'sources:\n  - { id: s.one, title: One }\n',
      'data/f.yaml': `facts:\n${facts.join('\n')}\n`,
    });
    const r = spawnSync(
      'bash',
      ['-c', `"${process.execPath}" "${BIN}" list facts --json 2>err.txt | head -c1; echo " $\{PIPESTATUS[0]}"; cat err.txt`],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(r.stdout).toBe('[ 0\n');
  });
});
