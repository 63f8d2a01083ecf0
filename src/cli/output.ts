// Terminal output: results on stdout, everything else on stderr; colour only on a
// terminal and never when NO_COLOR is set (https://no-color.org).
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
    const stack = err instanceof Error ? (err.stack ?? err.message) : String(err);
    process.stderr.write(
      `${c.red('briefbook hit an unexpected error; this is a bug, please report it with the output below.')}\n${stack}\n`,
    );
  }
}
