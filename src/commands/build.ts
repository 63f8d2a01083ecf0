// `briefbook build`: every audience's packet as Markdown, HTML, PDF and (asked for) Word.
//
// load → validate → select the audiences → then one packet at a time: render it (in
// memory), stage its Markdown, HTML and Word files as temp files, and hand its PDF job to
// the print queue, which prints on one browser while the next packet renders → each packet
// whose every format is staged is put in place, all its files together. A packet that fails
// (in its template, its leak check, its page limit, its PDF) keeps its previous files in
// every format; the others are written, and the build fails listing what failed.
// `allOrNothing` writes nothing unless every packet builds.

import { readSince } from '../diff/since.js';
import { type Diagnostic, UserError } from '../errors.js';
import { loadValidFiles } from '../facts/load.js';
import { buildStamp } from '../facts/stamp.js';
import type { Project } from '../project.js';
import { DEFAULT_FORMATS, FORMATS, type Format, formatsFor } from '../render/formats.js';
import { PacketFiles, type Written } from '../render/output.js';
import { type Packet, type PacketContext, packetHtml, pdfJob, renderPacket } from '../render/packet.js';
import { packetCache } from '../render/packet-cache.js';
import type { PdfJob } from '../render/print/pdf.js';
import type { PrintQueue } from '../render/print/print-queue.js';
import type { StartingBrowser } from '../render/print/start-browser.js';
import { changesFor } from '../render/template/changes-view.js';
import { revisionsFor } from '../render/template/revisions.js';
import { type Audience, loadAudiences } from '../render/template-files/audiences.js';
import { loadPartials } from '../render/template-files/partials.js';
import { allTemplateProblems } from '../render/template-problems.js';

export { DEFAULT_FORMATS, FORMATS, type Format, type Written };

export interface BuildOptions {
  project: Project;
  /** Audience names; all when empty. */
  audiences?: readonly string[];
  /** Formats; when empty, the project's `formats`, else DEFAULT_FORMATS. */
  formats?: readonly Format[];
  /** Output folder; the project's `out` by default. */
  outDir?: string;
  /** Browser executable (--browser). */
  browser?: string;
  /** Milliseconds for the browser to start, and for each page to render. */
  timeout?: number;
  /**
   * A git revision: add "Changes since REV" where a template includes the changes partial,
   * and mark the facts that changed as tracked changes in the Word files.
   */
  since?: string;
  /** YYYY-MM-DD: the packets' "Facts as of" date (default: `asOf` in briefbook.yaml, else the build stamp's date). */
  asOf?: string;
  /** Write no packet unless every one builds (by default each packet that builds is written). */
  allOrNothing?: boolean;
  onProgress?: (event: Written) => void;
}

/** A build in which some packets failed: what was written (the other packets), for --json. */
export class BuildFailed extends UserError {
  constructor(
    readonly written: Written[],
    readonly failed: string[],
    cause: UserError,
  ) {
    const kept = 'a packet that failed keeps its previous files, in every format';
    // In name order, not the order their PDFs happened to finish in.
    const wrote = [...new Set(written.map((w) => w.audience))].sort();
    const others = wrote.length ? `written: ${wrote.join(', ')}` : 'no packet was written';
    const what = failed.length === 1 ? `packet ${failed[0]} failed` : `${failed.length} packets failed: ${failed.join(', ')}`;
    super(`${what}; ${others}`, {
      // Located problems print their own hints below.
      hint: [...(cause.diagnostics.length === 0 ? [cause.message, cause.hint] : []), kept].filter(Boolean).join('\n  '),
      diagnostics: cause.diagnostics,
      cause,
    });
  }
}

