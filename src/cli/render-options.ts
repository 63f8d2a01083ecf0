// The options `build` and `watch` share: which packets, where, and with which browser.
import { resolve } from 'node:path';
import type { Argv } from 'yargs';
import { FORMATS, type Format } from '../render/formats.js';
import { timeoutMs } from './context.js';

export function renderOptions<T>(y: Argv<T>) {
  return y
    .option('audience', {
      alias: 'a',
      type: 'string',
      array: true,
      describe: 'Only this audience (repeatable); see `briefbook list audiences`',
    })
    .option('format', {
      alias: 'f',
      choices: FORMATS,
      array: true,
      describe: 'Only this format (repeatable); default `formats` in briefbook.yaml, else md, html, pdf',
    })
    .option('out', { alias: 'o', type: 'string', describe: 'Output folder (default: the project’s out/)' })
    .option('browser', { type: 'string', describe: 'Chrome/Chromium executable for PDFs (default: search the usual places)' })
    .option('timeout', { type: 'number', default: 60, describe: 'Seconds for the browser to start and for each page to render' });
}

export interface RenderArgs {
  audience?: (string | number)[];
  format?: Format[];
  out?: string;
  browser?: string;
  timeout: number;
}

/** The shared options as the library's BuildOptions/WatchOptions fields. */
export function renderTargets(argv: RenderArgs) {
  return {
    audiences: argv.audience?.map(String),
    formats: argv.format,
    outDir: argv.out ? resolve(argv.out) : undefined,
    browser: argv.browser,
    timeout: timeoutMs(argv.timeout),
  };
}
