// `briefbook watch`: rebuild the packets an edit affects, as the user saves.
//
// Changes are collected for a few milliseconds, then one pass runs (never two at once;
// watch/rebuild.ts): a fact edit reloads and validates the fact base and rebuilds only
// the packets whose last render read something that changed; an audience file edit
// rebuilds that audience; a partial or stylesheet edit rebuilds them all. A bad edit is
// reported and watching goes on; the last good outputs stay on disk.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import type { FSWatcher } from 'chokidar';
import { formatsFor } from '../render/formats.js';
import { classify } from '../watch/classify.js';
import type { PreviewServer } from '../watch/preview-server.js';
import { type Batch, Rebuilder, type WatchEvent } from '../watch/rebuild.js';
import type { BuildOptions } from './build.js';

export type { WatchEvent };

/** The same targets as a build: which packets, where, with which browser. */
export interface WatchOptions extends Pick<BuildOptions, 'project' | 'audiences' | 'formats' | 'outDir' | 'browser' | 'timeout'> {
  /** Serve the HTML packets with live reload on 127.0.0.1:port (0: any free port). */
  serve?: { port: number };
  /** Milliseconds to wait for more changes before rebuilding. */
  debounce?: number;
  onEvent: (event: WatchEvent) => void;
}

export interface Watcher {
  url?: string;
  /** Stops watching, closes the preview server and the browser. */
  close(): Promise<void>;
}

export async function watch(opts: WatchOptions): Promise<Watcher> {
  const { project, onEvent: emit } = opts;
  const outDir = opts.outDir ?? project.outDir;
  const debounce = opts.debounce ?? 40;
  let server: PreviewServer | undefined;
  const rebuilder = new Rebuilder({
    project,
    wanted: [...new Set(opts.audiences ?? [])],
    formats: formatsFor(project, opts.formats),
    outDir,
    emit,
    reloaded: (names) => server?.reload(names),
    launch: async () => {
      const { launchBrowser } = await import('../render/print/browser.js');
      return launchBrowser({ executable: opts.browser, launchTimeout: opts.timeout, renderTimeout: opts.timeout, handleSignals: false });
    },
  });

  // One pass at a time; changes arriving meanwhile wait for the next.
  let pending: Batch | undefined;
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    if (running || rebuilder.closed || !pending) return;
    clearTimeout(timer);
    timer = setTimeout(runPending, debounce);
  };
  const runPending = () => {
    const batch = pending;
    pending = undefined;
    if (!batch || rebuilder.closed) return;
    running = rebuilder
      .pass(batch)
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

  if (opts.serve) {
    const { startPreview } = await import('../watch/preview-server.js');
    server = await startPreview({ outDir, port: opts.serve.port });
  }
  let fsw: FSWatcher;
  try {
    // Through require, not import(): the CLI runs as one CommonJS script under V8's code
    // cache (bin/briefbook.js), where import() would need node's experimental loader hook.
    const chokidar = createRequire(import.meta.url)('chokidar') as typeof import('chokidar');
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
      if (rebuilder.closed) return;
      clearTimeout(timer);
      await fsw.close();
      await server?.close();
      // Closing the browser first makes a PDF in progress fail at once instead of finishing.
      await rebuilder.close();
      await running?.catch(() => undefined);
      await rebuilder.close();
    },
  };
}
