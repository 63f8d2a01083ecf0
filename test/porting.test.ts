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
  'templates/audiences/member-memo.md:25:33: unknown fact id "letter.date"',
  'templates/audiences/member-memo.md:25:135: unknown fact id "campaign.accounts"',
  'templates/audiences/member-memo.md:25:265: unknown fact id "letter.asks"',
  'templates/audiences/member-memo.md:25:334: unknown fact id "campaign.single-source"',
  'templates/audiences/member-memo.md:32:19: unknown fact id "letter.before-hearing"',
  'templates/audiences/member-memo.md:32:63: unknown fact id "letter.asks"',
  'templates/audiences/member-memo.md:32:108: unknown fact id "letter.brazenly"',
  'templates/audiences/member-memo.md:33:16: unknown fact id "responses.alibaba"',
  'templates/audiences/member-memo.md:33:45: unknown fact id "policy.pentagon-list"',
  'templates/audiences/member-memo.md:33:99: unknown fact id "policy.alibaba-court-challenge"',
  'templates/audiences/member-memo.md:34:25: unknown fact id "policy.commerce-restrictions"',
  'templates/audiences/member-memo.md:34:87: unknown fact id "policy.global-shutdown"',
  'templates/audiences/member-memo.md:40:31: unknown fact id "campaign.accounts"',
  'templates/audiences/member-memo.md:40:98: unknown fact id "campaign.exchanges"',
  'templates/audiences/member-memo.md:40:161: unknown fact id "campaign.period"',
  'templates/audiences/member-memo.md:40:194: unknown fact id "campaign.period"',
  'templates/audiences/member-memo.md:41:16: unknown fact id "campaign.targets"',
  'templates/audiences/member-memo.md:42:18: unknown fact id "earlier.february"',
  'templates/audiences/press-points.md:24:80: unknown fact id "campaign.accounts"',
  'templates/audiences/press-points.md:25:44: unknown fact id "campaign.exchanges"',
  'templates/audiences/press-points.md:25:130: unknown fact id "campaign.period"',
  'templates/audiences/press-points.md:26:130: unknown fact id "campaign.targets"',
  'templates/audiences/press-points.md:27:81: unknown fact id "campaign.single-source"',
  'templates/audiences/press-points.md:28:38: unknown fact id "responses.alibaba"',
  'templates/audiences/press-points.md:29:172: unknown fact id "letter.asks"',
  'templates/audiences/press-points.md:30:122: unknown fact id "earlier.february"',
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
      'templates/audiences/member-memo.md:45:1: section "assessment" renders empty',
      'templates/audiences/press-points.md:33:1: section "if-asked" renders empty',
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
