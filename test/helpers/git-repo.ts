// A throw-away brief project under git, with commits made by the real git. Git runs with
// an empty global config of its own, so neither the tests nor the machine's settings
// leak into each other.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type Run, run } from './cli.js';
import { testdir } from './testdir.js';

export type Files = Record<string, string | null>;

export interface TestRepo {
  root: string;
  env: Record<string, string>;
  git(...args: string[]): string;
  /** Writes (or, for null, deletes) files without committing. */
  write(files: Files): void;
  commit(message: string, files?: Files): void;
  briefbook(args: string[], cwd?: string): Run;
  /** `briefbook diff ARGS --format json`, parsed; fails the test on a non-zero exit. */
  diffJson(...args: string[]): DiffJson;
}

export interface DiffJson {
  from: string;
  to: string;
  fromCommit: string | null;
  toCommit: string | null;
  added: { kind: string; id: string; item: Record<string, unknown> }[];
  removed: { kind: string; id: string; item: Record<string, unknown> }[];
  renamed: { kind: string; from: string; to: string }[];
  changed: { kind: string; id: string; fields: { path: string; from: unknown; to: unknown; added?: unknown[]; removed?: unknown[] }[] }[];
}

export function gitEnv(): Record<string, string> {
  const home = testdir({ '.gitconfig': '' });
  return { GIT_CONFIG_GLOBAL: join(home, '.gitconfig'), GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' };
}

export function git(cwd: string, env: Record<string, string>, ...args: string[]): string {
  return execFileSync('git', ['-C', cwd, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function testRepo(files: Files): TestRepo {
  const root = testdir({});
  const env = gitEnv();
  const r: TestRepo = {
    root,
    env,
    git: (...args) => git(root, env, ...args),
    write(changes) {
      for (const [path, content] of Object.entries(changes)) {
        const abs = join(root, path);
        if (content === null) rmSync(abs, { force: true });
        else {
          mkdirSync(dirname(abs), { recursive: true });
          writeFileSync(abs, content);
        }
      }
    },
    commit(message, changes = {}) {
      r.write(changes);
      r.git('add', '-A');
      r.git('commit', '-q', '--allow-empty', '-m', message);
    },
    briefbook: (args, cwd = root) => run(args, { cwd, env }),
    diffJson(...args) {
      const res = r.briefbook(['diff', ...args, '--format', 'json']);
      if (res.code !== 0) throw new Error(`briefbook diff exited ${res.code}: ${res.stderr}`);
      return JSON.parse(res.stdout) as DiffJson;
    },
  };
  r.git('init', '-q', '-b', 'main');
  r.commit('first', files);
  return r;
}

export const SOURCES = `sources:
  - id: src.a
    title: Report A
  - id: src.b
    title: Report B
`;

export const ACCOUNTS = `  - id: campaign.accounts
    statement: Operators used about 25,000 accounts.
    value:
      number: 25000
      unit: accounts
      qualifier: about
    status: alleged
    sensitivity: public
    tags: [campaign, figures]
    sources:
      - source: src.a
        quote: largest campaign
      - source: src.b
`;

export const DATES = `  - id: campaign.dates
    statement: The campaign ran from late April to early June 2026.
    status: reported
    sensitivity: public
    sources:
      - source: src.a
`;

/** A small project: two sources, two facts in one file. */
export const BASE: Files = {
  'briefbook.yaml': 'title: Test brief\n',
  'data/sources.yaml': SOURCES,
  'data/facts/campaign.yaml': `facts:\n${ACCOUNTS}${DATES}`,
};

export const noChanges = { added: [], removed: [], renamed: [], changed: [] };
