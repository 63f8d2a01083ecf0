import type { Argv } from 'yargs';
import { asOfOption, type GlobalArgs, projectFrom } from '../context.js';
import { err, GROUP_SHOWN, out, paint, printDiagnostics, printWarnings } from '../output.js';

export const command = 'validate';
export const describe = 'Check the fact base: YAML, schema, ids, references, sources and quotes';

export const builder = (y: Argv<GlobalArgs>) =>
  y
    .option('sources-dir', {
      type: 'string',
      describe: 'Folder of source documents: check every quote appears verbatim in its document, and every cited figure is in it',
    })
    .option('strict', {
      type: 'boolean',
      default: false,
      describe: 'Treat warnings as errors',
    })
    .option('format', {
      choices: ['text', 'json', 'github', 'sarif'] as const,
      default: 'text' as const,
      describe: 'text; json; github (annotations for GitHub Actions); sarif (SARIF 2.1.0 for code scanning)',
    })
    .option('json', {
      type: 'boolean',
      default: false,
      describe: 'Same as --format json',
    })
    .option('as-of', {
      type: 'string',
      requiresArg: true,
      describe: 'Age check dates against this day, YYYY-MM-DD (default: asOf in briefbook.yaml, else the build stamp’s date)',
    })
    .option('templates', {
      type: 'boolean',
      default: true,
      describe:
        'Also check the audience templates and partials, as build renders them (--no-templates: the fact base alone, faster on a large one)',
    })
    .option('verbose', {
      alias: 'v',
      type: 'boolean',
      default: false,
      describe: `List every warning (otherwise a warning repeated more than ${GROUP_SHOWN} times is shown as a count and the first ${GROUP_SHOWN})`,
    })
    .example('$0 validate', 'check the fact base in ./data and the audience templates')
    .example('$0 validate --sources-dir sources --strict', 'also check quotes and cited figures in the documents; fail on warnings')
    .example('$0 validate --format github', 'in a GitHub Actions step: problems appear on the pull request’s lines')
    .example('$0 validate --format sarif > briefbook.sarif', 'for github/codeql-action/upload-sarif and other code-scanning tools')
    .example('$0 validate --no-templates', 'the fact base alone: a quick check while editing a large one')
    .example('$0 validate --as-of 2026-06-30', 'warn about facts last checked more than staleAfterDays before that day');

type Args = Awaited<ReturnType<typeof builder>['argv']>;

export async function handler(argv: Args): Promise<void> {
  const { validate, formatReport } = await import('../../commands/validate.js');
  const format = argv.json ? 'json' : argv.format;
  const asOf = asOfOption(argv.asOf);
  const result = await validate({
    project: projectFrom(argv),
    sourcesDir: argv.sourcesDir,
    strict: argv.strict,
    repositoryPaths: format === 'github' || format === 'sarif',
    asOf,
    templates: argv.templates,
  });
  if (format !== 'text') out(formatReport(result, format));
  if (format === 'text') {
    printDiagnostics(result.errors, 'error');
    printWarnings(result.warnings, argv.verbose);
  }
  if (format === 'text' || format === 'github') {
    // The summary is validate's result: on stdout. Beside GitHub annotations (stdout) it goes
    // to stderr, so the annotations stay the only thing on stdout.
    const stream = format === 'text' ? process.stdout : process.stderr;
    const c = paint(stream);
    const counts = Object.entries(result.counts)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ');
    const quotes =
      result.quotesChecked !== undefined
        ? `; ${result.quotesChecked} quotes checked, ${result.figuresChecked ?? 0} cited figures checked`
        : '';
    const summary = `${result.errors.length} error(s), ${result.warnings.length} warning(s) in ${counts}${quotes}`;
    (format === 'text' ? out : err)(`${result.ok ? c.green(`ok: ${summary}`) : c.red(`invalid: ${summary}`)}\n`);
  }
  if (!result.ok) process.exitCode = 1;
}
