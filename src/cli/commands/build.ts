import type { Argv } from 'yargs';
import type { Written } from '../../render/output.js';
import { asOfOption, type GlobalArgs, projectFrom } from '../context.js';
import { displayPath, err, paint, printJson } from '../output.js';
import { renderOptions, renderTargets } from '../render-options.js';

export const command = 'build';
export const describe = 'Build briefing packets per audience as Markdown, HTML, PDF and Word';

export const builder = (y: Argv<GlobalArgs>) =>
  renderOptions(y)
    .option('since', {
      type: 'string',
      requiresArg: true,
      describe:
        'Add "Changes since REV" (a git revision) where a template includes the changes partial; in Word files, changed facts as tracked changes',
    })
    .option('as-of', {
      type: 'string',
      requiresArg: true,
      describe:
        'The "Facts as of" day, YYYY-MM-DD; the hearing reads as upcoming or held against it (default: asOf in briefbook.yaml, else the build stamp’s date)',
    })
    .option('all-or-nothing', {
      type: 'boolean',
      default: false,
      describe:
        'Write no packet unless every one builds (by default each packet that builds is written, and a failed one keeps its previous files)',
    })
    .option('json', { type: 'boolean', default: false, describe: 'Print what was written as JSON' })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'No progress lines' })
    .example('$0 build', 'every audience, every format, into out/')
    .example('$0 build -a member-memo -f pdf', 'just the member memo as PDF')
    .example('$0 build -f md -f html', 'no browser needed')
    .example('$0 build -f docx', 'Word documents, for editing and routing')
    .example('$0 build --since last-sent', 'with what changed since the tag you set when the last packets went out')
    .example('$0 build --since HEAD~3 -f docx', 'the facts that changed in the last three commits as Word tracked changes')
    .example('$0 build --all-or-nothing', 'a set of packets that all come from the same fact base, or none')
    .example('$0 build --as-of 2026-06-29', 'facts as of that day: "Facts as of June 29, 2026", the hearing upcoming or held')
    .example('$0 build --json', '[{ "audience", "format", "path", "bytes", "pages" }]');

type Args = Awaited<ReturnType<typeof builder>['argv']>;

export async function handler(argv: Args): Promise<void> {
  const asOf = asOfOption(argv.asOf);
  const project = projectFrom(argv);
  const { build, BuildFailed } = await import('../../commands/build.js');
  const c = paint(process.stderr);
  const progress = !argv.quiet && !argv.json && Boolean(process.stderr.isTTY);
  const show = (w: Written) =>
    ({
      audience: w.audience,
      format: w.format,
      path: displayPath(w.path),
      bytes: w.bytes,
      ...(w.pages !== undefined ? { pages: w.pages } : {}),
    }) as const;
  if (argv.since !== undefined && argv.since.trim() === '') {
    const { UsageError } = await import('../../errors.js');
    throw new UsageError('--since needs a git revision, e.g. --since HEAD~2');
  }
  try {
    const written = await build({
      project,
      ...renderTargets(argv),
      since: argv.since,
      asOf,
      allOrNothing: argv.allOrNothing,
      onProgress: progress
        ? (w) => err(`${c.green('wrote')} ${displayPath(w.path)} ${c.dim(`(${size(w.bytes)}${w.pages ? `, ${w.pages} p.` : ''})`)}\n`)
        : undefined,
    });
    if (argv.json) printJson(written.map(show));
  } catch (e) {
    if (argv.json && e instanceof BuildFailed) printJson(e.written.map(show));
    throw e;
  }
}

function size(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${Math.round(bytes / 1024)} kB`;
}
