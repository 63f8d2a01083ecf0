// docs/porting.md, done as a test: the shipped member memo and press points moved to a
// hearing that is not the shipped case (test/fixtures/porting: a House subcommittee
// hearing on a payment outage). One `validate` lists every template problem `build` would
// hit, `build` reports the same list, and after the porting edits the packets build.
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, run } from './helpers/cli.js';
import { testdir } from './helpers/testdir.js';

const FIXTURE = join(REPO, 'test/fixtures/porting');
const SHIPPED = ['member-memo', 'press-points'];

function project(audiences: (name: string) => string): string {
  const root = testdir(Object.fromEntries(SHIPPED.map((n) => [`templates/audiences/${n}.md`, readFileSync(audiences(n), 'utf8')])));
  cpSync(join(FIXTURE, 'data'), join(root, 'data'), { recursive: true });
  return root;
}

type D = { file: string; line: number; column: number; message: string };
const where = (d: D) => `${d.file}:${d.line}:${d.column}: ${d.message}`;

/** Every template problem of the shipped memo and press points on the outage hearing. */
const PROBLEMS = [
  'templates/audiences/member-memo.md:24:78: unknown fact id "campaign.accounts"',
  'templates/audiences/member-memo.md:24:148: unknown fact id "campaign.exchanges"',
  'templates/audiences/member-memo.md:24:227: unknown fact id "campaign.allegation"',
  'templates/audiences/member-memo.md:24:334: unknown fact id "campaign.single-source"',
  'templates/audiences/member-memo.md:24:334: unknown fact id "responses.alibaba"',
  'templates/audiences/member-memo.md:31:1: unknown fact id "letter.recipients"',
  'templates/audiences/member-memo.md:31:41: unknown fact id "letter.asks"',
  'templates/audiences/member-memo.md:31:75: unknown fact id "letter.before-hearing"',
  'templates/audiences/press-points.md:26:68: unknown fact id "campaign.accounts"',
  'templates/audiences/press-points.md:26:138: unknown fact id "campaign.exchanges"',
  'templates/audiences/press-points.md:26:227: unknown fact id "campaign.allegation"',
  'templates/audiences/press-points.md:26:369: unknown fact id "campaign.single-source"',
  'templates/audiences/press-points.md:26:369: unknown fact id "responses.alibaba"',
  'templates/audiences/press-points.md:40:1: unknown fact id "earlier.pattern"',
  'templates/audiences/press-points.md:40:1: unknown fact id "earlier.comparison"',
  'templates/audiences/press-points.md:40:1: unknown fact id "policy.white-house-ip-theft"',
  'templates/audiences/press-points.md:40:1: unknown fact id "policy.chip-export-controls"',
  'templates/audiences/press-points.md:40:1: unknown fact id "policy.senate-hearing"',
];

describe('porting the shipped audiences to another hearing (docs/porting.md)', () => {
  it('one validate lists every template problem, and build reports exactly the same ones', () => {
    const root = project((n) => join(REPO, 'templates/audiences', `${n}.md`));
    const v = run(['validate', '--format', 'json'], { cwd: root });
    expect(v.code).toBe(1);
    const report = JSON.parse(v.stdout) as { errors: D[]; warnings: (D & { rule?: string })[] };
    expect(report.errors.map(where)).toEqual(PROBLEMS);
    // The sections whose every line failed are headings over nothing.
    expect(report.warnings.filter((w) => w.rule === 'empty-section').map(where)).toEqual([
      'templates/audiences/member-memo.md:28:1: section "background" renders empty',
      'templates/audiences/press-points.md:37:1: section "context" renders empty',
    ]);

    const b = run(['build', '-f', 'md', '-f', 'html'], { cwd: root });
    expect(b.code).toBe(1);
    expect(b.stderr).toContain('error: 2 packets failed: member-memo, press-points; no packet was written');
    const listed = b.stderr.split('\n').filter((l) => /^templates\/.*: error: /.test(l));
    expect(listed.map((l) => l.replace(': error: ', ': '))).toEqual(PROBLEMS);
  });

  it('after the porting edits, validate finds no template problem and the packets build', () => {
    const root = project((n) => join(FIXTURE, 'ported', `${n}.md`));
    const v = run(['validate', '--format', 'json'], { cwd: root });
    const report = JSON.parse(v.stdout) as { errors: D[]; warnings: D[] };
    expect([v.code, report.errors]).toEqual([0, []]);
    expect(report.warnings.filter((w) => w.file.startsWith('templates/'))).toEqual([]);
    const b = run(['build', '-f', 'md', '-f', 'html', '-q'], { cwd: root });
    expect([b.code, b.stderr]).toEqual([0, '']);
    const memo = readFileSync(join(root, 'out/member-memo.md'), 'utf8');
    expect(memo).toContain('**SUBJECT:** The March 14 Ledgerline payment outage');
    expect(memo).toContain('at least 2 million to more than 3 million merchants');
    expect(readFileSync(join(root, 'out/press-points.md'), 'utf8')).not.toContain('earlier, smaller outage'); // internal
  });
});
