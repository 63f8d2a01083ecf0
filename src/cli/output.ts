// Terminal output: results on stdout, everything else on stderr; colour only on a
// terminal and never when NO_COLOR is set (https://no-color.org).
import { relative } from 'node:path';
import { type Diagnostic, formatDiagnostic, formatLocation, UsageError, UserError } from '../errors.js';

export function useColor(stream: NodeJS.WriteStream): boolean {
  if ('NO_COLOR' in process.env && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR) return true;
  return Boolean(stream.isTTY);
}

export function paint(stream: NodeJS.WriteStream) {
  const on = useColor(stream);
  const wrap = (open: number, close: number) => (s: string) => (on ? `\x1b[${open}m${s}\x1b[${close}m` : s);
  return {
    red: wrap(31, 39),
    green: wrap(32, 39),
    yellow: wrap(33, 39),
    cyan: wrap(36, 39),
    bold: wrap(1, 22),
    dim: wrap(2, 22),
  };
}

export function printDiagnostics(diags: readonly Diagnostic[], label: 'error' | 'warning'): void {
  const c = paint(process.stderr);
  const tint = label === 'error' ? c.red : c.yellow;
  for (const d of diags) {
    const [head, ...rest] = formatDiagnostic(d, label).split('\n');
    process.stderr.write(`${tint(head ?? '')}\n${rest.map((l) => `${c.dim(l)}\n`).join('')}`);
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Prints an error as the error boundary does: a user's mistake without a stack, a bug with one. */
export function printError(err: unknown): void {
  const c = paint(process.stderr);
  if (err instanceof UsageError) {
    process.stderr.write(`${c.red(`briefbook: ${err.message}`)}\nRun \`briefbook --help\` for usage.\n`);
  } else if (err instanceof UserError) {
    const [first] = err.diagnostics;
    // A single located problem is the whole message; otherwise print the summary first.
    if (!(err.diagnostics.length === 1 && first && err.message.startsWith(formatLocation(first)))) {
      process.stderr.write(`${c.red(`error: ${err.message}`)}\n${err.hint ? c.dim(`  hint: ${err.hint}\n`) : ''}`);
    }
    printDiagnostics(err.diagnostics, 'error');
  } else {
    process.stderr.write(
      `${c.red('briefbook hit an unexpected error; this is a bug, please report it with the output below.')}\n${causeChain(err)}\n`,
    );
  }
}

/** An error's stack, then each `cause` in turn: a wrapped failure shows where it began. */
export function causeChain(err: unknown): string {
  const parts: string[] = [];
  const seen = new Set<unknown>();
  for (let e = err; e !== undefined && e !== null && !seen.has(e) && parts.length < 10; e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    const text = e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : String(e);
    parts.push(parts.length === 0 ? text : `Caused by: ${text}`);
    if (!(e instanceof Error)) break;
  }
  return parts.join('\n');
}

/** A path as the user should see it: relative to `cwd` when inside it. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}
