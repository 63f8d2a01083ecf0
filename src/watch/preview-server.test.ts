// The preview server serves regular files inside out/ only: a link there (to another
// packet, or to a file outside) is not followed, and the index lists only real packets.
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testdir } from '../../test/helpers/testdir.js';
import { type PreviewServer, startPreview } from './preview-server.js';

let server: PreviewServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('preview server', () => {
  it('serves out/NAME.html when it is a regular file, and nothing through a link', async () => {
    const secret = join(testdir({ 'secret.html': '<p>outside out/</p>' }), 'secret.html');
    const out = testdir({
      'real.html':
        '<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src \'none\'"></head><body>real</body></html>',
    });
    symlinkSync(join(out, 'real.html'), join(out, 'alias.html'));
    symlinkSync(secret, join(out, 'leak.html'));
    writeFileSync(join(out, 'notes.txt'), 'not a packet');
    server = await startPreview({ outDir: out, port: 0 });
    const get = async (path: string) => {
      const res = await fetch(new URL(path, server?.url));
      return { status: res.status, body: await res.text() };
    };
    expect(await get('/real.html')).toMatchObject({ status: 200, body: expect.stringContaining('real') });
    expect((await get('/alias.html')).status).toBe(404);
    expect(await get('/leak.html')).toEqual({ status: 404, body: 'not found' });
    expect((await get('/notes.txt')).status).toBe(404);
    const index = (await get('/')).body;
    expect(index).toContain('href="/real.html"');
    expect(index).not.toMatch(/alias|leak|notes/);
  });
});
