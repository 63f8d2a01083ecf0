import type { Argv } from 'yargs';
import { type GlobalArgs, projectFrom } from '../context.js';
import { out, paint, printJson } from '../output.js';

export const command = 'new';
export const describe = 'Create something to customise: `new audience NAME` copies an audience file';

const audience = {
  command: 'audience <name>',
  describe: 'Copy an audience file to templates/audiences/NAME.md, its front matter explained in comments',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .positional('name', { type: 'string', demandOption: true, describe: 'The new audience: lower-case words joined by "-"' })
      .option('from', {
        type: 'string',
        default: 'member-memo',
        describe: 'Audience to copy: the project’s own, else one shipped with briefbook',
      })
      .option('json', { type: 'boolean', default: false, describe: 'Print { path, file, from } as JSON' })
      .example('$0 new audience committee-website --from press-points', 'a public one-pager to edit')
      .example('$0 new audience staff-book --from briefing-book', 'start from a built-in audience'),
  handler: async (argv: GlobalArgs & { name: string; from: string; json: boolean }) => {
    const { newAudience } = await import('../../commands/new.js');
    const result = await newAudience({ project: projectFrom(argv), name: argv.name, from: argv.from });
    if (argv.json) return printJson(result);
    const c = paint(process.stdout);
    const note = result.builtin
      ? '\n  it is a built-in audience written for another fact base: replace the fact ids it names with yours'
      : '';
    out(`${c.green('created')} ${result.file} (from ${result.from})${note}\n  edit it, then: briefbook build -a ${argv.name}\n`);
  },
};

export const builder = (y: Argv<GlobalArgs>) =>
  y
    .command(audience as never)
    .demandCommand(1, 'Say what to create: `briefbook new audience NAME`.')
    .example('$0 new audience committee-website --from press-points', 'copy an audience to customise');

export const handler = () => undefined;
