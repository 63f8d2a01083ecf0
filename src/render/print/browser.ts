// Driving a headless Chromium for PDF output. Knows nothing about the CLI, so `watch` or
// `doctor` can reuse it. puppeteer is imported only on this path, lazily.
//
// Safety: the browser talks to us over a pipe (no DevTools port), every page runs with
// JavaScript disabled, and every request except data: URLs is aborted, so nothing is
// fetched from the network or the disk and nothing is served. Request interception does not
// see everything (preconnect and dns-prefetch hints open sockets without a request, and
// Chromium's own services look up accounts.google.com and update hosts), so the host
// resolver also maps every host, names and addresses alike, to nothing
// (`--host-resolver-rules` in chromium-flags.json): no DNS lookup, no connection.
import type { Browser, Page, PDFOptions } from 'puppeteer';
import { UserError } from '../../errors.js';
import CHROMIUM_FLAGS from './chromium-flags.json' with { type: 'json' };
import { type Candidate, findBrowser, type LaunchOptions, loadPuppeteer, noBrowser } from './find-browser.js';

export class BrowserSession {
  private closed = false;
  private initialTaken = false;
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
    const page = (await this.initialPage()) ?? (await this.browser.newPage());
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.url().startsWith('data:')) void request.continue();
      else void request.abort('blockedbyclient');
    });
    return page;
  }

  /**
   * The blank tab the browser opens with, once: its renderer starts with the browser, while
   * node still renders the first packet, where a new tab starts one only when the first
   * print is due (0.3–0.4 s of a build's critical path on a loaded two-core machine). It is
   * set up like any other tab before it prints anything.
   */
  private async initialPage(): Promise<Page | undefined> {
    if (this.initialTaken) return undefined;
    this.initialTaken = true;
    const [page] = await this.browser.pages();
    return page && !page.isClosed() && page.url() === 'about:blank' ? page : undefined;
  }

  private async printOn(page: Page, html: string, options: PDFOptions): Promise<Uint8Array> {
    await page.setContent(html, { waitUntil: 'load', timeout: this.renderTimeout });
    return await page.pdf({ ...options, timeout: this.renderTimeout });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    process.removeListener('exit', this.onExit);
    // Nothing of the browser is kept (its profile is a temporary folder puppeteer deletes
    // once it has exited), so it is stopped rather than asked to shut down, which took
    // 110–290 ms of every PDF build here; close() then finds it gone, deletes the profile
    // and settles. Windows has no process group to stop: there it shuts down.
    if (process.platform !== 'win32') this.kill();
    await this.browser.close().catch(() => this.kill());
    // A wedged renderer can hold the browser's pipe open after the browser itself is gone,
    // and an open pipe keeps this process alive: let go of it.
    for (const stream of this.browser.process()?.stdio ?? []) stream?.destroy();
  }

  /** The browser's process id, while it runs. */
  get pid(): number | undefined {
    return this.browser.process()?.pid;
  }

  /**
   * The browser and its renderers (its process group, as puppeteer starts it outside
   * Windows), at once; also the last resort at process exit: it must never outlive the command.
   */
  private kill(): void {
    const child = this.browser.process();
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(process.platform === 'win32' ? child.pid : -child.pid, 'SIGKILL');
    } catch {
      try {
        child.kill('SIGKILL');
      } catch {
        // already gone
      }
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
      headless: found.shell ? 'shell' : true,
      pipe: true,
      args: [...CHROMIUM_FLAGS, ...(asRoot ? ['--no-sandbox'] : [])],
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
