// A PDF build makes no DNS lookup and opens no connection: not to the links in fact text
// or templates, not for Chromium's own services. The build runs under strace, which sees
// every connect() and every datagram sent by briefbook and the browser, and a listener on
// 127.0.0.1 counts connection attempts.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureProject } from '../fixtures/render.js';
import { start } from '../helpers/cli.js';
import { countingListener, hasBrowser } from '../helpers/hardening.js';
import { testdir } from '../helpers/testdir.js';

const hasStrace = spawnSync('strace', ['-V']).status === 0;

describe.skipIf(!hasBrowser || !hasStrace)('network: the PDF build', () => {
  let listener: Awaited<ReturnType<typeof countingListener>>;
  let port = 0;

  beforeAll(async () => {
    listener = await countingListener();
    port = listener.port;
  });
  afterAll(() => listener?.close());

  function project(): string {
    const files = fixtureProject();
    const link = (host: string) => `http://${host}:${port}/from-a-fact`;
    files['data/facts.yaml'] += `  - id: pub.linked
    statement: ${JSON.stringify(`Read more at ${link('127.0.0.1')} or ${link('localhost')}.`)}
    status: reported
    sensitivity: public
    tags: [key]
    links: [{ title: Local, url: "${link('127.0.0.1')}" }, { title: By name, url: "${link('localhost')}" }]
    sources: [{ source: s.one }, { source: s.two }]
`;
    files['templates/audiences/press.md'] += `\n[A link](http://127.0.0.1:${port}/from-a-template) {{links "pub.linked"}}\n`;
    return testdir(files);
  }

  it('refuses a stylesheet that would fetch, at its line', async () => {
    const root = project();
    const css = join(root, 'templates/styles/briefbook.css');
    writeFileSync(css, `${readFileSync(css, 'utf8')}\n@import url(http://127.0.0.1:${port}/sheet.css);\n`);
    const lines = readFileSync(css, 'utf8').split('\n').length - 1;
    const r = await start(['build', '-a', 'press', '-f', 'pdf'], { cwd: root }).done;
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`templates/styles/briefbook.css:${lines}:1: error: stylesheet: @import would fetch another stylesheet`);
    expect(listener.count()).toBe(0);
  });

  it('looks up no name and connects nowhere, for the page or for Chromium itself', async () => {
    const root = project();
    const log = join(root, 'strace.log');
    const cli = start(['build', '-f', 'pdf', '--timeout', '120'], {
      cwd: root,
      prefix: ['strace', '-f', '-qq', '-e', 'trace=connect,sendto,sendmsg,sendmmsg', '-o', log],
    });
    const r = await cli.done;
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(existsSync(join(root, 'out/press.pdf'))).toBe(true);
    const calls = readFileSync(log, 'utf8').split('\n');
    const inet = calls.filter((l) => /sa_family=AF_INET6?\b/.test(l));
    // No DNS query, to a resolver or anything else on port 53.
    expect(inet.filter((l) => l.includes('htons(53)'))).toEqual([]);
    // Nothing sent to any address, and no stream connection to any address.
    expect(inet.filter((l) => /^\d+\s+send/.test(l))).toEqual([]);
    expect(inet.filter((l) => l.includes(`htons(${port})`))).toEqual([]);
    // What is left is Chromium asking the kernel which route an IPv6 address would take (a
    // datagram socket's connect(), which sends nothing); anything else fails the test.
    expect(inet.filter((l) => !/connect\(\d+, \{sa_family=AF_INET6, sin6_port=htons\(443\).*"2001:4860:4860::8888"/.test(l))).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(listener.count()).toBe(0);
    // strace slows Chromium several times over; a loaded machine needs more than the default minute.
  }, 180_000);
});
