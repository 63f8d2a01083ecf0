// Which browser is tried first: an explicit path alone, else Chromium's headless shell
// before the full browsers, each marked as a shell or not by its file name.
import { describe, expect, it } from 'vitest';
import { candidates, isHeadlessShell } from './find-browser.js';

describe('finding a browser', () => {
  it('tries Debian’s headless shell binary first on Linux, then the full browsers', () => {
    const list = candidates({ env: {} }, 'linux');
    expect(list[0]).toEqual({ path: '/usr/lib/chromium/chromium-headless-shell', from: 'usual location', shell: true });
    expect(list.slice(1).map((c) => c.shell)).not.toContain(true);
    expect(list.map((c) => c.path)).toContain('/usr/bin/chromium');
  });

  it('takes an explicit path alone, and knows a headless shell by its name', () => {
    expect(candidates({ executable: '/opt/chrome-headless-shell-linux64/chrome-headless-shell', env: {} }, 'linux')).toEqual([
      { path: '/opt/chrome-headless-shell-linux64/chrome-headless-shell', from: '--browser', shell: true },
    ]);
    expect(candidates({ env: { PUPPETEER_EXECUTABLE_PATH: '/usr/bin/chromium' } }, 'linux')).toEqual([
      { path: '/usr/bin/chromium', from: 'PUPPETEER_EXECUTABLE_PATH', shell: false },
    ]);
  });

  it.each([
    ['/usr/lib/chromium/chromium-headless-shell', true],
    ['C:\\chrome-headless-shell\\chrome-headless-shell.exe', true],
    ['/usr/bin/chromium', false],
    ['/usr/bin/google-chrome', false],
    ['/tmp/chromium-headless-shell-wrapper', false],
  ])('%s is a headless shell: %s', (path, shell) => {
    expect(isHeadlessShell(path)).toBe(shell);
  });
});
