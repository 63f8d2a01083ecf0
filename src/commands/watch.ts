// `briefbook watch`: rebuild the packets an edit affects, as the user saves.
//
// Changes are collected for a few milliseconds, then one pass runs (never two at once):
// a fact edit reloads and validates the fact base, compares it with the last one, and
// rebuilds only the audiences whose last render read something that changed
// (render/reads.ts, watch/affected.ts); an audience file edit rebuilds that audience; a
// partial or stylesheet edit rebuilds them all. Each audience is built on its own so a
// broken one does not hold back the rest, Markdown and HTML first (the fast feedback),
// then PDFs on one browser launched on first need and kept open until watch stops. A bad
// edit is reported and watching goes on; the last good outputs stay on disk.
import { performance } from 'node:perf_hooks';
import type { FSWatcher } from 'chokidar';
import { UserError } from '../errors.js';
import type { FactBase } from '../facts/factbase.js';
import { loadValid } from '../facts/load.js';
import { audienceNames } from '../render/audiences.js';
import type { BrowserSession } from '../render/browser.js';
import type { Reads } from '../render/reads.js';
import { buildStamp } from '../render/stamp.js';
import { affects, compareFactBases, type FactBaseChange, isEmpty } from '../watch/affected.js';
import { classify } from '../watch/classify.js';
import type { PreviewServer } from '../watch/preview-server.js';
import { type BuildOptions, build, FORMATS, type Format, type Written } from './build.js';

export interface WatchOptions extends Pick<BuildOptions, 'project' | 'audiences' | 'formats' | 'outDir' | 'browser' | 'timeout'> {
  /** Serve the HTML packets with live reload on 127.0.0.1:port (0: any free port). */
  serve?: { port: number };
  /** Milliseconds to wait for more changes before rebuilding. */
  debounce?: number;
  onEvent: (event: WatchEvent) => void;
}

export type WatchEvent =
  | { type: 'watching'; paths: string[]; url?: string }
  /** Markdown/HTML written; `ms` from the first change seen (or the start) to the last file written. */
  | { type: 'built'; initial: boolean; trigger: string[]; written: Written[]; ms: number }
  | { type: 'printed'; written: Written[]; ms: number }
  /** The change could not alter any packet being built. */
  | { type: 'unaffected'; trigger: string[] }
  | { type: 'failed'; trigger: string[]; error: unknown }
  | { type: 'browser'; executable: string; ms: number };

export interface Watcher {
  url?: string;
  /** Stops watching, closes the preview server and the browser. */
  close(): Promise<void>;
}

interface Batch {
  /** performance.now() of the first change in the batch. */
  since: number;
  initial: boolean;
  paths: Set<string>;
  data: boolean;
  shared: boolean;
  audiences: Set<string>;
}

