import type { Argv } from 'yargs';
import { UsageError } from '../../errors.js';
import { type GlobalArgs, projectFrom } from '../context.js';
import { err, out, printJson } from '../output.js';

const WHAT = ['facts', 'sources', 'entities', 'events', 'questions', 'glossary', 'analysis', 'audiences'] as const;

export const command = 'list <what>';
export const describe = 'List resolved facts, sources, entities, events, questions, glossary, analysis, or the audiences';

export const builder = (y: Argv<GlobalArgs>) =>
  y
    .positional('what', { choices: WHAT, demandOption: true })
    .option('tag', { type: 'string', describe: 'Only items with this tag' })
    .option('json', { type: 'boolean', default: false, describe: 'Print JSON' })
    .option('builtin', {
      type: 'boolean',
      default: false,
      describe: 'With `audiences`: the audiences shipped with briefbook, to copy with `new audience NAME --from builtin:NAME`',
    })
    .check((argv) => {
      if (argv.builtin && argv.what !== 'audiences') throw new UsageError('--builtin goes with `list audiences` only');
      return true;
    })
    .example('$0 list facts --tag key', 'the facts tagged "key", one per line')
    .example('$0 list facts --json', 'every fact with sources, variants, origins, outlets and corroboration')
    .example('$0 list audiences', 'each packet audience with its template file and sensitivity')
    .example('$0 list audiences --builtin', 'the audiences shipped with briefbook, to copy with --from builtin:NAME');

type Args = Awaited<ReturnType<typeof builder>['argv']>;

export async function handler(argv: Args): Promise<void> {
  if (argv.what === 'audiences') {
    const { listAudiences } = await import('../../commands/list.js');
    // The built-in audiences are briefbook's own: listing them needs no project.
    const audiences = await listAudiences(argv.builtin ? undefined : projectFrom(argv), { builtin: argv.builtin });
    if (argv.json) return printJson(audiences);
    for (const a of audiences) out(`${a.name.padEnd(18)} ${a.sensitivity.padEnd(10)} ${a.file.padEnd(40)} ${a.title}\n`);
    if (argv.builtin) err('copy one with: briefbook new audience NAME --from builtin:<name>\n');
    return;
  }
  const project = projectFrom(argv);
  const { list } = await import('../../commands/list.js');
  const items = await list({ project, what: argv.what as Exclude<typeof argv.what, 'audiences'>, tag: argv.tag });
  if (argv.json) return printJson(items);
  for (const item of items) {
    const label = String(item.statement ?? item.title ?? item.name ?? item.question ?? item.term ?? item.text ?? '');
    const extra =
      argv.what === 'facts'
        ? ` [${item.status}, ${item.sensitivity}, ${item.corroboration} origin(s), ${(item.outlets as unknown[]).length} outlet(s)]`
        : '';
    out(`${String(item.id).padEnd(32)} ${label}${extra}\n`);
  }
}
