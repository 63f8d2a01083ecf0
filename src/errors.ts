// One error vocabulary for the whole tool. Library code throws these; only the CLI's
// error boundary (src/cli/main.ts) prints them and picks the exit code.

export interface Location {
  file: string;
  line: number;
  column: number;
}

/** A problem found in the user's input: where, what, and what to do. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  /** Path of the offending node inside the file, e.g. `facts[3].status`; "" for the file itself. */
  path: string;
  message: string;
  hint: string;
  /**
   * The kind of problem, for warnings that can come many at a time ("single-source"):
   * `validate` groups repeated warnings by it.
   */
  rule?: string;
}

/** The user's input is wrong (exit 1). Carries one or many located diagnostics. */
export class UserError extends Error {
  readonly diagnostics: Diagnostic[];
  readonly hint: string;

  constructor(message: string, opts: { hint?: string; diagnostics?: Diagnostic[]; cause?: unknown } = {}) {
    super(message, { cause: opts.cause });
    this.name = 'UserError';
    this.hint = opts.hint ?? '';
    this.diagnostics = opts.diagnostics ?? [];
  }

  static at(loc: Location & { path?: string }, message: string, hint: string, cause?: unknown): UserError {
    const d: Diagnostic = { path: '', ...loc, message, hint };
    return new UserError(`${formatLocation(d)}: ${message}`, {
      hint,
      diagnostics: [d],
      cause,
    });
  }
}

/** The command line is wrong (exit 2). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function formatLocation(d: { file: string; line: number; column: number }): string {
  return d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file;
}

export function formatDiagnostic(d: Diagnostic, label = 'error'): string {
  const where = d.path ? ` (${d.path})` : '';
  const hint = d.hint ? `\n  hint: ${d.hint}` : '';
  return `${formatLocation(d)}: ${label}: ${d.message}${where}${hint}`;
}

export function exitCodeFor(err: unknown): number {
  if (err instanceof UsageError) return 2;
  if (err instanceof UserError) return 1;
  return 70; // EX_SOFTWARE: a bug in briefbook, not the user's fault
}
