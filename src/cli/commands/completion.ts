import type { Argv } from 'yargs';
import type { GlobalArgs } from '../context.js';

export const command = 'completion';
export const describe = 'Print a shell completion script (bash or zsh) for commands, options and values';

export const builder = (y: Argv<GlobalArgs>) =>
  y
    .option('shell', {
      choices: ['bash', 'zsh'] as const,
      describe: 'Which shell the script is for (default: guessed from $SHELL)',
    })
    .example('$0 completion >> ~/.bashrc', 'bash: complete briefbook commands and options in new shells')
    .example('$0 completion --shell zsh >> ~/.zshrc', 'zsh')
    .example('source <($0 completion)', 'try it in this shell only');

type Args = Awaited<ReturnType<typeof builder>['argv']>;

export async function handler(argv: Args): Promise<void> {
  // yargs picks the template from the environment when an instance is created.
  if (argv.shell === 'zsh') process.env.ZSH_NAME = 'zsh';
  if (argv.shell === 'bash') {
    delete process.env.ZSH_NAME;
    process.env.SHELL = '/bin/bash';
  }
  const { default: yargs } = await import('yargs');
  // The script calls `briefbook --get-yargs-completions …`, answered by the main parser.
  // (Its typings omit the parameters: the program name and the command that prints the script.)
  const parser = yargs([]).scriptName('briefbook') as unknown as { showCompletionScript($0: string, cmd: string): void };
  parser.showCompletionScript('briefbook', 'completion');
}
