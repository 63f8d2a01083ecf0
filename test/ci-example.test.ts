// The example GitHub Actions workflow (examples/github-actions/briefbook.yml), its briefbook
// steps run as written: their shell scripts, in a clone whose pull-request branch changed a
// fact, with `npx briefbook` pointing at this build. Steps that need GitHub itself (the
// comment, uploads) or root (apt-get) are left out; PDFs are built when a browser is here.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, REPO } from './helpers/cli.js';
import { git, gitEnv } from './helpers/git-repo.js';
import { hasBrowser } from './helpers/hardening.js';
import { initProject } from './helpers/project.js';
import { testdir } from './helpers/testdir.js';

interface Step {
  name?: string;
  run?: string;
  env?: Record<string, string>;
}

const workflow = parse(readFileSync(join(REPO, 'examples/github-actions/briefbook.yml'), 'utf8')) as {
  jobs: Record<string, { steps: Step[] }>;
};

/** A pull request: main, then a branch that confirmed a fact; cloned, as actions/checkout does. */
function pullRequest() {
  const env = gitEnv();
  const origin = initProject({ git: true, env });
  const file = join(origin, 'data/facts/outage.yaml');
  git(origin, env, 'checkout', '-q', '-b', 'main');
  git(origin, env, 'add', '-A');
  git(origin, env, 'commit', '-qm', 'start');
  git(origin, env, 'checkout', '-q', '-b', 'confirm');
  writeFileSync(file, readFileSync(file, 'utf8').replace('status: reported', 'status: confirmed'));
  git(origin, env, 'commit', '-qam', 'confirm the household figure');
  const clone = join(testdir({}), 'clone');
  git(origin, env, 'clone', '-q', '--branch', 'confirm', origin, clone);
  // `npx briefbook …` runs this build of briefbook.
  const bin = testdir({ npx: `#!/bin/sh\nshift\nexec "${process.execPath}" "${BIN}" "$@"\n` });
  chmodSync(join(bin, 'npx'), 0o755);
  return { clone, env: { ...process.env, ...env, PATH: `${bin}:${process.env.PATH}`, NO_COLOR: '1' } };
}

function runStep(step: Step, cwd: string, env: NodeJS.ProcessEnv) {
  // GitHub fills in `${{ … }}`; these are the values a pull request into main has.
  const values: Record<string, string> = { 'github.base_ref': 'main' };
  const stepEnv = Object.fromEntries(
    Object.entries(step.env ?? {}).map(([k, v]) => [
      k,
      v.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, e: string) => (e.includes('pull_request') ? 'origin/main' : (values[e] ?? ''))),
    ]),
  );
  return spawnSync('bash', ['-eo', 'pipefail', '-c', step.run ?? ''], {
    cwd,
    env: { ...env, ...stepEnv },
    encoding: 'utf8',
    timeout: 180_000,
  });
}

const briefbookSteps = (job: string) => (workflow.jobs[job]?.steps ?? []).filter((s) => s.run?.includes('npx briefbook'));

describe('examples/github-actions/briefbook.yml', () => {
  it('validates with annotations and SARIF, and diffs against the base branch, as its steps are written', () => {
    const { clone, env } = pullRequest();
    const steps = [...briefbookSteps('validate'), ...briefbookSteps('diff')];
    expect(steps.map((s) => s.name)).toEqual([
      'Validate (annotations on the pull request)',
      'Validate (SARIF for code scanning)',
      'Fact-level diff against the base branch',
    ]);
    for (const step of steps) {
      const r = runStep(step, clone, env);
      expect(r.status, `${step.name}\n${r.stderr}`).toBe(0);
    }
    expect(JSON.parse(readFileSync(join(clone, 'briefbook.sarif'), 'utf8')).version).toBe('2.1.0');
    const md = readFileSync(join(clone, 'fact-diff.md'), 'utf8');
    expect(md).toContain('## Fact base changes: `origin/main` → `HEAD`');
    expect(md).toContain('| fact `outage.households` | status | reported | **confirmed** |');
  });

  it('builds the packets with the changes since the base branch', () => {
    const { clone, env } = pullRequest();
    const [build] = briefbookSteps('packets');
    expect(build?.name).toBe('Build every packet');
    // Without a browser here, the same step builds Markdown and HTML only.
    const step = hasBrowser ? (build as Step) : { ...build, run: `${build?.run} -f md -f html` };
    const r = runStep(step, clone, env);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(clone, 'out/member-memo.md'), 'utf8')).toContain('Changes since origin/main');
    expect(existsSync(join(clone, 'out/member-memo.pdf'))).toBe(hasBrowser);
  });
});
