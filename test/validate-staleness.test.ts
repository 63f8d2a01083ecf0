// `validate` ages every fact's last check against the as-of date (briefbook.yaml `asOf`,
// `--as-of`, or the build stamp's date) and warns, at file:line:col with the age in days,
// about those checked more than `staleAfterDays` before it.
import { describe, expect, it } from 'vitest';
import { run } from './helpers/cli.js';
import { testdir } from './helpers/testdir.js';

const FILES = {
  'briefbook.yaml': 'asOf: 2026-06-25\nstaleAfterDays: 14\n',
  'data/sources.yaml': `sources:
  - id: s.one
    title: One report
    via: [Reuters]
  - id: s.two
    title: Another report
    via: [Financial Times]
`,
  'data/facts.yaml': `facts:
  - id: f.old
    statement: Checked in May.
    checked: "2026-05-01"
    status: reported
    sensitivity: public
    sources: [{ source: s.one }, { source: s.two }]

  - id: f.cited
    statement: Its citations were checked; the later check counts.
    status: reported
    sensitivity: public
    sources:
      - source: s.one
        checked: "2026-05-20"
      - source: s.two
        checked: "2026-06-02"

  - id: f.fresh
    statement: Checked last week.
    checked: "2026-06-18"
    status: reported
    sensitivity: public
    sources: [{ source: s.one }, { source: s.two }]

  - id: f.never
    statement: Never checked.
    status: reported
    sensitivity: public
    sources: [{ source: s.one }, { source: s.two }]
`,
};

describe('validate: facts not checked recently', () => {
  it('warns at the check date with file:line:col and the age in days against asOf', () => {
    const root = testdir(FILES);
    const r = run(['validate'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'data/facts.yaml:4:14: warning: fact "f.old" was last checked 2026-05-01, 55 days before the as-of date 2026-06-25 (more than 14) (facts[0].checked)\n' +
        '  hint: check it against its sources again and set `checked:` to the day you did; the limit is `staleAfterDays` in briefbook.yaml\n',
    );
    expect(r.stderr).toContain(
      'data/facts.yaml:17:18: warning: fact "f.cited" was last checked 2026-06-02, 23 days before the as-of date 2026-06-25 (more than 14) (facts[1].sources[1].checked)',
    );
    expect(r.stderr).not.toContain('"f.fresh"');
    expect(r.stderr).not.toContain('"f.never"');
    expect(r.stdout).toContain('ok: 0 error(s), 2 warning(s)'); // the summary goes to stdout
  });

  it('ages against --as-of instead, fails with --strict, and reports JSON', () => {
    const root = testdir(FILES);
    const r = run(['validate', '--as-of', '2026-06-10', '--json'], { cwd: root });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.warnings.map((w: { line: number; message: string }) => [w.line, w.message])).toEqual([
      [4, 'fact "f.old" was last checked 2026-05-01, 40 days before the as-of date 2026-06-10 (more than 14)'],
    ]);
    expect(run(['validate', '--strict'], { cwd: root }).code).toBe(1);
    expect(run(['validate', '--as-of', '2026-06-01'], { cwd: root }).stdout).toContain('ok: 0 error(s), 1 warning(s)');
  });

  it('takes the limit from briefbook.yaml, and refuses a bad as-of date', () => {
    const root = testdir({ ...FILES, 'briefbook.yaml': 'asOf: 2026-06-25\nstaleAfterDays: 60\n' });
    expect(run(['validate'], { cwd: root }).stdout).toContain('ok: 0 error(s), 0 warning(s)');
    const bad = run(['validate', '--as-of', '25 June'], { cwd: root });
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('--as-of 25 June is not a day; give it as YYYY-MM-DD')]);
    const config = testdir({ ...FILES, 'briefbook.yaml': 'title: x\nasOf: June 25\n' });
    const r = run(['validate'], { cwd: config });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('briefbook.yaml:2:7: error: invalid project config: asOf: asOf is a day, YYYY-MM-DD');
  });
});
