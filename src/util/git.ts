// The one way briefbook runs git: the real `git` with an argument list (never a shell
// string) and `-C` for the folder, so revisions and paths are never interpreted by a shell
// and every git feature (worktrees, shallow clones, alternates) just works.
import { execFile, spawn } from 'node:child_process';
import { UserError } from '../errors.js';

interface GitFailure extends Error {
  code?: number | string;
  stderr?: string;
  stdout?: Buffer;
}

/** Runs git and returns its stdout; rejects with git's stderr in the message. */
export function git(cwd: string, args: readonly string[], env?: NodeJS.ProcessEnv, timeout = 0): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['-C', cwd, ...args],
      { encoding: 'buffer', maxBuffer: 1024 * 1024 * 1024, env: env ?? process.env, windowsHide: true, timeout },
      (err, stdout, stderr) => {
        if (!err) return resolve(stdout);
        const failure = err as GitFailure;
        if (failure.code === 'ENOENT') {
          return reject(
            new UserError('git is not installed or not on the PATH', { hint: 'install git from https://git-scm.com', cause: err }),
          );
        }
        failure.stderr = stderr.toString('utf8').trim();
        failure.stdout = stdout;
        reject(failure);
      },
    );
  });
}

/**
 * For questions git may fail to answer (not a repository, nothing committed, git not
 * installed): the trimmed output, or undefined. Read-only, so it takes no optional locks
 * and gives up after ten seconds.
 */
export async function gitAnswer(cwd: string, args: readonly string[]): Promise<string | undefined> {
  try {
    return (await git(cwd, args, { ...process.env, GIT_OPTIONAL_LOCKS: '0' }, 10_000)).toString('utf8').trim();
  } catch {
    return undefined;
  }
}

/**
 * Runs git with `input` on its stdin (`git cat-file --batch`, which reads many objects
 * through one process), handing each piece of stdout to `onData` as it arrives, so a
 * large output is never held twice (the pieces, then one buffer of them all). Rejects
 * with git's stderr in the message; an error thrown by `onData` ends git and rejects with it.
 */
export function gitStream(cwd: string, args: readonly string[], input: string, onData: (chunk: Buffer) => void): Promise<void> {
  const session = gitSession(cwd, args, onData);
  session.send(input);
  session.end();
  return session.done;
}

export interface GitSession {
  /** Writes to git's stdin. */
  send(input: string): void;
  /** Closes git's stdin: git finishes and exits. */
  end(): void;
  /** Settles when git has exited, as gitStream's promise does. */
  done: Promise<void>;
}

/** gitStream for a conversation: input is sent in rounds, each after reading the answers to the last. */
export function gitSession(cwd: string, args: readonly string[], onData: (chunk: Buffer) => void): GitSession {
  const child = spawn('git', ['-C', cwd, ...args], { stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
  const done = new Promise<void>((resolve, reject) => {
    const errs: Buffer[] = [];
    let failed: unknown;
    child.stdout.on('data', (c: Buffer) => {
      if (failed !== undefined) return;
      try {
        onData(c);
      } catch (e) {
        failed = e;
        child.kill();
      }
    });
    child.stderr.on('data', (c: Buffer) => errs.push(c));
    child.on('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'ENOENT'
          ? new UserError('git is not installed or not on the PATH', { hint: 'install git from https://git-scm.com', cause: err })
          : err,
      ),
    );
    child.on('close', (code) => {
      if (failed !== undefined) reject(failed);
      else if (code === 0) resolve();
      else reject(new Error(`git ${args.join(' ')} exited with ${code}: ${Buffer.concat(errs).toString('utf8').trim()}`));
    });
    child.stdin.on('error', reject);
  });
  return { send: (input) => child.stdin.write(input), end: () => child.stdin.end(), done };
}

/**
 * For git commands whose exit code is an answer, not a failure (`git merge-file` exits
 * with the number of conflicts): the code and stdout. Rejects only when git cannot run.
 */
export function gitExit(cwd: string, args: readonly string[]): Promise<{ code: number; stdout: Buffer; stderr: string }> {
  return git(cwd, args).then(
    (stdout) => ({ code: 0, stdout, stderr: '' }),
    (e: GitFailure) => {
      if (typeof e.code !== 'number') throw e;
      return { code: e.code, stdout: e.stdout ?? Buffer.alloc(0), stderr: e.stderr ?? '' };
    },
  );
}
