import type { Argv } from 'yargs';
import type { GlobalArgs } from '../context.js';
import { err, paint } from '../output.js';

export const command = 'merge-driver <base> <ours> <theirs> [path]';
export const describe = 'Merge one fact file by item id and field (git runs this; set it up with `git-setup --merge`)';

export const builder = (y: Argv<GlobalArgs>) =>
  y
    .positional('base', { type: 'string', demandOption: true, describe: "git's %O: the common ancestor's version" })
    .positional('ours', { type: 'string', demandOption: true, describe: "git's %A: our version; the result is written here" })
    .positional('theirs', { type: 'string', demandOption: true, describe: "git's %B: their version" })
    .positional('path', { type: 'string', describe: "git's %P: the file's path in the repository (for messages)" })
    .option('marker-size', { type: 'number', default: 7, describe: "git's %L: length of conflict markers" })
    .example('$0 merge-driver %O %A %B %P --marker-size %L', 'the command `git-setup --merge` configures');

type Args = Awaited<ReturnType<typeof builder>['argv']>;

export async function handler(argv: Args): Promise<void> {
  const { mergeDriver } = await import('../../commands/merge-driver.js');
  const path = argv.path ?? argv.ours;
  const r = await mergeDriver({ base: argv.base, ours: argv.ours, theirs: argv.theirs, path, markerSize: argv.markerSize });
  const c = paint(process.stderr);
  for (const x of r.conflicts) {
    err(`${c.red(`${path}:${x.line}: conflict in ${x.what}: ours ${x.ours} theirs ${x.theirs}`)}\n`);
  }
  if (r.conflicts.some((x) => x.path === '' || x.reference)) {
    err(c.dim('  hint: if one side moved an item to another file, run `briefbook merge` once git stops: it looks across the fact base\n'));
  }
  if (r.fellBack) err(`${c.yellow(`${path}: merged line by line by git: ${r.fellBack}`)}\n`);
  for (const note of r.notes) err(`${c.dim(`note: ${note}`)}\n`);
  if (!r.clean) process.exitCode = 1;
}
