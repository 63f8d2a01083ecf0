// `watch --serve`: a live-reloading preview of the HTML packets. Bound to 127.0.0.1 only,
// it serves nothing but the out/<audience>.html files, and only regular files inside out/
// (a symbolic link in out/ is not followed; no folder listing, no other files, no paths), answers only requests addressed to itself by name (a DNS-rebinding
// page cannot read it), and reloads pages over Server-Sent Events. The reload script is
// added to the copy it serves, with a nonce in the page's own Content-Security-Policy;
// the HTML files on disk stay script-free.
import { randomBytes } from 'node:crypto';
import { lstat, readdir } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { escapeHtml } from '../render/escape.js';
import { readSafely } from '../util/safe-read.js';

/** Largest packet served; the shipped briefing book is about 100 kB. */
const PAGE_BYTES = 64 * 1024 * 1024;

export const HOST = '127.0.0.1';

export interface PreviewServer {
  url: string;
  port: number;
  /** Tells open pages of these audiences (and the index) to reload. */
  reload(audiences: readonly string[]): void;
  close(): Promise<void>;
}

const PAGE = /^\/([a-z0-9][a-z0-9-]*)\.html$/;

export async function startPreview(opts: { outDir: string; port: number }): Promise<PreviewServer> {
  const nonce = randomBytes(16).toString('base64');
  const clients = new Set<ServerResponse>();
  let port = opts.port;
  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain', 'internal error');
      else res.end();
    });
  });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const hosts = [`${HOST}:${port}`, `localhost:${port}`];
    if (!hosts.includes(req.headers.host ?? '')) return send(res, 403, 'text/plain', 'forbidden');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'method not allowed');
    const path = new URL(req.url ?? '/', `http://${HOST}`).pathname;
    if (path === '/events') return events(res);
    if (path === '/') return send(res, 200, 'text/html; charset=utf-8', withReload(await indexPage(opts.outDir), '', nonce), nonce);
    const name = PAGE.exec(path)?.[1];
    if (name !== undefined) {
      const html = await readPage(opts.outDir, name);
      if (html !== undefined) return send(res, 200, 'text/html; charset=utf-8', withReload(html, name, nonce), nonce);
    }
    return send(res, 404, 'text/plain', 'not found');
  };

  const events = (res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write('retry: 1000\n\n');
    clients.add(res);
    res.on('close', () => clients.delete(res));
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'EADDRINUSE'
          ? new UserError(`port ${opts.port} on ${HOST} is in use`, { hint: 'pick another with --port N (or --port 0 for any free port)' })
          : e,
      ),
    );
    server.listen(opts.port, HOST, () => resolve());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : opts.port;

  return {
    url: `http://${HOST}:${port}/`,
    port,
    reload(audiences) {
      const data = JSON.stringify(audiences);
      for (const res of clients) res.write(`event: reload\ndata: ${data}\n\n`);
    },
    async close() {
      for (const res of clients) res.end();
      clients.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function send(res: ServerResponse, status: number, type: string, body: string, nonce?: string): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'content-security-policy': csp(nonce),
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/** The packets' own policy (html.ts) plus this one script and its connection back here. */
const csp = (nonce?: string) =>
  `default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:${nonce ? `; script-src 'nonce-${nonce}'; connect-src 'self'` : ''}`;

/** The served copy: the page's CSP widened by the nonce, and the reload script before </body>. */
export function withReload(html: string, audience: string, nonce: string): string {
  const script = `<script nonce="${nonce}">new EventSource('/events').addEventListener('reload',function(e){var n=JSON.parse(e.data);if(${JSON.stringify(
    audience,
  )}===''||n.indexOf(${JSON.stringify(audience)})>=0)location.reload()})</script>`;
  const page = html.replace(
    /(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")/i,
    (_, open: string, policy: string, close: string) => `${open}${policy}; script-src 'nonce-${nonce}'; connect-src 'self'${close}`,
  );
  return page.includes('</body>') ? page.replace('</body>', `${script}\n</body>`) : `${page}${script}`;
}

/** out/NAME.html when it is a regular file inside out/ (a link is not followed), else undefined. */
async function readPage(outDir: string, name: string): Promise<string | undefined> {
  const path = join(outDir, `${name}.html`);
  // briefbook writes real files; a link in out/ was put there by something else.
  if ((await lstat(path).catch(() => undefined))?.isSymbolicLink() !== false) return undefined;
  const r = await readSafely(path, { root: outDir, limit: PAGE_BYTES }).catch(() => undefined);
  if (r === undefined || 'refused' in r || 'tooLarge' in r) return undefined;
  return new TextDecoder().decode(r.bytes);
}

async function indexPage(outDir: string): Promise<string> {
  const names = (await readdir(outDir, { withFileTypes: true }).catch(() => []))
    .filter((e) => e.isFile() && PAGE.test(`/${e.name}`))
    .map((e) => e.name)
    .sort()
    .map((f) => f.slice(0, -5));
  const items = names.map((n) => `<li><a href="/${escapeHtml(n)}.html">${escapeHtml(n)}</a></li>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>briefbook preview</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:40rem}</style>
</head>
<body>
<h1>briefbook preview</h1>
${names.length > 0 ? `<ul>\n${items}\n</ul>` : '<p>No HTML packets yet: the first build has not finished, or failed (see the terminal).</p>'}
<p>Pages reload when their packet is rebuilt.</p>
</body>
</html>
`;
}