export async function build(opts: BuildOptions): Promise<Written[]> {
  const { project } = opts;
  const formats = formatsFor(project, opts.formats);
  const browser = formats.includes('pdf') ? await startBrowser(opts) : undefined;
  const sets = new Map<Audience, PacketFiles>();
  let printer: PrintQueue | undefined;
  try {
    // First, so that a bad revision stops the build before anything else is read or written.
    const since = opts.since !== undefined ? await readSince(project, opts.since) : undefined;
    // Read side by side (git answers the stamp while the facts parse); a problem is reported
    // in this order, the fact base's first.
    const reading = [
      loadValidFiles(project),
      loadAudiences(project, opts.audiences ?? []),
      loadPartials(project),
      buildStamp(project),
    ] as const;
    const settled = await Promise.allSettled(reading);
    const facts = await reading[0];
    if (settled.some((r) => r.status === 'rejected')) facts.factBase(); // its problems first
    const audiences = await reading[1];
    const ctx: PacketContext = {
      project,
      // Made and checked on first use: below, before any packet renders.
      get factBase() {
        return facts.factBase();
      },
      partials: await reading[2],
      stamp: await reading[3],
      changes: since && changesFor(since, facts.factBase()),
      // Marks cost a little per fact printed; only Word shows them.
      revisions: since && formats.includes('docx') ? revisionsFor(since, facts.factBase()) : undefined,
      asOf: opts.asOf,
      html: formats.includes('html') || formats.includes('pdf'),
      // A build never shows the render's warnings (validate does).
      warnings: false,
    };
    const outDir = opts.outDir ?? project.outDir;
    const failures: UserError[] = [];
    const written: Written[] = [];
    const complete = (a: Audience) => formats.every((f) => sets.get(a)?.has(f));
    let holding = opts.allOrNothing === true;
    // A packet goes in place as soon as every format is staged; all-or-nothing holds them to the end.
    const place = async (a: Audience) => {
      if (holding || !complete(a)) return;
      for (const w of await (sets.get(a) as PacketFiles).place()) {
        written.push(w);
        opts.onProgress?.(w);
      }
    };
    // Without Word output, a packet whose inputs are all unchanged is taken from the last
    // build. When every one is, the fact base is not even made (a kept packet was made from
    // these very files, valid); otherwise it is made and checked here, its errors the build's.
    const kept = await packetCache(ctx, formats, facts.digest);
    const keptPackets = new Map(audiences.map((a) => [a, kept?.get(a)]));
    if (audiences.some((a) => !keptPackets.get(a))) facts.factBase();
    const jobs = new Map<PdfJob, Audience>();
    printer = browser && (await printQueue(browser, jobs, sets, place));
    // The loop's packets go in place in order, each once its files are on disk, while the
    // next renders (a file's sync waits for the disk: util/write-atomic.ts). The first
    // failure stops the loop and is the build's error.
    let placed: Promise<void> = Promise.resolve();
    let placeError: { error: unknown } | undefined;
    const placeNext = (a: Audience) => {
      placed = placed
        .then(() => (placeError ? undefined : place(a)))
        .catch((error) => {
          placeError ??= { error };
        });
    };
    // One packet at a time, each staged and handed to the printer as soon as it is rendered:
    // only the packets waiting for the printer are in memory, and the browser prints one
    // packet while node renders the next.
    for (const audience of audiences) {
      if (placeError) break;
      const fromCache = keptPackets.get(audience);
      const packet = fromCache ?? (await renderOne(audience, ctx, failures));
      if (!packet || (holding && failures.length > 0)) continue;
      if (!fromCache) kept?.set(packet);
      const files = new PacketFiles(outDir, audience.name);
      sets.set(audience, files);
      if (formats.includes('md')) files.stage('md', packet.markdown);
      if (formats.includes('html')) files.stage('html', packetHtml(packet));
      if (formats.includes('docx')) await stageWord(packet, files, failures);
      if (printer) {
        const job = pdfJob(packet);
        jobs.set(job, audience);
        printer.add(job);
        await printer.room();
      }
      placeNext(audience);
    }
    await placed;
    if (placeError) throw placeError.error;
    if (holding && failures.length > 0) throw combine(failures, 'nothing was written');
    if (printer) failures.push(...(await printer.finish()));
    const failed = audiences.filter((a) => !complete(a)).map((a) => a.name);
    if (failed.length > 0 && holding) throw combine(failures, 'nothing was written');
    if (failed.length > 0) throw new BuildFailed(written, failed, combine(failures, `${failed.length} packets failed`));
    holding = false;
    for (const a of audiences) await place(a);
    return written;
  } finally {
    await printer?.stop();
    await Promise.all([...sets.values()].map((f) => f.discard()));
    await browser?.close();
  }
}

/** The packet, or undefined with its error (every problem of its templates at once) added to `failures`. */
async function renderOne(audience: Audience, ctx: PacketContext, failures: UserError[]): Promise<Packet | undefined> {
  try {
    return await renderPacket(audience, ctx);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    failures.push(await allTemplateProblems(audience, ctx, e));
    return undefined;
  }
}

/** Stages the packet's Word file (the docx library is loaded only for this); one that fails joins `failures`. */
async function stageWord(packet: Packet, files: PacketFiles, failures: UserError[]): Promise<void> {
  const { packetDocx } = await import('../render/docx/write-docx.js');
  try {
    files.stage('docx', await packetDocx(packet));
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    failures.push(e);
  }
}

/** The print stage, staging each PDF with its packet's other files and putting the packet in place. */
async function printQueue(
  browser: StartingBrowser,
  jobs: Map<PdfJob, Audience>,
  sets: ReadonlyMap<Audience, PacketFiles>,
  place: (a: Audience) => Promise<void>,
): Promise<PrintQueue> {
  const { PrintQueue } = await import('../render/print/print-queue.js');
  const session = async () => {
    try {
      return await browser.get();
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      // No browser: every packet's PDF fails, and the packet keeps its previous files.
      throw new UserError(e.message, { hint: `${e.hint}\n  or build without PDFs: -f md -f html`, diagnostics: e.diagnostics, cause: e });
    }
  };
  return new PrintQueue(session, async (job, result) => {
    const audience = jobs.get(job) as Audience;
    jobs.delete(job); // the job holds its packet: let it go
    sets.get(audience)?.stage('pdf', result.bytes, result.pages);
    await place(audience);
  });
}

async function startBrowser(opts: BuildOptions): Promise<StartingBrowser> {
  const { startBrowser } = await import('../render/print/start-browser.js');
  return startBrowser({ executable: opts.browser, launchTimeout: opts.timeout, renderTimeout: opts.timeout });
}

function combine(errors: UserError[], what: string): UserError {
  const [only] = errors;
  if (errors.length === 1 && only) return only;
  const diagnostics: Diagnostic[] = errors.flatMap((e) =>
    e.diagnostics.length > 0 ? e.diagnostics : [{ file: 'build', line: 0, column: 0, path: '', message: e.message, hint: e.hint }],
  );
  return new UserError(`${errors.length} packets failed; ${what}`, { diagnostics });
}
