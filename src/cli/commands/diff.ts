import type { Argv } from 'yargs';
import { UsageError } from '../../errors.js';
import { KINDS, type Kind, SINGULAR } from '../../facts/kinds.js';
import { type GlobalArgs, optionalProject } from '../context.js';
import { paint } from '../output.js';

export const command = 'diff [from] [to]';
export const describe = 'Show what changed in the fact base: by id, field by field (git revisions, folders or files)';

export const builder = (y: Argv<GlobalArgs>) =>
  y
    .positional('from', { type: 'string', describe: 'Revision, folder or fact file (default: HEAD)' })
    .positional('to', { type: 'string', describe: 'Revision, folder or fact file (default: the working tree)' })
    .option('format', { choices: ['text', 'md', 'json'] as const, default: 'text' as const, describe: 'Output format' })
    .option('kind', {
      type: 'string',
      describe: `Only these kinds, comma-separated (${KINDS.join(', ')})`,
      coerce: parseKinds,
    })
    .check((argv) => {
      const unknown = (argv.kind ?? []).filter((k) => !(KINDS as readonly string[]).includes(k));
      if (unknown.length > 0) throw new UsageError(`--kind: unknown kind "${unknown[0]}"; use ${KINDS.join(', ')}`);
      return true;
    })
    .option('tag', { type: 'string', describe: 'Only items with this tag (on either side)' })
    .option('audience', { type: 'string', describe: 'Only what this audience may see (templates/audiences/NAME.md)' })
    .option('renames', {
      type: 'boolean',
      default: true,
      describe: 'Report an identical item under a new id as renamed (--no-renames: removed + added)',
    })
    .option('exit-code', { type: 'boolean', default: false, describe: 'Exit with 1 when there are differences, like git diff' })
    .example('$0 diff', 'HEAD vs the working tree')
    .example('$0 diff HEAD~2', 'what changed since two commits ago, including uncommitted edits')
    .example('$0 diff v1 v2 --format md', 'between two tags, as Markdown for a pull request')
    .example('$0 diff main --audience press-points', 'only what the press office may see')
    .example('$0 diff old-data/ data/ --kind facts --format json', 'two folders, facts only, as JSON');

type Args = Awaited<ReturnType<typeof builder>['argv']>;

export async function handler(argv: Args): Promise<void> {
  const { diff, formatDiff, hasChanges } = await import('../../commands/diff.js');
  const { project, cwd } = optionalProject(argv);
  if (project instanceof Error && argv.root !== undefined) throw project;
  const result = await diff({
    project: project instanceof Error ? undefined : project,
    cwd,
    from: argv.from,
    to: argv.to,
    kinds: argv.kind,
    tag: argv.tag,
    audience: argv.audience,
    renames: argv.renames,
  });
  process.stdout.write(formatDiff(result, argv.format, paint(process.stdout)));
  if (argv.exitCode && hasChanges(result)) process.exitCode = 1;
}

/** "facts,sources", "fact" or repeated --kind options → kinds; singular names are accepted too. Unknown names are left for .check(). */
function parseKinds(value: string | string[] | undefined): Kind[] | undefined {
  if (value === undefined) return undefined;
  const names = (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(',')).map((v) => v.trim().toLowerCase());
  return names.filter(Boolean).map((name) => KINDS.find((k) => k === name || SINGULAR[k] === name) ?? (name as Kind));
}
