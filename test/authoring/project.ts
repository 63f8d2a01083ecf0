// Helpers for authoring tests: a project made by the real `briefbook init`, and the CLI
// run as a long-lived child process (for `watch`) with bounded waits.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { BIN, run } from '../helpers/cli.js';
import { testdir } from '../helpers/testdir.js';

/** `briefbook init` into a fresh temp folder (no git unless asked); returns the project root. */
export function initProject(opts: { git?: boolean; env?: Record<string, string> } = {}): string {
  const root = join(testdir({}), 'hearing');
  const r = run(['init', root, ...(opts.git ? [] : ['--no-git'])], { env: opts.env });
  expect([r.code, r.stderr]).toEqual([0, '']);
  return root;
}

export const read = (root: string, path: string) => readFileSync(join(root, path), 'utf8');

export interface Child {
  proc: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Polls until `test` holds, failing after `ms` with what the process printed. */
  waitFor(what: string, test: () => boolean, ms?: number): Promise<void>;
  /** Sends `signal` and resolves with the exit code (fails after `ms`). */
  stop(signal?: NodeJS.Signals, ms?: number): Promise<number | null>;
}

export function spawnCli(args: string[], opts: { cwd: string; env?: Record<string, string | undefined> }): Child {
  const proc = spawn(process.execPath, [BIN, ...args], {
    cwd: opts.cwd,
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  proc.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  proc.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const child: Child = {
    proc,
    stdout: () => out,
    stderr: () => err,
    async waitFor(what, test, ms = 20_000) {
      const until = Date.now() + ms;
      while (!test()) {
        if (proc.exitCode !== null)
          throw new Error(`watch exited (${proc.exitCode}) while waiting for ${what}\nstdout:\n${out}\nstderr:\n${err}`);
        if (Date.now() > until) throw new Error(`timed out after ${ms} ms waiting for ${what}\nstdout:\n${out}\nstderr:\n${err}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop(signal = 'SIGINT', ms = 15_000) {
      if (proc.exitCode !== null) return proc.exitCode;
      proc.kill(signal);
      const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms));
      const code = await Promise.race([exited, timer]);
      if (code === 'timeout') {
        proc.kill('SIGKILL');
        throw new Error(`watch did not exit within ${ms} ms of ${signal}\nstdout:\n${out}\nstderr:\n${err}`);
      }
      return code;
    },
  };
  return child;
}

/** Counts occurrences of `needle` in `text`. */
export const count = (text: string, needle: string | RegExp) =>
  typeof needle === 'string'
    ? text.split(needle).length - 1
    : (text.match(new RegExp(needle.source, `${needle.flags.replace('g', '')}g`)) ?? []).length;
