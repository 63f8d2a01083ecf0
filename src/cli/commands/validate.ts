import type { Argv } from 'yargs';
import { type GlobalArgs, projectFrom } from '../context.js';
import { err, paint, printDiagnostics, printJson } from '../output.js';

export const command = 'validate';
export const describe = 'Check the fact base: YAML, schema, ids, references, sources and quotes';

export const builder = (y: Argv<GlobalArgs>) =>
  y
    .option('sources-dir', {
      type: 'string',
      describe: 'Folder of source documents: check every quote appears verbatim in its document',
    })
    .option('strict', {
      type: 'boolean',
      default: false,
      describe: 'Treat warnings as errors',
    })
    .option('json', {
      type: 'boolean',
      default: false,
      describe: 'Print the report as JSON',
    })
    .example('$0 validate', 'check the fact base in ./data')
    .example('$0 validate --sources-dir ../shared/seeds --strict', 'also check quotes; fail on warnings');

type Args = Awaited<ReturnType<typeof builder>['argv']>;

export async function handler(argv: Args): Promise<void> {
  const { validate } = await import('../../commands/validate.js');
  const project = projectFrom(argv);
  const result = await validate({
    project,
    sourcesDir: argv.sourcesDir,
    strict: argv.strict,
  });
  if (argv.json) {
    printJson({
      ok: result.ok,
      counts: result.counts,
      errors: result.errors,
      warnings: result.warnings,
    });
  } else {
    printDiagnostics(result.errors, 'error');
    printDiagnostics(result.warnings, 'warning');
    const c = paint(process.stderr);
    const counts = Object.entries(result.counts)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ');
    const quotes = result.quotesChecked !== undefined ? `; ${result.quotesChecked} quotes checked` : '';
    const summary = `${result.errors.length} error(s), ${result.warnings.length} warning(s) in ${counts}${quotes}`;
    err(`${result.ok ? c.green(`ok: ${summary}`) : c.red(`invalid: ${summary}`)}\n`);
  }
  if (!result.ok) process.exitCode = 1;
}
