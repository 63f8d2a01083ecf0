// Finding a Chrome or Chromium for PDF output: --browser, PUPPETEER_EXECUTABLE_PATH, the
// usual install locations, then puppeteer's own download. Nothing is started here.
//
// The lightest browser that prints the same comes first: Chromium's headless shell (the
// old headless mode, a separate binary; Debian's chromium-headless-shell) starts in about
// a quarter of the time of the full browser and prints faster, from the same engine, so
// the same PDFs. Full Chromium or Chrome is the fallback.

import { accessSync, constants } from 'node:fs';
import { UserError } from '../../errors.js';
import { requirePuppeteer } from './require-puppeteer.js';

export interface Candidate {
  path: string;
  /** Where the path came from: "--browser", "PUPPETEER_EXECUTABLE_PATH", "usual location", "puppeteer". */
  from: string;
  /** Chromium's headless shell, which puppeteer starts with `headless: 'shell'`, not the full browser. */
  shell: boolean;
}

export interface Tried extends Candidate {
  problem: string;
}

const USUAL: Partial<Record<NodeJS.Platform, string[]>> = {
  linux: [
    // The binary itself: Debian's /usr/bin/chromium-headless-shell is a shell script that
    // does not exec it, so killing the script would leave the browser running.
    '/usr/lib/chromium/chromium-headless-shell',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
  ],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
  ],
  win32: ['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe'],
};

export const GET_A_BROWSER = [
  'sudo apt-get install chromium-headless-shell   (Debian; or chromium, or your system’s package for Chromium or Google Chrome)',
  'npx puppeteer browsers install chrome   (puppeteer’s own download)',
  'or point briefbook at one: --browser PATH, or PUPPETEER_EXECUTABLE_PATH=PATH',
];

export interface LaunchOptions {
  /** --browser PATH: when given, the only candidate. */
  executable?: string;
  env?: NodeJS.ProcessEnv;
  /** Milliseconds to wait for the browser to start. */
  launchTimeout?: number;
  /** Milliseconds one page may take to load and print. */
  renderTimeout?: number;
  /** Aborting kills the browser, also while it is still starting. */
  signal?: AbortSignal;
  /**
   * Let puppeteer kill the browser on SIGINT/SIGTERM/SIGHUP (and exit 130 on SIGINT).
   * Default true; a long-running owner (`watch`) handles the signals and closes the session itself.
   */
  handleSignals?: boolean;
}

const isExecutable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** Chromium's headless shell goes by its file name: chromium-headless-shell, chrome-headless-shell(.exe). */
export function isHeadlessShell(path: string): boolean {
  return /(^|[\\/])(chromium|chrome)[-_]headless[-_]shell(\.exe)?$/i.test(path);
}

const candidate = (path: string, from: string): Candidate => ({ path, from, shell: isHeadlessShell(path) });

/** Candidates in search order. An explicit path (flag or env) is the only one tried. */
export function candidates(opts: LaunchOptions, platform: NodeJS.Platform = process.platform): Candidate[] {
  if (opts.executable) return [candidate(opts.executable, '--browser')];
  const env = opts.env ?? process.env;
  if (env.PUPPETEER_EXECUTABLE_PATH) return [candidate(env.PUPPETEER_EXECUTABLE_PATH, 'PUPPETEER_EXECUTABLE_PATH')];
  return (USUAL[platform] ?? []).map((path) => candidate(path, 'usual location'));
}

export type Puppeteer = import('puppeteer').PuppeteerNode;

/** puppeteer itself (a failure is a UserError saying how to install it). */
export async function loadPuppeteer(): Promise<Puppeteer> {
  try {
    // Through require: puppeteer's CommonJS build loads in about two thirds of the time of
    // its ES modules (~170 ms against ~250 ms here), and that load is on a PDF build's
    // critical path, before the browser can start (in the CLI, ~70 ms: require-puppeteer.ts).
    const mod = requirePuppeteer() as Puppeteer & { default?: Puppeteer };
    return mod.default ?? mod;
  } catch (e) {
    throw new UserError('PDF output needs the puppeteer package, which is not installed', {
      hint: 'run `npm install puppeteer` in briefbook’s folder, or build only Markdown and HTML with --format md --format html',
      cause: e,
    });
  }
}

export function noBrowser(tried: Tried[], explicit: boolean, cause?: unknown): UserError {
  const lines = tried.map((t) => `  ${t.path} (${t.from}): ${t.problem}`);
  const others =
    explicit && process.platform in USUAL
      ? `\nOther places briefbook looks when no path is given: ${(USUAL[process.platform] ?? [])
          .map((p) => `${p}${isExecutable(p) ? ' (found)' : ''}`)
          .join(', ')}, then puppeteer's own download.`
      : '';
  return new UserError(`no usable browser for PDF output. Tried:\n${lines.join('\n')}${others}`, {
    hint: `get one with:\n    ${GET_A_BROWSER.join('\n    ')}`,
    cause,
  });
}

/**
 * Where a browser would be found, without starting it (`doctor`): the first usable
 * candidate and every path tried before it.
 */
export async function discoverBrowser(opts: LaunchOptions = {}): Promise<{ found?: Candidate; tried: Tried[] }> {
  return findBrowser(opts, await loadPuppeteer());
}

/** The first candidate that exists as an executable, with the list of what was tried. */
export async function findBrowser(opts: LaunchOptions, puppeteer: Puppeteer): Promise<{ found?: Candidate; tried: Tried[] }> {
  const tried: Tried[] = [];
  const list = candidates(opts);
  const explicit = Boolean(opts.executable || (opts.env ?? process.env).PUPPETEER_EXECUTABLE_PATH);
  if (!explicit) {
    const own = (options?: { headless: 'shell' }) => {
      try {
        return options ? puppeteer.executablePath(options) : puppeteer.executablePath();
      } catch {
        return undefined;
      }
    };
    const shell = own({ headless: 'shell' });
    if (shell && isExecutable(shell)) list.push(candidate(shell, 'puppeteer'));
    list.push(candidate(own() ?? '(puppeteer has no downloaded browser)', 'puppeteer'));
  }
  for (const c of list) {
    if (isExecutable(c.path)) return { found: c, tried };
    tried.push({ ...c, problem: 'not found (or not executable)' });
  }
  return { tried };
}
