import type { Argv } from 'yargs';
import type { WatchEvent } from '../../commands/watch.js';
import type { Written } from '../../render/output.js';
import { type GlobalArgs, projectFrom } from '../context.js';
import { displayPath, err, out, paint, printError } from '../output.js';
import { renderOptions, renderTargets } from '../render-options.js';

export const command = 'watch';
export const describe = 'Rebuild the packets an edit affects as you save; optional live preview on 127.0.0.1';

export const builder = (y: Argv<GlobalArgs>) =>
  renderOptions(y)
    .option('serve', { type: 'boolean', default: false, describe: 'Serve the HTML packets on 127.0.0.1 with live reload' })
    .option('port', { type: 'number', default: 8017, describe: 'Port for --serve (0: any free port)' })
    .example('$0 watch -f md -f html --serve', 'fast previews in the browser at http://127.0.0.1:8017/')
    .example('$0 watch -a member-memo', 'the member memo in every format, PDF on a browser kept open')
    .epilogue('Stop with Ctrl-C (closes the browser and the preview server; exit code 0).');

type Args = Awaited<ReturnType<typeof builder>['argv']>;

export async function handler(argv: Args): Promise<void> {
  const { UsageError } = await import('../../errors.js');
  if (!Number.isInteger(argv.port) || argv.port < 0 || argv.port > 65535) throw new UsageError('--port must be a number from 0 to 65535');
  const project = projectFrom(argv);
  const { watch } = await import('../../commands/watch.js');
  const c = paint(process.stdout);
  const say = (s: string) => out(`${s}\n`);

  const onEvent = (e: WatchEvent) => {
    switch (e.type) {
      case 'watching':
        say(`${c.cyan('watching')} ${e.paths.map((p) => `${displayPath(p)}/`).join(', ')} ${c.dim('(Ctrl-C to stop)')}`);
        if (e.url) say(`${c.cyan('preview')}  ${e.url}`);
        break;
      case 'built':
        say(
          `${c.green(e.initial ? 'built' : 'rebuilt')} ${outputs(e.written)} in ${ms(e.ms)}${
            e.trigger.length ? c.dim(`  ← ${e.trigger.map((p) => displayPath(p)).join(', ')}`) : ''
          }`,
        );
        break;
      case 'printed':
        say(`${c.green('printed')} ${outputs(e.written)} in ${ms(e.ms)}`);
        break;
      case 'browser':
        say(c.dim(`browser ${e.executable} started in ${ms(e.ms)}; kept open while watching`));
        break;
      case 'unaffected':
        say(c.dim(`no packet uses what changed in ${e.trigger.map((p) => displayPath(p)).join(', ')}`));
        break;
      case 'failed':
        printError(e.error);
        err(c.dim('still watching; fix the file and save again\n'));
        break;
    }
  };

  const watcher = await watch({
    project,
    ...renderTargets(argv),
    serve: argv.serve ? { port: argv.port } : undefined,
    onEvent,
  });
  await new Promise<void>((done) => {
    const stop = () => {
      for (const s of SIGNALS) process.removeListener(s, stop);
      err(c.dim('stopping…\n'));
      watcher.close().then(done, (err: unknown) => {
        printError(err);
        done();
      });
    };
    for (const s of SIGNALS) process.once(s, stop);
  });
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** "member-memo.md, .html; press-points.md, .html", with page counts for PDFs. */
function outputs(written: readonly Written[]): string {
  const byAudience = new Map<string, Written[]>();
  for (const w of written) byAudience.set(w.audience, [...(byAudience.get(w.audience) ?? []), w]);
  return [...byAudience]
    .map(([audience, files]) => {
      const pages = files.find((f) => f.pages !== undefined)?.pages;
      return `${audience}.${files.map((f) => f.format).join(', .')}${pages !== undefined ? ` (${pages} p.)` : ''}`;
    })
    .join('; ');
}

const ms = (n: number) => (n < 1000 ? `${Math.round(n)} ms` : `${(n / 1000).toFixed(1)} s`);