export async function watch(opts: WatchOptions): Promise<Watcher> {
  const { project, onEvent: emit } = opts;
  const formats: readonly Format[] = opts.formats && opts.formats.length > 0 ? [...new Set(opts.formats)] : FORMATS;
  const wanted = [...new Set(opts.audiences ?? [])];
  const debounce = opts.debounce ?? 40;

  let factBase: FactBase | undefined;
  const reads = new Map<string, Reads>();
  const failing = new Set<string>();
  let session: BrowserSession | undefined;
  let browserProblem: unknown;
  let closed = false;

  const getSession = async (): Promise<BrowserSession> => {
    if (closed) throw new UserError('watch is stopping');
    if (session?.alive) return session;
    const { launchBrowser } = await import('../render/browser.js');
    const t0 = performance.now();
    try {
      session = await launchBrowser({
        executable: opts.browser,
        launchTimeout: opts.timeout,
        renderTimeout: opts.timeout,
        handleSignals: false,
      });
    } catch (e) {
      browserProblem = e;
      throw e;
    }
    emit({ type: 'browser', executable: session.executable.path, ms: performance.now() - t0 });
    return session;
  };

  const shared = { project, outDir: opts.outDir, reads };

  async function pass(batch: Batch): Promise<void> {
    const trigger = [...batch.paths].sort();
    const fail = (error: unknown) => emit({ type: 'failed', trigger, error });

    let change: FactBaseChange | 'all' | undefined;
    if (batch.data || !factBase) {
      try {
        const next = await loadValid(project);
        change = factBase ? compareFactBases(factBase, next) : 'all';
        factBase = next;
      } catch (e) {
        return fail(e);
      }
    }
    let names: string[];
    try {
      names = await selectedAudiences();
    } catch (e) {
      return fail(e);
    }
    for (const n of [...reads.keys()]) if (!names.includes(n)) reads.delete(n);
    const targets = names.filter(
      (n) =>
        batch.initial ||
        batch.shared ||
        change === 'all' ||
        batch.audiences.has(n) ||
        failing.has(n) ||
        !reads.has(n) ||
        (change !== undefined && !isEmpty(change) && affects(reads.get(n)!, change)),
    );
    if (targets.length === 0) return emit({ type: 'unaffected', trigger });

    const stamp = await buildStamp(project);
    const base = { ...shared, factBase, stamp };
    const text = formats.filter((f) => f !== 'pdf');
    const good: string[] = [];
    const written: Written[] = [];
    for (const name of targets) {
      if (text.length === 0) {
        good.push(name);
        continue;
      }
      try {
        written.push(...(await build({ ...base, audiences: [name], formats: text })));
        good.push(name);
        failing.delete(name);
      } catch (e) {
        failing.add(name);
        reads.delete(name);
        fail(e);
      }
    }
    if (written.length > 0) {
      emit({ type: 'built', initial: batch.initial, trigger, written, ms: performance.now() - batch.since });
      server?.reload(good);
    }

    if (!formats.includes('pdf') || good.length === 0 || browserProblem !== undefined || closed) return;
    const t0 = performance.now();
    const printed: Written[] = [];
    for (const name of good) {
      try {
        printed.push(...(await build({ ...base, audiences: [name], formats: ['pdf'], session: getSession, timeout: opts.timeout })));
        failing.delete(name);
      } catch (e) {
        if (closed) return;
        failing.add(name);
        // getSession() may have just failed; TS cannot see that through the closure.
        const problem = browserProblem as unknown;
        if (problem === undefined) {
          fail(e);
          continue;
        }
        const cause = problem instanceof UserError ? problem : undefined;
        return fail(
          new UserError(cause?.message ?? String(problem), {
            hint: `${cause?.hint ? `${cause.hint}\n  ` : ''}PDFs are off until watch restarts; Markdown and HTML go on being rebuilt`,
            diagnostics: cause?.diagnostics,
            cause: problem,
          }),
        );
      }
    }
    if (printed.length > 0) emit({ type: 'printed', written: printed, ms: performance.now() - t0 });
  }

  async function selectedAudiences(): Promise<string[]> {
    const known = await audienceNames(project);
    if (wanted.length === 0) return known;
    const unknown = wanted.filter((n) => !known.includes(n));
    if (unknown.length > 0) {
      throw new UserError(`unknown audience${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `"${n}"`).join(', ')}`, {
        hint: `known audiences: ${known.join(', ') || '(none)'}; watching goes on, and picks it up once the file exists`,
      });
    }
    return wanted;
  }

  // One pass at a time; changes arriving meanwhile wait for the next.
  let pending: Batch | undefined;
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const schedule = () => {
    if (running || closed || !pending) return;
    clearTimeout(timer);
    timer = setTimeout(runPending, debounce);
  };
  const runPending = () => {
    const batch = pending;
    pending = undefined;
    if (!batch || closed) return;
    running = pass(batch)
      .catch((error) => emit({ type: 'failed', trigger: [...batch.paths], error }))
      .finally(() => {
        running = undefined;
        schedule();
      });
  };
  const changed = (path: string, folder: boolean) => {
    const touched = classify(project, path, folder);
    if (touched.kind === 'ignored') return;
    pending ??= { since: performance.now(), initial: false, paths: new Set(), data: false, shared: false, audiences: new Set() };
    pending.paths.add(path);
    if (touched.kind === 'data') pending.data = true;
    else if (touched.kind === 'shared') pending.shared = true;
    else pending.audiences.add(touched.name);
    schedule();
  };

  let server: PreviewServer | undefined;
  if (opts.serve) {
    const { startPreview } = await import('../watch/preview-server.js');
    server = await startPreview({ outDir: opts.outDir ?? project.outDir, port: opts.serve.port });
  }
  let fsw: FSWatcher;
  try {
    const chokidar = await import('chokidar');
    fsw = chokidar.watch([project.dataDir, project.templatesDir], { ignoreInitial: true });
    fsw.on('all', (event, path) => {
      if (event === 'add' || event === 'change' || event === 'unlink' || event === 'unlinkDir') changed(path, event === 'unlinkDir');
    });
    fsw.on('error', (error) => emit({ type: 'failed', trigger: [], error }));
    await new Promise<void>((resolve) => fsw.once('ready', () => resolve()));
  } catch (e) {
    await server?.close();
    throw e;
  }
  emit({ type: 'watching', paths: [project.dataDir, project.templatesDir], url: server?.url });

  // The first build; edits made while it runs are queued behind it.
  pending = { since: performance.now(), initial: true, paths: new Set(), data: true, shared: true, audiences: new Set() };
  runPending();

  return {
    url: server?.url,
    async close() {
      if (closed) return;
      closed = true;
      clearTimeout(timer);
      await fsw.close();
      await server?.close();
      // Closing the browser first makes a PDF in progress fail at once instead of finishing.
      await session?.close();
      await running?.catch(() => undefined);
      await session?.close();
    },
  };
}
