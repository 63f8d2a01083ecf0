import { relative } from 'node:path';
import type { Argv } from 'yargs';
import type { GlobalArgs } from '../context.js';
import { out, paint, printJson } from '../output.js';

export const command = 'init <dir>';
export const describe = 'Start a new brief project in DIR: config, an example fact base, two audiences, git files';

export const builder = (y: Argv<GlobalArgs>) =>
  y
    .positional('dir', { type: 'string', demandOption: true, describe: 'Folder for the project (created if missing; must be empty)' })
    .option('force', {
      type: 'boolean',
      default: false,
      describe: 'Add the missing files to a folder that is not empty; existing files are never overwritten',
    })
    .option('git', { type: 'boolean', default: true, describe: 'Run `git init` when DIR is not inside a repository (--no-git: don’t)' })
    .option('json', { type: 'boolean', default: false, describe: 'Print { root, created, skipped, git } as JSON' })
    .example('$0 init ../oversight-hearing', 'a new project, then: cd ../oversight-hearing && npx briefbook build')
    .example('$0 init . --force', 'add what is missing to the current folder; nothing is overwritten');

type Args = Awaited<ReturnType<typeof builder>['argv']>;

export async function handler(argv: Args): Promise<void> {
  const { init } = await import('../../commands/init.js');
  const result = await init({ dir: argv.dir, force: argv.force, git: argv.git });
  if (argv.json) return printJson(result);
  const c = paint(process.stdout);
  const line = (s: string) => out(`${s}\n`);
  const rel = relative(process.cwd(), result.root);
  const where = rel === '' ? '.' : rel.startsWith('..') ? result.root : rel;
  line(`${c.green('created')} ${result.root}: ${result.created.length} files`);
  for (const f of result.created) line(c.dim(`  ${f}`));
  if (result.skipped.length > 0) {
    line(`${c.yellow('skipped')} ${result.skipped.length} files already there (left unchanged):`);
    for (const f of result.skipped) line(`  ${f}`);
  }
  const git = {
    initialised: 'git: initialised a repository (nothing committed yet)',
    'inside-repository': 'git: already inside a repository; not initialised',
    'not-installed': 'git: not installed; `briefbook diff` and build stamps need it',
    'not-asked': 'git: not initialised (--no-git)',
    failed: 'git: `git init` failed; run it yourself',
  }[result.git];
  line(git);
  line(`
Next:
  cd ${where}
  npx briefbook build                 # out/member-memo.pdf, out/press-points.pdf (+ .md, .html)
  npx briefbook watch --serve         # rebuild as you edit, preview at http://127.0.0.1:8017/
  npx briefbook git-setup             # once per clone: git diff shows changes fact by fact
  npx briefbook new audience NAME     # another packet, copied from one of the existing ones
Edit data/*.yaml (your editor completes fields through the schema line at the top of each file).`);
}
