// The PDF renderer is shut off from the network: a page full of ways to reach a server
// (links, stylesheets, imports, fonts, images, frames, preconnect and prefetch hints, a
// refresh) opens no connection to it, by address or by name. Real Chromium: the full
// browser and the headless shell, each that is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countingListener, REAL_BROWSER } from '../../../test/helpers/hardening.js';
import { type BrowserSession, launchBrowser } from './browser.js';

const BROWSERS = [REAL_BROWSER, '/usr/lib/chromium/chromium-headless-shell'].filter((b) => existsSync(b));

describe.each(BROWSERS)('the PDF renderer on %s', (browser) => {
  let listener: Awaited<ReturnType<typeof countingListener>>;
  let port = 0;
  let session: BrowserSession;

  beforeAll(async () => {
    listener = await countingListener();
    port = listener.port;
    session = await launchBrowser({ executable: browser });
  });

  afterAll(async () => {
    await session?.close();
    await listener?.close();
  });

  it('opens no connection of any kind, whatever the page asks for', async () => {
    const at = (host: string, path: string) => `http://${host}:${port}/${path}`;
    const urls = ['127.0.0.1', 'localhost', '[::ffff:127.0.0.1]'].flatMap((h) => [at(h, 'a'), at(h, 'b')]);
    const html = `<!doctype html><html><head>
<link rel="preconnect" href="${urls[0]}"><link rel="dns-prefetch" href="${urls[2]}"><link rel="prefetch" href="${urls[4]}">
<link rel="preload" as="style" href="${urls[1]}"><link rel="stylesheet" href="${urls[3]}">
<style>@import url(${at('127.0.0.1', 'import.css')}); body { background: url(${at('127.0.0.1', 'bg.png')}) }
@font-face { font-family: x; src: url(${at('localhost', 'font.woff')}) } p { font-family: x }</style>
</head><body><p>Text</p><a href="${urls[0]}">a link</a><img src="${at('127.0.0.1', 'i.png')}"><img src="${at('localhost', 'j.png')}">
<iframe src="${at('127.0.0.1', 'frame')}"></iframe><object data="${at('127.0.0.1', 'obj')}"></object><video poster="${at('127.0.0.1', 'p')}"></video>
</body></html>`;
    const pdf = await session.print(html, { format: 'letter' });
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    // A refresh is a navigation: blocked, it may still end the page's context while it
    // loads or prints, which puppeteer reports as an error (or Chromium as a failed print, a
    // race seen once under the whole suite's load). Whatever the print says, nothing connects.
    const refresh = `<!doctype html><html><head><meta http-equiv="refresh" content="0;url=${urls[5]}"></head><body><p>Text</p></body></html>`;
    await session
      .print(refresh, { format: 'letter' })
      .catch((e: Error) => expect(e.message).toMatch(/context was destroyed|navigat|Printing failed/i));
    // Hints and lookups are asynchronous: give any that were started time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(listener.count()).toBe(0);
  });
});

// The first print takes the blank tab the browser opened with (its renderer starts with the
// browser): that tab must be set up like every other, scripts off, before it prints.
describe.each(BROWSERS)('the first tab on %s', (browser) => {
  it('runs no script and prints only the page given', async () => {
    const session = await launchBrowser({ executable: browser });
    const dir = mkdtempSync(join(tmpdir(), 'bb-first-tab-'));
    try {
      const html = `<!doctype html><html><body><p id="p">Printed as written</p>
<script>document.getElementById('p').textContent = 'A script ran'</script></body></html>`;
      const texts: string[] = [];
      for (const n of [1, 2]) {
        const file = join(dir, `${n}.pdf`);
        writeFileSync(file, await session.print(html, { format: 'letter' }));
        texts.push(spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout.trim());
      }
      expect(texts).toEqual(['Printed as written', 'Printed as written']);
    } finally {
      await session.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Command lines of every running process that names `text` (Linux's /proc). */
function processesNaming(text: string): string[] {
  const lines: string[] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'latin1').replaceAll('\0', ' ');
      if (cmdline.includes(text)) lines.push(`${pid}: ${cmdline}`);
    } catch {
      // gone meanwhile
    }
  }
  return lines;
}

// Closing stops the browser rather than asking it to shut down (nothing of it is kept):
// nothing of it may be left running, and its temporary profile is deleted.
describe.each(BROWSERS)('closing %s', (browser) => {
  it.runIf(process.platform === 'linux')('leaves no browser or renderer process, and no profile folder', async () => {
    const session = await launchBrowser({ executable: browser });
    await session.print('<!doctype html><p>x</p>', { format: 'letter' });
    const pid = session.pid as number;
    const profile = /--user-data-dir=(\S+)/.exec(readFileSync(`/proc/${pid}/cmdline`, 'latin1').replaceAll('\0', ' '))?.[1] as string;
    expect(existsSync(profile)).toBe(true);
    expect(processesNaming(profile).length).toBeGreaterThan(0);
    await session.close();
    expect(session.alive).toBe(false);
    expect(existsSync(profile)).toBe(false);
    // Renderers and helpers name the profile too (or die with the group): none is left.
    expect(processesNaming(profile)).toEqual([]);
    expect(existsSync(`/proc/${pid}`)).toBe(false);
  });
});
