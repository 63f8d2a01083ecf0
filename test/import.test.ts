// `briefbook import legislators` end to end: the built CLI in a temp project, asserting
// exit codes, what it prints and what it writes.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectFiles } from './fixtures/legislators.js';
import { run } from './helpers/cli.js';
import { testdir } from './helpers/testdir.js';

const OUT = 'data/generated/legislators-ssbk.yaml';

describe('briefbook import legislators', () => {
  it('imports SSBK, says what it wrote, and the project still validates', () => {
    const root = testdir(projectFiles());
    const r = run(['import', 'legislators', '--committee', 'SSBK', '--from', 'dataset'], { cwd: root });
    expect(r.stderr).toBe(
      `wrote ${OUT}: SSBK (Senate Committee on Banking, Housing, and Urban Affairs), 6 subcommittee(s), 24 members (13 majority, 11 minority); ` +
        "source dated 2026-06-15 (from the dataset README's last change)\n",
    );
    expect(r.code).toBe(0);
    expect(readFileSync(join(root, OUT), 'utf8')).toMatch(/^# yaml-language-server: \$schema=/);

    const again = run(['import', 'legislators', '--committee', 'SSBK', '--from', 'dataset'], { cwd: root });
    expect(again.stderr).toMatch(new RegExp(`^unchanged ${OUT}: `));

    const v = run(['validate'], { cwd: root });
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/ok: 0 error\(s\), 0 warning\(s\) in 0 facts, 1 sources, 31 entities/);
  });

  it('--json prints the result', () => {
    const root = testdir(projectFiles());
    const r = run(['import', 'legislators', '--committee', 'SSBK', '--from', 'dataset', '--json', '--out', 'data/banking.yaml'], {
      cwd: root,
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      file: 'data/banking.yaml',
      changed: true,
      counts: { members: { majority: 13, minority: 11 } },
    });
  });

  it('an unknown committee exits 1 with the closest codes', () => {
    const root = testdir(projectFiles());
    const r = run(['import', 'legislators', '--committee', 'SSBX', '--from', 'dataset'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^error: unknown committee code "SSBX" in committees-current\.yaml\n {2}hint: did you mean SSBK \(Senate Committee on Banking/,
    );
  });

  it('a malformed dataset file exits 1 with file:line:col, the field and a hint', () => {
    const root = testdir(
      projectFiles({
        'committee-membership-current.yaml': (t) =>
          t.replace(
            'SSBK:\n- name: Tim Scott\n  party: majority\n  rank: 1\n',
            'SSBK:\n- name: Tim Scott\n  party: majority\n  rank: first\n',
          ),
      }),
    );
    const r = run(['import', 'legislators', '--committee', 'SSBK', '--from', 'dataset'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^dataset\/committee-membership-current\.yaml:4:9: error: unexpected value for "rank": expected number, received string \(SSBK\[0\]\.rank\)\n {2}hint: briefbook reads the unitedstates\/congress-legislators format/,
    );
    expect(() => readFileSync(join(root, OUT))).toThrow(/ENOENT/);
  });

  it('a missing dataset file exits 1 naming it', () => {
    const root = testdir(projectFiles({ 'legislators-current.yaml': null }));
    const r = run(['import', 'legislators', '--committee', 'SSBK', '--from', 'dataset'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('dataset/legislators-current.yaml: error: dataset file not found');
  });

  it('refuses to overwrite a hand-written file (exit 1, file untouched)', () => {
    const root = testdir(projectFiles({}, { 'data/entities.yaml': 'entities: []\n' }));
    const r = run(['import', 'legislators', '--committee', 'SSBK', '--from', 'dataset', '--out', 'data/entities.yaml'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^data\/entities\.yaml:1:1: error: refusing to overwrite a file that was not written by this importer/);
    expect(readFileSync(join(root, 'data/entities.yaml'), 'utf8')).toBe('entities: []\n');
  });

  it('--from URL says plainly when the network does not allow it', async () => {
    const port = await closedPort();
    const root = testdir(projectFiles());
    const r = run(['import', 'legislators', '--committee', 'SSBK', '--from', `http://127.0.0.1:${port}/congress-legislators`], {
      cwd: root,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `error: cannot fetch http://127.0.0.1:${port}/congress-legislators/legislators-current.yaml (ECONNREFUSED): the network is not reachable from here, or it does not allow this host`,
    );
    expect(r.stderr).toMatch(/hint: download .* and pass the folder with --from DIR/);
  });

  it('without --committee it is a usage error (exit 2)', () => {
    const root = testdir(projectFiles());
    const r = run(['import', 'legislators', '--from', 'dataset'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/say which committee by its Thomas id, e\.g\. --committee HSIF/);
  });
});

/** A local port nothing listens on: connecting to it is refused at once, with no network needed. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
