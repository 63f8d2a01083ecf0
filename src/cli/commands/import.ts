import type { Argv } from 'yargs';
import { type GlobalArgs, projectFrom } from '../context.js';
import { err, paint, printDiagnostics, printJson } from '../output.js';

export const command = 'import';
export const describe = 'Import records from an open dataset into a generated fact file';

const legislatorsBuilder = (y: Argv<GlobalArgs>) =>
  y
    .option('committee', {
      type: 'string',
      array: true,
      demandOption: 'say which committee by its Thomas id, e.g. --committee HSIF',
      describe: 'Committee code: its Thomas id in the dataset (HSIF, SLGA…); repeat to put several committees in one file',
    })
    .option('from', {
      type: 'string',
      describe: 'Folder or http(s) base URL holding the three upstream files [default: the upstream repository on GitHub]',
    })
    .option('out', {
      type: 'string',
      describe: 'File to write [default: data/generated/legislators-<committee>.yaml]',
    })
    .option('date', {
      type: 'string',
      describe: "Snapshot date to cite (YYYY-MM-DD) [default: the folder README's 'last change' date, else the files' dates]",
    })
    .option('json', { type: 'boolean', default: false, describe: 'Print the result as JSON' })
    .example('$0 import legislators --committee CODE --from DIR', 'a committee and its members from a local snapshot of the dataset')
    .example('$0 import legislators --committee CODE', 'the same, fetched from GitHub')
    .example('$0 import legislators --committee CODE --committee CODE2', 'two committees (a subcommittee’s parent, say) in one file');

type LegislatorsArgs = Awaited<ReturnType<typeof legislatorsBuilder>['argv']>;

async function legislatorsHandler(argv: LegislatorsArgs): Promise<void> {
  const project = projectFrom(argv);
  const { importLegislators } = await import('../../commands/import.js');
  const result = await importLegislators({
    project,
    committees: argv.committee.map(String),
    from: argv.from,
    out: argv.out,
    date: argv.date,
  });
  if (argv.json) return printJson(result);
  const c = paint(process.stderr);
  for (const w of result.warnings) err(`${c.yellow(`warning: ${w}`)}\n`);
  printDiagnostics(result.links, 'warning');
  const { majority, minority } = result.counts.members;
  const what = result.committees.map((k) => `${k.code} (${k.name})`).join(', ');
  err(
    `${c.green(`${result.changed ? 'wrote' : 'unchanged'} ${result.file}`)}: ${what}, ${result.counts.subcommittees} subcommittee(s), ` +
      `${majority + minority} members (${majority} majority, ${minority} minority); source dated ${result.snapshot.date} (${DATE_FROM[result.snapshot.dateFrom]})\n`,
  );
}

const DATE_FROM = {
  option: 'from --date',
  readme: "from the dataset README's last change",
  modified: 'from the files’ modification dates',
  today: 'today; pass --date to cite the snapshot’s own date',
} as const;

export const builder = (y: Argv<GlobalArgs>) =>
  y
    .command('legislators', 'Committee and member records from unitedstates/congress-legislators', legislatorsBuilder, legislatorsHandler)
    .demandCommand(1, 'Say which dataset to import: legislators')
    .example('$0 import legislators --committee CODE', 'a committee’s who’s-who (CODE: its Thomas id, e.g. HSIF)');

export const handler = () => {};
