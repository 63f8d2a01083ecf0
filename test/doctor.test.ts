// `briefbook doctor`: one screen, ok / problem with the fix, exit 1 on any problem.
import { describe, expect, it } from 'vitest';
import { run } from './helpers/cli.js';
import { initProject } from './helpers/project.js';
import { testdir } from './helpers/testdir.js';

describe('briefbook doctor', () => {
  it('explains a missing browser in one screen and exits 1', () => {
    const root = initProject();
    const r = run(['doctor', '--browser', '/nonexistent/chrome'], {
      cwd: root,
      env: { PUPPETEER_EXECUTABLE_PATH: undefined, PATH: '/usr/bin:/bin' },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('problem  no browser for PDF output');
    expect(r.stdout).toContain('tried /nonexistent/chrome (--browser): not found (or not executable)');
    expect(r.stdout).toMatch(/fix: sudo apt-get install chromium/);
    expect(r.stdout).toContain('npx puppeteer browsers install chrome');
    expect(r.stdout).toContain('skipped  test PDF not tried (no browser)');
    expect(r.stdout).toMatch(/1 problem to fix\.\n$/);
    expect(r.stdout.split('\n').length).toBeLessThanOrEqual(24);
  });

  it('on a healthy machine lists every check ok, fonts included, and exits 0', () => {
    const root = initProject();
    const r = run(['doctor'], { cwd: root, timeout: 90_000 });
    expect([r.code, r.stderr]).toEqual([0, '']);
    const lines = r.stdout.split('\n');
    for (const check of [
      'node ',
      'browser ',
      'test PDF: browser started in',
      'Word writer: test .docx written in',
      'fonts Liberation Serif, Liberation Sans',
      'git version',
      `project ${root}: valid`,
    ]) {
      expect(
        lines.some((l) => l.startsWith(`ok       ${check}`)),
        check,
      ).toBe(true);
    }
    expect(r.stdout).toContain('1-page PDF printed in');
    expect(r.stdout).toMatch(/All good\.\n$/);
  });

  it('reports a broken project as a problem, with where to look', () => {
    const root = testdir({ 'data/facts.yaml': 'facts:\n  - id: a\n    statement: x\n' });
    const r = run(['doctor', '--json', '--browser', '/nonexistent'], { cwd: root });
    expect(r.code).toBe(1);
    const project = (JSON.parse(r.stdout) as { name: string; status: string; details: string[] }[]).find((c) => c.name === 'project');
    expect(project?.status).toBe('problem');
    expect(project?.details[0]).toBe('2 errors in the fact base (first: data/facts.yaml:2:5: missing required field "status")');
  });

  it('outside any project skips the project check instead of failing it', () => {
    const r = run(['doctor', '--json', '--browser', '/nonexistent'], { cwd: testdir({}) });
    const checks = JSON.parse(r.stdout) as { name: string; status: string }[];
    expect(checks.find((c) => c.name === 'project')?.status).toBe('skipped');
  });

  it('tries the Word writer, and says how to check Word files when LibreOffice is missing', () => {
    const r = run(['doctor', '--json', '--browser', '/nonexistent'], { cwd: testdir({}), env: { PATH: '/nonexistent' } });
    const word = (JSON.parse(r.stdout) as { name: string; status: string; summary: string; details: string[] }[]).find(
      (c) => c.name === 'word',
    );
    expect(word?.status).toBe('ok');
    expect(word?.summary).toMatch(/^Word writer: test \.docx written in \d+\.\d\d s$/);
    expect(word?.details).toEqual([
      'open out/<audience>.docx in Word (Review → Track Changes shows `build --since` changes) or LibreOffice',
      'no LibreOffice to check .docx files without Word: sudo apt-get install libreoffice-writer-nogui',
    ]);
  });
});
