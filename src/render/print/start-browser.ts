// The browser takes longer to start than loading and rendering take, so a build starts it
// first and both run at once. Only loading puppeteer (0.1–0.2 s of this thread) comes
// first, so the browser process starts on the other core before the render, not after.
import { type BrowserSession, launchBrowser } from './browser.js';
import { type LaunchOptions, loadPuppeteer } from './find-browser.js';

export interface StartingBrowser {
  /** The session; a failed start is reported here, when the PDFs are due. */
  get(): Promise<BrowserSession>;
  /** Closes it, or stops it while still starting when it was never used. */
  close(): Promise<void>;
}

export async function startBrowser(opts: LaunchOptions): Promise<StartingBrowser> {
  await loadPuppeteer().catch(() => undefined); // not installed: launchBrowser says so, below
  const abort = new AbortController();
  const launching = launchBrowser({ ...opts, signal: abort.signal });
  let started = false;
  launching.then(
    () => {
      started = true;
    },
    () => undefined,
  );
  let used = false;
  return {
    get: () => {
      used = true;
      return launching;
    },
    close: async () => {
      if (!used && !started) {
        // Still starting and never needed: the abort kills the process. The launch may then
        // never settle (on a loaded machine puppeteer can lose the race with the kill), so it
        // is not waited for; were it to finish after all, that browser is closed then.
        abort.abort();
        void launching.then((s) => s.close()).catch(() => undefined);
        return;
      }
      await launching.then((s) => s.close()).catch(() => undefined);
    },
  };
}
