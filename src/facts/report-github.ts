// Validation results as GitHub Actions workflow commands: each problem becomes an error or
// warning annotation on its file and line in the pull request. Values are escaped as the
// Actions runner reads them (actions/toolkit `command.ts`): `%`, CR and LF everywhere, and
// `:` and `,` too inside properties, so text from a fact file cannot end a command early
// or inject another one.
import type { Diagnostic } from '../errors.js';

export const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
export const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function githubAnnotations(errors: readonly Diagnostic[], warnings: readonly Diagnostic[]): string {
  const line = (kind: 'error' | 'warning', d: Diagnostic) => {
    const props = [`file=${escapeProperty(d.file)}`];
    if (d.line > 0) props.push(`line=${d.line}`, `col=${d.column}`);
    const where = d.path ? ` (${d.path})` : '';
    const hint = d.hint ? `\nhint: ${d.hint}` : '';
    return `::${kind} ${props.join(',')}::${escapeData(`${d.message}${where}${hint}`)}\n`;
  };
  return [...errors.map((d) => line('error', d)), ...warnings.map((d) => line('warning', d))].join('');
}
