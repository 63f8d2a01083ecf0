// The command line as a whole: --help with examples on every command, --version,
// shell completion, NO_COLOR, results on stdout and errors on stderr.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/cli/main.js';
import { REPO, run } from './helpers/cli.js';
import { initProject } from './helpers/project.js';
import { testdir } from './helpers/testdir.js';

const names = COMMANDS.map((c) => String(c.command).split(' ')[0] ?? '');
const ESC = '\x1b[';

describe('every command', () => {
  it('is registered once, with the ones this release adds', () => {
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['init', 'new', 'watch', 'doctor', 'completion']));
  });

  it.each([...names.map((n) => [n]), ['new', 'audience']])('`%s --help` shows usage and examples', (...words) => {
    const r = run([...words.filter(Boolean), '--help'], { cwd: testdir({}) });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain(`briefbook ${words.join(' ')}`);
    expect(r.stdout).toMatch(/\nExamples:\n {2}briefbook /);
  });

  // Help is read by people working on any hearing: no example names the shipped one.
  it.each([...names.map((n) => [n]), ['new', 'audience'], ['import', 'legislators']])('`%s --help` names no one case', (...words) => {
    const r = run([...words.filter(Boolean), '--help'], { cwd: testdir({}) });
    expect(r.stdout).not.toMatch(
      /anthropic|alibaba|qwen|claude|campaign|distillation|ssbk|senate banking|v-june|shared\/(seeds|datasets)/i,
    );
  });
});

describe('--version', () => {
  it('prints package.json’s version from any folder', () => {
    const version = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
    for (const flag of ['--version', '-V']) {
      const r = run([flag], { cwd: testdir({}) });
      expect([r.code, r.stdout, r.stderr]).toEqual([0, `${version}\n`, '']);
    }
  });
});

describe('briefbook completion', () => {
  it('prints a bash script that asks briefbook for completions', () => {
    const r = run(['completion', '--shell', 'bash']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('###-begin-briefbook-completions-###');
    expect(r.stdout).toContain('briefbook --get-yargs-completions');
    expect(r.stdout).toContain('complete -o bashdefault -o default -F _briefbook_yargs_completions briefbook');
  });

  it('prints a zsh script', () => {
    const r = run(['completion', '--shell', 'zsh']);
    expect(r.stdout).toMatch(/^#compdef briefbook\n/);
    expect(r.stdout).toContain('compdef _briefbook_yargs_completions briefbook');
  });

  it('answers the script’s questions: commands, then option values', () => {
    const commands = run(['--get-yargs-completions', 'briefbook', '']).stdout.split('\n');
    expect(commands).toEqual(expect.arrayContaining(['init', 'build', 'watch', 'doctor', 'new']));
    expect(commands).not.toContain('completion-script');
    expect(run(['--get-yargs-completions', 'briefbook', 'build', '--format', '']).stdout.split('\n')).toEqual(
      expect.arrayContaining(['md', 'html', 'pdf']),
    );
  });
});

describe('output streams and colour', () => {
  it('puts results on stdout and errors on stderr', () => {
    const root = initProject();
    const ok = run(['list', 'audiences'], { cwd: root });
    expect(ok.stdout).toContain('member-memo');
    const bad = run(['build', '-a', 'nobody'], { cwd: root });
    expect([bad.code, bad.stdout]).toEqual([1, '']);
    expect(bad.stderr).toContain('unknown audience "nobody"');
  });

  it('colours a terminal’s output only without NO_COLOR', () => {
    const root = initProject();
    const coloured = run(['doctor', '--browser', '/nonexistent'], { cwd: root, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(coloured.stdout).toContain(ESC);
    const plain = run(['doctor', '--browser', '/nonexistent'], { cwd: root, env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(plain.stdout).not.toContain(ESC);
    const error = run(['new', 'audience', 'member-memo'], { cwd: root, env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(error.stderr).toContain('already exists');
    expect(error.stderr).not.toContain(ESC);
  });
});
