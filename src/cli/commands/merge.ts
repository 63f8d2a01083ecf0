import type { Argv } from 'yargs';
import { type GlobalArgs, projectFrom } from '../context.js';
import { err, paint, printDiagnostics, printJson } from '../output.js';

export const command = 'merge';
export const describe = 'After git stops on a merge: merge conflicted fact files across the whole fact base, stage them, check the result';

export const builder = (y: Argv<GlobalArgs>) =>
  y
    .option('check', { type: 'boolean', default: false, describe: 'Only check the fact base as a whole; write and stage nothing' })
    .option('force', {
      type: 'boolean',
      default: false,
      describe: 'Merge a conflicted file again from git’s three versions even if it was edited since (those edits are lost)',
    })
    .option('json', { type: 'boolean', default: false, describe: 'Print the report as JSON' })
    .example('$0 merge', 'after `git merge` stopped: carry edits to moved items, stage what is resolved')
    .example('$0 merge --check', 'what the pre-merge-commit hook runs');

type Args = Awaited<ReturnType<typeof builder>['argv']>;

export async function handler(argv: Args): Promise<void> {
  const { merge } = await import('../../commands/merge.js');
  const r = await merge({ project: projectFrom(argv), check: argv.check, force: argv.force });
  if (argv.json) printJson(r);
  else {
    const c = paint(process.stderr);
    for (const m of r.carried) {
      const other = m.edit === 'ours' ? 'theirs' : 'ours';
      err(`${c.green('carried:')} ${m.edit}' edit to ${m.kind} ${m.id} into ${m.to}, where ${other} moved it from ${m.from}\n`);
    }
    for (const f of [...r.files, ...r.targets]) {
      if (f.status === 'resolved') err(`${c.green('resolved:')} ${f.path} (staged)\n`);
      if (f.status === 'left') err(`${c.yellow('left:')} ${f.path}: ${f.reason}\n`);
      for (const x of f.conflicts) err(`${c.red(`${f.path}:${x.line}: conflict in ${x.what}: ours ${x.ours} theirs ${x.theirs}`)}\n`);
      for (const note of f.notes) err(c.dim(`note: ${note}\n`));
    }
    printDiagnostics(r.errors, 'error');
    const before = r.before ? ` (and ${r.before} it had before; \`briefbook validate\` lists them)` : '';
    const summary = `${r.errors.length} new error(s) in the fact base${before}, ${r.warnings} warning(s)`;
    const open = [...r.files, ...r.targets].filter((f) => f.status !== 'resolved').length;
    const left = open ? `; ${open} file(s) still to resolve` : '';
    err(`${r.ok ? c.green(`ok: ${summary}`) : c.red(`not done: ${summary}${left}`)}\n`);
  }
  if (!r.ok) process.exitCode = 1;
}
