import type { Argv } from 'yargs';
import type { GlobalArgs } from '../context.js';
import { out } from '../output.js';

export const command = 'textconv <file>';
export const describe = 'Print a fact file in canonical one-block-per-item form (the git diff driver; see git-setup)';

export const builder = (y: Argv<GlobalArgs>) =>
  y
    .positional('file', { type: 'string', demandOption: true, describe: 'Fact file to print' })
    .example('$0 textconv data/facts/a.yaml', 'what `git diff` compares once the driver is set up');

type Args = Awaited<ReturnType<typeof builder>['argv']>;

export async function handler(argv: Args): Promise<void> {
  const { textconv } = await import('../../commands/textconv.js');
  out(await textconv({ file: argv.file }));
}
