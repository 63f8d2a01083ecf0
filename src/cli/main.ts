// The command line: a table of commands, one yargs parser, and the one error boundary.
// Commands live in ./commands/<name>.ts and lazy-import the library code they need, so
// `briefbook validate` never loads the renderer and only PDF output loads puppeteer.
import yargs, { type CommandModule } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { exitCodeFor, UsageError } from '../errors.js';
import { packageVersion } from '../util/package-root.js';
import * as build from './commands/build.js';
import * as completion from './commands/completion.js';
import * as diff from './commands/diff.js';
import * as doctor from './commands/doctor.js';
import * as gitSetup from './commands/git-setup.js';
import * as importCmd from './commands/import.js';
import * as init from './commands/init.js';
import * as list from './commands/list.js';
import * as merge from './commands/merge.js';
import * as mergeDriver from './commands/merge-driver.js';
import * as newCmd from './commands/new.js';
import * as textconv from './commands/textconv.js';
import * as validate from './commands/validate.js';
import * as watch from './commands/watch.js';
import { printError } from './output.js';

export const COMMANDS = [
  init,
  validate,
  list,
  build,
  watch,
  newCmd,
  importCmd,
  diff,
  textconv,
  merge,
  mergeDriver,
  gitSetup,
  doctor,
  completion,
] as unknown as CommandModule[];

export async function main(raw = hideBin(process.argv)): Promise<void> {
  // `briefbook list facts --json | head -c1`: the reader is gone; stop writing, quietly.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', quietWhenClosed);
  const args = stdinArgs(raw);
  const parser = yargs(args)
    .scriptName('briefbook')
    .usage('$0 <command> [options]\n\nTurn a sourced YAML fact base into briefing packets per audience.')
    .option('root', {
      alias: 'C',
      type: 'string',
      global: true,
      describe: 'Run as if started in DIR (the brief project)',
    })
    .command(COMMANDS)
    .demandCommand(1, 'Say which command to run (see the list above).')
    .strict()
    .recommendCommands()
    .help()
    .alias('h', 'help')
    // Read from briefbook's own package.json: yargs would look next to the process's entry point.
    .version(packageVersion())
    .alias('V', 'version')
    // Answers the --get-yargs-completions calls of the script `briefbook completion` prints;
    // the command yargs would add for it is hidden, ours (commands/completion.ts) has help.
    .completion('completion-script', false)
    .wrap(Math.min(110, process.stdout.columns || 100))
    .epilogue('Docs: README.md. Exit codes: 0 ok, 1 bad input, 2 bad command line.')
    // After `--`, arguments are left in `_` for the command (diff takes them as paths); any
    // other command given them refuses them (.strict()).
    .fail((msg, err) => {
      // yargs calls this for its own parse errors (msg, or a YError from validation and
      // .coerce()) and for errors thrown by handlers (err, passed through as they are).
      if (!err || err.name === 'YError') throw new UsageError(err?.message || msg);
      throw err;
    });
  skipHelpCache(parser);
  try {
    await parser.parseAsync();
  } catch (err) {
    printError(err);
    process.exitCode = exitCodeFor(err);
  }
}

/** `diff -`: the lone "-" (before any `--`) means standard input; yargs would lose it. */
function stdinArgs(args: readonly string[]): string[] {
  const command = args.indexOf('diff');
  const end = args.indexOf('--');
  return args.map((a, i) => (a === '-' && command >= 0 && i > command && (end < 0 || i < end) ? diff.STDIN_ARG : a));
}

function quietWhenClosed(e: NodeJS.ErrnoException): void {
  if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') return;
  throw e;
}

/**
 * yargs renders a command's whole help text as soon as its handler starts (~40 ms, on every
 * run), to have it should the handler fail once the command's options are gone. briefbook
 * never shows help for a failed command (the error boundary prints the error and its hint),
 * so the text is never read. Help asked for (--help) or due to a usage error is rendered
 * when it is shown, as before. yargs 17's internal API; without it, nothing changes.
 */
function skipHelpCache(parser: object): void {
  type Internal = { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } };
  const usage = (parser as Internal).getInternalMethods?.().getUsageInstance?.();
  if (typeof usage?.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => undefined;
}
