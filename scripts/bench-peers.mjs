// The bench's peers and extra figures, kept out of bench.mjs: the browser briefbook picks
// (for the raw baseline), md-to-pdf installed into a temp folder from the npm registry, the
// stack floor (scripts/stack-floor.mjs) bundled as the CLI is, and watch mode's one-fact
// edit → member memo PDF.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The browser briefbook prints with (find-browser.ts's order on Linux), and whether it is the headless shell. */
export function pickedBrowser() {
  const env = process.env.PUPPETEER_EXECUTABLE_PATH;
  const list = env
    ? [env]
    : ['/usr/lib/chromium/chromium-headless-shell', '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const path = list.find((p) => {
    try {
      accessSync(p, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
  return path && { path, shell: /(^|\/)ch(rome|romium)-headless-shell(\.exe)?$/.test(path) };
}

/**
 * md-to-pdf as its users run it (`md-to-pdf a.md b.md …`, its defaults) with the system's
 * full Chromium, installed once into `dir`. Returns the command, or why it cannot run.
 */
export function mdToPdf(dir, chromium) {
  const bin = join(dir, 'node_modules', '.bin', 'md-to-pdf');
  if (!existsSync(bin)) {
    mkdirSync(dir, { recursive: true });
    if (!existsSync(join(dir, 'package.json'))) writeFileSync(join(dir, 'package.json'), '{"private":true}\n');
    const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', 'md-to-pdf@5'], {
      cwd: dir,
      // Its puppeteer would download a Chrome; users with a system Chromium point it there.
      env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' },
      encoding: 'utf8',
      timeout: 300_000,
    });
    if (r.status !== 0 || !existsSync(bin))
      return { skipped: `md-to-pdf could not be installed (${(r.stderr || r.error?.message || '').trim().split('\n').at(-1)})` };
  }
  const version = JSON.parse(readFileSync(join(dir, 'node_modules', 'md-to-pdf', 'package.json'), 'utf8')).version;
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  // Its only non-default here: the sandbox cannot start as root, as for briefbook.
  const launch = asRoot ? ['--launch-options', JSON.stringify({ args: ['--no-sandbox'] })] : [];
  return { bin, version, launch, env: { PUPPETEER_EXECUTABLE_PATH: chromium } };
}

/**
 * scripts/stack-floor.mjs bundled into `dir` as the CLI is bundled (one CommonJS file for
 * node 20, run without a code cache), its list template precompiled by the same Handlebars.
 * Returns the file, or why it cannot be made.
 */
export async function stackFloor(repo, dir) {
  try {
    const { build } = await import('esbuild');
    const { default: Handlebars } = await import('handlebars');
    const spec = Handlebars.precompile('{{#each items}}- {{statement}}\n{{/each}}');
    const file = join(dir, 'stack-floor.cjs');
    mkdirSync(dir, { recursive: true });
    await build({
      entryPoints: [join(repo, 'scripts', 'stack-floor.mjs')],
      outfile: file,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      logLevel: 'warning',
      define: { 'import.meta.url': '__floor_url' },
      banner: { js: `var __floor_url = require("node:url").pathToFileURL(__filename).href;\nvar __FLOOR_LIST_SPEC__ = ${spec};` },
    });
    return { file };
  } catch (e) {
    return { skipped: `the stack floor could not be bundled (${String(e.message).split('\n')[0]})` };
  }
}

/**
 * Watch mode: `briefbook watch -a member-memo -f pdf` on a project made by `init`; each
 * edit of one fact's statement, timed from the write to watch's "printed member-memo.pdf"
 * line. Returns the wall milliseconds of each edit and watch's own figure.
 */
export async function watchEdits(bin, root, edits, env) {
  execFileSync(process.execPath, [bin, 'init', root, '--no-git'], { env, stdio: 'ignore' });
  const facts = join(root, 'data', 'facts', 'outage.yaml');
  const original = readFileSync(facts, 'utf8');
  const phrase = 'stayed in force for about three days';
  if (!original.includes(phrase)) throw new Error(`watch bench: "${phrase}" is no longer in ${facts}`);
  const child = spawn(process.execPath, [bin, 'watch', '-a', 'member-memo', '-f', 'pdf'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', (d) => {
    out += d;
  });
  const until = (re, from) =>
    new Promise((resolve, reject) => {
      const deadline = setTimeout(() => reject(new Error(`watch bench: no ${re} in 60 s:\n${out.slice(-1000)}`)), 60_000);
      const look = () => {
        const m = re.exec(out.slice(from));
        if (m) {
          clearTimeout(deadline);
          resolve(m);
        } else setTimeout(look, 2);
      };
      look();
    });
  try {
    await until(/^printed member-memo\.pdf/m, 0);
    const runs = [];
    for (let i = 0; i < edits; i++) {
      // Let chokidar settle between edits, as a person typing would.
      await new Promise((r) => setTimeout(r, 400));
      const from = out.length;
      const started = process.hrtime.bigint();
      writeFileSync(facts, original.replace(phrase, `stayed in force for about ${72 + i} hours`));
      const m = await until(/^printed member-memo\.pdf \(\d+ p\.\) in ([\d.]+) (m?s)/m, from);
      runs.push({ wall: Number(process.hrtime.bigint() - started) / 1e6, own: Number(m[1]) * (m[2] === 's' ? 1000 : 1) });
    }
    return runs;
  } finally {
    child.kill('SIGINT');
    await new Promise((r) => child.once('exit', r));
  }
}
