// Runs the built CLI (bin/briefbook.js → dist/) as a user would, in a child process:
// `run` waits for it; `start` does not, so a test can watch, read or stop it meanwhile.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/briefbook.js', import.meta.url));
export const REPO = fileURLToPath(new URL('../../', import.meta.url));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `input`: what the CLI reads on standard input (none: an empty pipe); `prefix`: as for start(); `bin`: another copy of the CLI. */
export function run(
  args: string[],
  opts: {
    cwd?: string;
    env?: Record<string, string | undefined>;
    timeout?: number;
    input?: string | Uint8Array;
    prefix?: string[];
    bin?: string;
  } = {},
): Run {
  const [command, ...before] = [...(opts.prefix ?? []), process.execPath];
  const r = spawnSync(command as string, [...before, opts.bin ?? BIN, ...args], {
    cwd: opts.cwd ?? REPO,
    input: opts.input,
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    encoding: 'utf8',
    timeout: opts.timeout ?? 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export interface Started {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves when the process has exited, with its code or signal and what it printed. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  /** Polls until `test` holds, failing after `ms` with what the process printed. */
  waitFor(what: string, test: () => boolean, ms?: number): Promise<void>;
  /** Sends `signal` and resolves with the exit code (fails after `ms`, killing it). */
  stop(signal?: NodeJS.Signals, ms?: number): Promise<number | null>;
}

/** `prefix`: a command the CLI runs under, e.g. ['strace', '-f', …]. */
export function start(args: string[], opts: { cwd: string; env?: Record<string, string | undefined>; prefix?: string[] }): Started {
  const [command, ...before] = [...(opts.prefix ?? []), process.execPath];
  const child = spawn(command as string, [...before, BIN, ...args], {
    cwd: opts.cwd,
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout: out, stderr: err })),
  );
  const printed = () => `\nstdout:\n${out}\nstderr:\n${err}`;
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    done,
    async waitFor(what, test, ms = 20_000) {
      const until = Date.now() + ms;
      while (!test()) {
        if (child.exitCode !== null) throw new Error(`the CLI exited (${child.exitCode}) while waiting for ${what}${printed()}`);
        if (Date.now() > until) throw new Error(`timed out after ${ms} ms waiting for ${what}${printed()}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop(signal = 'SIGINT', ms = 15_000) {
      if (child.exitCode !== null) return child.exitCode;
      child.kill(signal);
      const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms));
      const result = await Promise.race([done, timer]);
      if (result === 'timeout') {
        child.kill('SIGKILL');
        throw new Error(`the CLI did not exit within ${ms} ms of ${signal}${printed()}`);
      }
      return result.code;
    },
  };
}
