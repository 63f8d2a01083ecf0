// The brief project a command works on, resolved once from -C/--root or the current folder.
import { UsageError } from '../errors.js';
import { openProject, type Project } from '../project.js';
import { isDay } from '../util/dates.js';

export interface GlobalArgs {
  root?: string;
}

/** The project; a UserError when there is none (or its config is broken). */
export function projectFrom(argv: GlobalArgs): Project {
  return openProject(argv.root);
}

/**
 * For commands that can work without a project (`diff` of two folders, `doctor`): the
 * project, or the error that says why there is none. -C is "as if started in DIR", so
 * paths on the command line are relative to it.
 */
export function optionalProject(argv: GlobalArgs): { project: Project | Error; cwd: string } {
  try {
    const project = openProject(argv.root);
    return { project, cwd: argv.root ? project.root : process.cwd() };
  } catch (e) {
    if (!(e instanceof Error)) throw e;
    return { project: e, cwd: process.cwd() };
  }
}

/** --timeout SECONDS as milliseconds. */
export function timeoutMs(seconds: number): number {
  if (!(seconds > 0)) throw new UsageError('--timeout must be a positive number of seconds');
  return seconds * 1000;
}

/** --as-of DATE: a day, YYYY-MM-DD; anything else is a bad command line. */
export function asOfOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isDay(value.trim())) throw new UsageError(`--as-of ${value} is not a day; give it as YYYY-MM-DD, e.g. --as-of 2026-06-25`);
  return value.trim();
}
