import type { Argv } from 'yargs';
import { type GlobalArgs, projectFrom } from '../context.js';
import { err, paint } from '../output.js';

export const command = 'git-setup';
export const describe =
  'Make `git diff` and `git log -p` show fact files fact by fact (adds the briefbook diff driver; --merge: the merge driver)';

export const builder = (y: Argv<GlobalArgs>) =>
  y
    .option('global', {
      type: 'boolean',
      default: false,
      describe: "Write the driver config to your global git config (every clone), not this repository's",
    })
    .option('merge', {
      type: 'boolean',
      default: false,
      describe: 'Also merge fact files by item id and field (merge driver + a pre-merge-commit check of the whole fact base)',
    })
    .example('$0 git-setup', 'once per clone: .gitattributes line + this repository’s config')
    .example('$0 git-setup --merge', 'diffs and merges fact by fact')
    .example('$0 git-setup --global', 'once per machine: the driver config for every clone');

type Args = Awaited<ReturnType<typeof builder>['argv']>;

export async function handler(argv: Args): Promise<void> {
  const { gitSetup, shellQuote } = await import('../../commands/git-setup.js');
  const result = await gitSetup({ project: projectFrom(argv), global: argv.global, merge: argv.merge });
  const c = paint(process.stderr);
  const attrs = result.added.length ? `added ${result.added.map((l) => `"${l}"`).join(', ')} to` : 'already set up in';
  err(`${c.green('ok:')} ${attrs} ${result.attributesFile} (commit it)\n`);
  for (const { key, value } of result.config) err(c.dim(`    git config --${result.scope} ${key} ${shellQuote(value)}\n`));
  const hook = result.hook;
  if (hook?.written) err(`${c.green('ok:')} wrote ${hook.path}: checks the fact base before a merge is committed\n`);
  else if (hook) {
    err(`${c.yellow('note:')} ${hook.path} is not briefbook's, so it was left alone; add this line to it:\n    ${hook.command}\n`);
  }
}
