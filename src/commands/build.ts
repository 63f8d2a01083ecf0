// `briefbook build`: every audience's packet as Markdown, HTML and PDF.
//
// load → validate → per audience: select what it may see → Handlebars → Markdown →
// HTML → leak check, all in memory; only when every packet rendered are files written
// (atomically). PDFs come last, from one browser, two pages at a time; if the browser
// cannot start, the Markdown and HTML are already written and the error says so.
import { join, relative } from 'node:path';
import { type Diagnostic, UserError } from '../errors.js';
import type { FactBase } from '../facts/factbase.js';
import { loadValid } from '../facts/load.js';
import type { Project } from '../project.js';
import { type Audience, loadAudiences } from '../render/audiences.js';
import type { BrowserSession } from '../render/browser.js';
import type { Changes, ChangesProvider } from '../render/changes.js';
import { FORMATS, type Format } from '../render/formats.js';
import { fillContents, htmlPage, loadStyles } from '../render/html.js';
import { checkNoLeak } from '../render/leak-guard.js';
import { headingsOf, markdownToHtml } from '../render/markdown.js';
import { loadPartials } from '../render/partials.js';
import { Reads } from '../render/reads.js';
import { type BuildStamp, buildStamp } from '../render/stamp.js';
import { renderMarkdown } from '../render/template.js';
import { writeAtomic } from '../util/write-atomic.js';

export { FORMATS, type Format };

export interface BuildOptions {
  project: Project;
  /** Audience names; all when empty. */
  audiences?: readonly string[];
  /** Formats; all when empty. */
  formats?: readonly Format[];
  /** Output folder; the project's `out` by default. */
  outDir?: string;
  /** Browser executable (--browser). */
  browser?: string;
  /** Milliseconds for the browser to start, and for each page to render. */
  timeout?: number;
  /** Supplies the "Changes since" section per audience; see render/changes.ts. */
  changes?: ChangesProvider;
  /** A git revision: supply the "Changes since" section from it (ignored when `changes` is given). */
  since?: string;
  /** Fixed build stamp (tests); otherwise read from git. */
  stamp?: BuildStamp;
  /** An already loaded, valid fact base (`watch`); otherwise loaded from the project. */
  factBase?: FactBase;
  /** Supplies the browser for PDFs and keeps it open afterwards (`watch`); otherwise one is launched and closed. */
  session?: () => Promise<BrowserSession>;
  /** Filled with what each audience's render read from the fact base (`watch`; see render/reads.ts). */
  reads?: Map<string, Reads>;
  env?: NodeJS.ProcessEnv;
  onProgress?: (event: Written) => void;
}

export interface Written {
  audience: string;
  format: Format;
  /** Absolute path. */
  path: string;
  bytes: number;
  pages?: number;
}

/** A build that failed part-way: what was written before the failure, for --json. */
export class BuildFailed extends UserError {
  constructor(
    readonly written: Written[],
    cause: UserError,
  ) {
    const note = written.some((w) => w.format !== 'pdf') ? 'the Markdown and HTML packets were written; only PDFs are missing' : '';
    super(cause.message, { hint: [cause.hint, note].filter(Boolean).join('\n  '), diagnostics: cause.diagnostics, cause });
  }
}

interface Packet {
  audience: Audience;
  markdown: string;
  body: string;
  css: string;
  hasContents: boolean;
}

