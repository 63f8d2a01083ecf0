import type { Argv } from 'yargs';
import type { Check } from '../../commands/doctor.js';
import { type GlobalArgs, optionalProject, timeoutMs } from '../context.js';
import { out, paint, printJson } from '../output.js';

export const command = 'doctor';
export const describe = 'Check this machine and project: node, the browser (with a test PDF), fonts, git, the fact base';

export const builder = (y: Argv<GlobalArgs>) =>
  y
    .option('browser', { type: 'string', describe: 'Check this Chrome/Chromium executable instead of searching the usual places' })
    .option('timeout', { type: 'number', default: 30, describe: 'Seconds for the test browser to start and print' })
    .option('json', { type: 'boolean', default: false, describe: 'Print the checks as JSON' })
    .example('$0 doctor', 'everything, in one screen; exit 1 when something needs fixing')
    .example('$0 doctor --browser /opt/chrome/chrome', 'try a particular browser');

type Args = Awaited<ReturnType<typeof builder>['argv']>;

export async function handler(argv: Args): Promise<void> {
  const timeout = timeoutMs(argv.timeout);
  const { doctor } = await import('../../commands/doctor.js');
  const { project, cwd } = optionalProject(argv);
  const checks = await doctor({ project, named: argv.root !== undefined, cwd, browser: argv.browser, timeout });
  if (argv.json) printJson(checks);
  else print(checks);
  if (checks.some((c) => c.status === 'problem')) process.exitCode = 1;
}

function print(checks: Check[]): void {
  const c = paint(process.stdout);
  const label = { ok: c.green('ok     '), problem: c.red('problem'), skipped: c.dim('skipped') };
  const lines: string[] = [];
  for (const k of checks) {
    lines.push(`${label[k.status]}  ${k.summary}`);
    for (const d of k.details) lines.push(c.dim(`           ${d}`));
    for (const [i, f] of k.fix.entries()) lines.push(`           ${i === 0 ? c.bold('fix:') : '    '} ${f}`);
  }
  const problems = checks.filter((k) => k.status === 'problem').length;
  lines.push(problems === 0 ? c.green('All good.') : c.red(`${problems} problem${problems > 1 ? 's' : ''} to fix.`));
  out(`${lines.join('\n')}\n`);
}
