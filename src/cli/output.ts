// Terminal output: results on stdout, everything else on stderr; colour only on a
// terminal and never when NO_COLOR is set (https://no-color.org). Everything printed goes
// through out()/err(), which escape control characters from the data (util/terminal.ts);
// the only escape sequences that reach the terminal are the colours painted here.
import { relative } from 'node:path';
import { type Diagnostic, formatDiagnostic, formatLocation, UsageError, UserError } from '../errors.js';
import { forTerminal } from '../util/terminal.js';

// paint() marks its colours with private-use characters; out()/err() turn the marks into
// SGR sequences after escaping everything else, so data cannot carry a sequence through.
const MARK_OPEN = '\uE000';
const MARK_CLOSE = '\uE001';
const COLOURS = new Set(['1', '2', '22', '31', '32', '33', '36', '39']);
const MARKED = /\uE000(\d{1,2})\uE001/g;

function terminalText(text: string): string {
  return forTerminal(text).replace(MARKED, (m, code: string) => (COLOURS.has(code) ? `\x1b[${code}m` : m));
}

/** Writes a result to stdout. */
export function out(text: string): void {
  process.stdout.write(terminalText(text));
}

/** Writes a message to stderr. */
export function err(text: string): void {
  process.stderr.write(terminalText(text));
}

export function useColor(stream: NodeJS.WriteStream): boolean {
  if ('NO_COLOR' in process.env && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR) return true;
  return Boolean(stream.isTTY);
}

export function paint(stream: NodeJS.WriteStream) {
  const on = useColor(stream);
  const mark = (code: number) => `${MARK_OPEN}${code}${MARK_CLOSE}`;
  const wrap = (open: number, close: number) => (s: string) => (on ? `${mark(open)}${s}${mark(close)}` : s);
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
    err(`${tint(head ?? '')}\n${rest.map((l) => `${c.dim(l)}\n`).join('')}`);
  }
}

/** How many of a repeated warning are shown before "and N more". */
export const GROUP_SHOWN = 3;

/**
 * Warnings, with those of one rule that come more than GROUP_SHOWN times printed as one
 * group: a count, the first few locations and the hint once. A newcomer's first run reads
 * as a few kinds of advice, not a screen of alarms; `all` lists every one.
 */
export function printWarnings(diags: readonly Diagnostic[], all: boolean): void {
  const byRule = new Map<string, Diagnostic[]>();
  for (const d of diags) {
    if (!d.rule) continue;
    // Pushed, not copied: a big base has thousands of one rule's warnings.
    const group = byRule.get(d.rule);
    if (group) group.push(d);
    else byRule.set(d.rule, [d]);
  }
  const c = paint(process.stderr);
  const printed = new Set<string>();
  for (const d of diags) {
    const group = d.rule ? (byRule.get(d.rule) ?? []) : [];
    if (all || group.length <= GROUP_SHOWN) {
      printDiagnostics([d], 'warning');
      continue;
    }
    if (printed.has(d.rule as string)) continue;
    printed.add(d.rule as string);
    const lines = group.slice(0, GROUP_SHOWN).map((g) => `  ${formatLocation(g)}: ${g.message}${g.path ? ` (${g.path})` : ''}\n`);
    const more = group.length - GROUP_SHOWN;
    err(
      `${c.yellow(`warning: ${d.rule}, ${group.length} times:`)}\n${lines.join('')}` +
        `${c.dim(`  … and ${more} more like ${more === 1 ? 'it' : 'them'} (--verbose lists every one)`)}\n` +
        `${d.hint ? `${c.dim(`  hint: ${d.hint}`)}\n` : ''}`,
    );
  }
}

/** JSON on stdout; the few characters JSON leaves raw that a terminal would act on become \uXXXX escapes. */
export function printJson(value: unknown): void {
  out(`${JSON.stringify(value, null, 2)}\n`);
}

/** Prints an error as the error boundary does: a user's mistake without a stack, a bug with one. */
export function printError(error: unknown): void {
  const c = paint(process.stderr);
  if (error instanceof UsageError) {
    err(`${c.red(`briefbook: ${error.message}`)}\nRun \`briefbook --help\` for usage.\n`);
  } else if (error instanceof UserError) {
    const [first] = error.diagnostics;
    // A single located problem is the whole message; otherwise print the summary first.
    if (!(error.diagnostics.length === 1 && first && error.message.startsWith(formatLocation(first)))) {
      err(`${c.red(`error: ${error.message}`)}\n${error.hint ? c.dim(`  hint: ${error.hint}\n`) : ''}`);
    }
    printDiagnostics(error.diagnostics, 'error');
  } else {
    err(`${c.red('briefbook hit an unexpected error; this is a bug, please report it with the output below.')}\n${causeChain(error)}\n`);
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
