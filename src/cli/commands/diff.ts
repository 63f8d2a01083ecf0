import type { Argv } from 'yargs';
import type { SideArg } from '../../diff/sides.js';
import { UsageError, UserError } from '../../errors.js';
import { KINDS, type Kind, SINGULAR } from '../../facts/kinds.js';
import { LIMITS } from '../../facts/limits.js';
import { readLimited } from '../../util/safe-read.js';
import { type GlobalArgs, optionalProject } from '../context.js';
import { out, paint } from '../output.js';

export const command = 'diff [from] [to]';

/**
 * What `-` on the command line becomes before yargs sees it (yargs turns a lone "-" into an
 * empty string): a NUL cannot come from a real command line, so nothing else can mean it.
 */
export const STDIN_ARG = `${String.fromCharCode(0)}-`;
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
    .example('$0 diff old-data/ data/ --kind facts --format json', 'two folders, facts only, as JSON')
    .example('git show HEAD~3:data/facts/a.yaml | $0 diff - data/facts/a.yaml', '`-`: a fact file from standard input')
    .example('$0 diff -- old.yaml new.yaml', 'after `--`, every argument is a file or folder, never a revision');

type Args = Awaited<ReturnType<typeof builder>['argv']>;

export async function handler(argv: Args): Promise<void> {
  const { diff, formatDiff, hasChanges } = await import('../../commands/diff.js');
  const { project, cwd } = optionalProject(argv);
  if (project instanceof Error && argv.root !== undefined) throw project;
  const [from, to] = await sides(argv);
  const result = await diff({
    project: project instanceof Error ? undefined : project,
    cwd,
    from,
    to,
    kinds: argv.kind,
    tag: argv.tag,
    audience: argv.audience,
    renames: argv.renames,
  });
  out(formatDiff(result, argv.format, paint(process.stdout)));
  if (argv.exitCode && hasChanges(result)) process.exitCode = 1;
}

/**
 * FROM and TO as given: arguments after `--` are files or folders (yargs leaves them in
 * `_`), and `-` is a fact file read from standard input.
 */
async function sides(argv: Args): Promise<(SideArg | undefined)[]> {
  const given: SideArg[] = [
    ...[argv.from, argv.to].filter((a): a is string => a !== undefined),
    ...argv._.slice(1).map((p) => ({ path: String(p) })),
  ];
  if (given.length > 2) throw new UsageError(`diff compares two sides, not ${given.length}: ${given.map(show).join(', ')}`);
  if (given.filter((a) => a === STDIN_ARG).length > 1) throw new UsageError('only one side can be `-` (standard input)');
  const out: (SideArg | undefined)[] = [];
  for (const a of given) out.push(a === STDIN_ARG ? await stdinSide() : a);
  return out;
}

const show = (a: SideArg) => (typeof a === 'string' ? (a === STDIN_ARG ? '-' : a) : 'path' in a ? a.path : '-');

async function stdinSide(): Promise<SideArg> {
  if (process.stdin.isTTY) {
    throw new UsageError(
      '`-` reads a fact file from standard input; pipe one in, e.g. `git show HEAD~1:data/facts/a.yaml | briefbook diff - data/facts/a.yaml`',
    );
  }
  const read = await readLimited(process.stdin, LIMITS.fileBytes);
  if ('bytes' in read && read.bytes.toString('utf8').trim() === '') {
    throw new UserError('standard input is empty: `-` stands for a fact file piped in', {
      hint: 'check the command before the pipe (`git show REV:PATH` prints nothing for a path it does not know)',
    });
  }
  return { stdin: 'bytes' in read ? { bytes: read.bytes } : { bytes: new Uint8Array(), size: read.tooLarge } };
}

/** "facts,sources", "fact" or repeated --kind options → kinds; singular names are accepted too. Unknown names are left for .check(). */
function parseKinds(value: string | string[] | undefined): Kind[] | undefined {
  if (value === undefined) return undefined;
  const names = (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(',')).map((v) => v.trim().toLowerCase());
  return names.filter(Boolean).map((name) => KINDS.find((k) => k === name || SINGULAR[k] === name) ?? (name as Kind));
}
