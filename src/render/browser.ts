// Finding and driving a headless Chromium for PDF output. Knows nothing about the CLI,
// so `watch` or `doctor` can reuse it. puppeteer is imported only here, lazily.
//
// Safety: the browser talks to us over a pipe (no DevTools port), every page runs with
// JavaScript disabled, and every request except data: URLs is aborted, so nothing is
// fetched from the network or the disk and nothing is served.
import { accessSync, constants } from 'node:fs';
import type { Browser, Page, PDFOptions } from 'puppeteer';
import { UserError } from '../errors.js';

export interface Candidate {
  path: string;
  /** Where the path came from: "--browser", "PUPPETEER_EXECUTABLE_PATH", "usual location", "puppeteer". */
  from: string;
}

export interface Tried extends Candidate {
  problem: string;
}

const USUAL: Partial<Record<NodeJS.Platform, string[]>> = {
  linux: [
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
  'sudo apt-get install chromium   (Debian/Ubuntu; or your system’s package for Chromium or Google Chrome)',
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

/** Candidates in search order. An explicit path (flag or env) is the only one tried. */
export function candidates(opts: LaunchOptions, platform: NodeJS.Platform = process.platform): Candidate[] {
  if (opts.executable) return [{ path: opts.executable, from: '--browser' }];
  const env = opts.env ?? process.env;
  if (env.PUPPETEER_EXECUTABLE_PATH) return [{ path: env.PUPPETEER_EXECUTABLE_PATH, from: 'PUPPETEER_EXECUTABLE_PATH' }];
  return (USUAL[platform] ?? []).map((path) => ({ path, from: 'usual location' }));
}

type Puppeteer = import('puppeteer').PuppeteerNode;

/** puppeteer itself (a failure is a UserError saying how to install it). */
export async function loadPuppeteer(): Promise<Puppeteer> {
  try {
    const mod = await import('puppeteer');
    return (mod.default ?? mod) as unknown as Puppeteer;
  } catch (e) {
    throw new UserError('PDF output needs the puppeteer package, which is not installed', {
      hint: 'run `npm install puppeteer` in briefbook’s folder, or build only Markdown and HTML with --format md --format html',
      cause: e,
    });
  }
}

function noBrowser(tried: Tried[], explicit: boolean, cause?: unknown): UserError {
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
async function findBrowser(opts: LaunchOptions, puppeteer: Puppeteer): Promise<{ found?: Candidate; tried: Tried[] }> {
  const tried: Tried[] = [];
  const list = candidates(opts);
  const explicit = Boolean(opts.executable || (opts.env ?? process.env).PUPPETEER_EXECUTABLE_PATH);
  if (!explicit) {
    let own: string | undefined;
    try {
      own = puppeteer.executablePath();
    } catch {
      own = undefined;
    }
    list.push({ path: own ?? '(puppeteer has no downloaded browser)', from: 'puppeteer' });
  }
  for (const c of list) {
    if (isExecutable(c.path)) return { found: c, tried };
    tried.push({ ...c, problem: 'not found (or not executable)' });
  }
  return { tried };
}

const ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--disable-default-apps',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-dev-shm-usage',
  '--disable-gpu',
  '--font-render-hinting=none',
];

export class BrowserSession {
  private closed = false;
  private readonly idle: Page[] = [];
  private readonly onExit = () => this.kill();

  constructor(
    private readonly browser: Browser,
    readonly executable: Candidate,
    private readonly renderTimeout: number,
  ) {
    process.once('exit', this.onExit);
  }

  /** False once closed, or when the browser died (crashed, killed): a long-lived owner then launches another. */
  get alive(): boolean {
    return !this.closed && this.browser.connected;
  }

  /**
   * HTML → PDF bytes in a page with scripts off and every non-data: request blocked. Pages
   * are kept and reused (a new one costs a renderer start, 0.2–0.4 s): `setContent` replaces
   * the whole document, and with scripts off nothing of one packet survives into the next.
   * A page that failed or timed out is closed, never reused.
   */
  async print(html: string, options: PDFOptions): Promise<Uint8Array> {
    let page = this.idle.pop();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new UserError(`the browser took longer than ${Math.round(this.renderTimeout / 1000)} s to render a page`, {
              hint: 'raise the limit with --timeout SECONDS, or check the browser with --browser PATH',
            }),
          ),
        this.renderTimeout,
      );
    });
    let reusable = false;
    try {
      const printed = (async () => {
        page ??= await this.openPage();
        return await this.printOn(page, html, options);
      })();
      const bytes = await Promise.race([printed, timeout]);
      reusable = true;
      return bytes;
    } finally {
      clearTimeout(timer);
      if (page && reusable && !this.closed) this.idle.push(page);
      else await page?.close().catch(() => undefined);
    }
  }

  private async openPage(): Promise<Page> {
    const page = await this.browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.url().startsWith('data:')) void request.continue();
      else void request.abort('blockedbyclient');
    });
    return page;
  }

  private async printOn(page: Page, html: string, options: PDFOptions): Promise<Uint8Array> {
    await page.setContent(html, { waitUntil: 'load', timeout: this.renderTimeout });
    return await page.pdf({ ...options, timeout: this.renderTimeout });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    process.removeListener('exit', this.onExit);
    await this.browser.close().catch(() => this.kill());
    // A wedged renderer can hold the browser's pipe open after the browser itself is gone,
    // and an open pipe keeps this process alive: let go of it.
    for (const stream of this.browser.process()?.stdio ?? []) stream?.destroy();
  }

  /** Last resort (process exit): the browser must never outlive the command. */
  private kill(): void {
    try {
      this.browser.process()?.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
}

export async function launchBrowser(opts: LaunchOptions = {}): Promise<BrowserSession> {
  const puppeteer = await loadPuppeteer();
  const explicit = Boolean(opts.executable || (opts.env ?? process.env).PUPPETEER_EXECUTABLE_PATH);
  const { found, tried } = await findBrowser(opts, puppeteer);
  if (!found) throw noBrowser(tried, explicit);
  const launchTimeout = opts.launchTimeout ?? 30_000;
  const renderTimeout = opts.renderTimeout ?? 60_000;
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  try {
    const browser = await puppeteer.launch({
      executablePath: found.path,
      headless: true,
      pipe: true,
      args: [...ARGS, ...(asRoot ? ['--no-sandbox'] : [])],
      timeout: launchTimeout,
      signal: opts.signal,
      // Over a pipe puppeteer does not wait for a start-up line; a hung browser shows as the
      // first protocol call timing out, so that limit doubles as the launch limit.
      protocolTimeout: Math.max(launchTimeout, renderTimeout),
      env: { ...process.env, ...(opts.env ?? {}) },
      ...(opts.handleSignals === false ? { handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false } : {}),
    });
    return new BrowserSession(browser, found, renderTimeout);
  } catch (e) {
    const message = (e as Error).message;
    const reason = /timed out|timeout/i.test(message)
      ? `did not answer within ${Math.round(launchTimeout / 1000)} s (hung, or not a Chrome/Chromium executable)`
      : message.split('\n').slice(0, 6).join('\n    ').trim();
    const sandbox = /sandbox/i.test(reason) ? ' (the Chromium sandbox failed; running as root or in a container needs --no-sandbox)' : '';
    throw noBrowser([...tried, { ...found, problem: `failed to start${sandbox}:\n    ${reason}` }], explicit, e);
  }
}
