// The command line: a table of commands, one yargs parser, and the one error boundary.
// Commands live in ./commands/<name>.ts and lazy-import the library code they need, so
// `briefbook validate` never loads the renderer and only PDF output loads puppeteer.
import yargs, { type CommandModule } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { exitCodeFor, formatLocation, UsageError, UserError } from '../errors.js';
import * as build from './commands/build.js';
import * as diff from './commands/diff.js';
import * as gitSetup from './commands/git-setup.js';
import * as importCmd from './commands/import.js';
import * as list from './commands/list.js';
import * as textconv from './commands/textconv.js';
import * as validate from './commands/validate.js';
import { paint, printDiagnostics } from './output.js';

const COMMANDS = [validate, list, build, importCmd, diff, textconv, gitSetup] as unknown as CommandModule[];

export async function main(args = hideBin(process.argv)): Promise<void> {
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
    .version()
    .alias('V', 'version')
    .wrap(Math.min(110, process.stdout.columns || 100))
    .epilogue('Docs: README.md. Exit codes: 0 ok, 1 bad input, 2 bad command line.')
    .fail((msg, err) => {
      // yargs calls this for its own parse errors (msg, or a YError from validation and
      // .coerce()) and for errors thrown by handlers (err, passed through as they are).
      if (!err || err.name === 'YError') throw new UsageError(err?.message || msg);
      throw err;
    });
  try {
    await parser.parseAsync();
  } catch (err) {
    report(err);
    process.exitCode = exitCodeFor(err);
  }
}

function report(err: unknown): void {
  const c = paint(process.stderr);
  if (err instanceof UsageError) {
    process.stderr.write(`${c.red(`briefbook: ${err.message}`)}\nRun \`briefbook --help\` for usage.\n`);
  } else if (err instanceof UserError) {
    const [first] = err.diagnostics;
    // A single located problem is the whole message; otherwise print the summary first.
    if (!(err.diagnostics.length === 1 && first && err.message.startsWith(formatLocation(first)))) {
      process.stderr.write(`${c.red(`error: ${err.message}`)}\n${err.hint ? c.dim(`  hint: ${err.hint}\n`) : ''}`);
    }
    printDiagnostics(err.diagnostics, 'error');
  } else {
    const stack = err instanceof Error ? (err.stack ?? err.message) : String(err);
    process.stderr.write(
      `${c.red('briefbook hit an unexpected error; this is a bug, please report it with the output below.')}\n${stack}\n`,
    );
  }
}