export async function build(opts: BuildOptions): Promise<Written[]> {
  const { project } = opts;
  const formats: readonly Format[] = opts.formats && opts.formats.length > 0 ? [...new Set(opts.formats)] : FORMATS;
  const outDir = opts.outDir ?? project.outDir;
  if (formats.includes('pdf') && !opts.session) {
    const early = await startBrowser(opts);
    try {
      return await build({ ...opts, session: early.get });
    } finally {
      await early.close();
    }
  }
  // First, so that a bad revision stops the build before anything else is read or written.
  const since =
    opts.since !== undefined && !opts.changes ? await (await import('./since.js')).prepareSince(project, opts.since) : undefined;
  const factBase = opts.factBase ?? (await loadValid(project));
  const changesFor = opts.changes ?? since?.(factBase);
  const audiences = await loadAudiences(project, opts.audiences ?? []);
  const partials = await loadPartials(project);
  const stamp = opts.stamp ?? (await buildStamp(project, opts.env));

  const packets: Packet[] = [];
  const failures: UserError[] = [];
  for (const audience of audiences) {
    try {
      const changes: Changes | undefined = changesFor ? await changesFor(audience.front.sensitivity) : undefined;
      const reads = opts.reads ? new Reads() : undefined;
      const fb = reads ? reads.track(factBase) : factBase;
      const { markdown } = renderMarkdown({ audience, factBase: fb, partials, stamp, changes });
      const body = markdownToHtml(markdown);
      const css = await loadStyles(project, audience);
      checkNoLeak(audience, fb, { markdown, html: body });
      if (reads) opts.reads?.set(audience.name, reads);
      packets.push({ audience, markdown, body, css, hasContents: body.includes('<nav class="contents">') });
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      failures.push(e);
    }
  }
  if (failures.length > 0) throw combine(failures, 'nothing was written');

  const written: Written[] = [];
  const write = async (audience: string, format: Format, data: string | Uint8Array, pages?: number) => {
    const path = join(outDir, `${audience}.${format}`);
    await writeAtomic(path, data);
    const w: Written = { audience, format, path, bytes: Buffer.byteLength(data), ...(pages !== undefined ? { pages } : {}) };
    written.push(w);
    opts.onProgress?.(w);
  };
  for (const p of packets) {
    if (formats.includes('md')) await write(p.audience.name, 'md', p.markdown);
    if (formats.includes('html'))
      await write(p.audience.name, 'html', htmlPage({ audience: p.audience, body: fillContents(p.body), css: p.css }));
  }
  if (formats.includes('pdf')) {
    try {
      await buildPdfs(packets, stamp, opts, write);
    } catch (e) {
      if (e instanceof UserError) throw new BuildFailed(written, e);
      throw e;
    }
  }
  return written;
}

async function buildPdfs(
  packets: Packet[],
  stamp: BuildStamp,
  opts: BuildOptions,
  write: (audience: string, format: Format, data: Uint8Array, pages: number) => Promise<void>,
): Promise<void> {
  const { launchBrowser } = await import('../render/browser.js');
  const { renderPdf } = await import('../render/pdf.js');
  let session: BrowserSession | undefined;
  const failures: UserError[] = [];
  try {
    session = opts.session
      ? await opts.session()
      : await launchBrowser({ executable: opts.browser, env: opts.env, launchTimeout: opts.timeout, renderTimeout: opts.timeout });
    const s = session;
    await inPairs(packets, async (p) => {
      try {
        const result = await renderPdf(s, {
          audience: p.audience,
          stamp,
          hasContents: p.hasContents,
          headings: headingsOf(p.markdown).map((h) => h.plain),
          html: (pages) => htmlPage({ audience: p.audience, body: fillContents(p.body, pages), css: p.css }),
        });
        await write(p.audience.name, 'pdf', result.bytes, result.pages);
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
        failures.push(e);
      }
    });
  } finally {
    if (!opts.session) await session?.close();
  }
  if (failures.length > 0) throw combine(failures, 'other files were written');
}

/**
 * Starts the browser without waiting for it: it takes longer to start than loading and
 * rendering take, so both run at once. Only loading puppeteer (0.1–0.2 s of this thread)
 * comes first, so the browser process starts on the other core before the render, not
 * after it. A failed start is reported by `get`, when the PDFs are due (after the
 * Markdown and HTML are written), as before.
 */
async function startBrowser(opts: BuildOptions): Promise<{ get: () => Promise<BrowserSession>; close: () => Promise<void> }> {
  const { launchBrowser, loadPuppeteer } = await import('../render/browser.js');
  await loadPuppeteer().catch(() => undefined); // not installed: launchBrowser says so, below
  const abort = new AbortController();
  const launching = launchBrowser({
    executable: opts.browser,
    env: opts.env,
    launchTimeout: opts.timeout,
    renderTimeout: opts.timeout,
    signal: abort.signal,
  });
  launching.catch(() => undefined);
  let used = false;
  return {
    get: () => {
      used = true;
      return launching;
    },
    // Unused (the build failed before the PDFs): stop it even if it is still starting.
    close: async () => {
      if (!used) abort.abort();
      await launching.then((s) => s.close()).catch(() => undefined);
    },
  };
}

/** Runs `task` over `items` with at most two in flight: one browser, two pages at a time. */
async function inPairs<T>(items: readonly T[], task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await task(item);
    }
  };
  await Promise.all([worker(), worker()]);
}

function combine(errors: UserError[], what: string): UserError {
  const [only] = errors;
  if (errors.length === 1 && only) return only;
  const diagnostics: Diagnostic[] = errors.flatMap((e) =>
    e.diagnostics.length > 0 ? e.diagnostics : [{ file: 'build', line: 0, column: 0, path: '', message: e.message, hint: e.hint }],
  );
  return new UserError(`${errors.length} packets failed; ${what}`, { diagnostics });
}

/** A path as the user should see it: relative to `cwd` when inside it. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}
