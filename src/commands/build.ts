// `briefbook build`: every audience's packet as Markdown, HTML, PDF and (asked for) Word.
//
// load → validate → select the audiences → render each packet (in memory) → make the Word
// files (in memory) → stage each packet's files as temp files → print the PDFs on one
// browser → each packet whose every format is there is put in place, all its files
// together. A packet that fails (in its template, its leak check, its page limit, its PDF)
// keeps its previous files in every format; the others are written, and the build fails
// listing what failed. `allOrNothing` writes nothing unless every packet builds.

import { readSince } from '../diff/since.js';
import { type Diagnostic, UserError } from '../errors.js';
import { loadValid } from '../facts/load.js';
import { buildStamp } from '../facts/stamp.js';
import type { Project } from '../project.js';
import { DEFAULT_FORMATS, FORMATS, type Format, formatsFor } from '../render/formats.js';
import { PacketFiles, type Written } from '../render/output.js';
import { type Packet, type PacketContext, packetHtml, pdfJob, renderPacket } from '../render/packet.js';
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
    const wrote = [...new Set(written.map((w) => w.audience))];
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
  const sets = new Map<Packet, PacketFiles>();
  try {
    // First, so that a bad revision stops the build before anything else is read or written.
    const since = opts.since !== undefined ? await readSince(project, opts.since) : undefined;
    const factBase = await loadValid(project);
    const audiences = await loadAudiences(project, opts.audiences ?? []);
    const ctx: PacketContext = {
      project,
      factBase,
      partials: await loadPartials(project),
      stamp: await buildStamp(project),
      changes: since && changesFor(since, factBase),
      // Marks cost a little per fact printed; only Word shows them.
      revisions: since && formats.includes('docx') ? revisionsFor(since, factBase) : undefined,
      asOf: opts.asOf,
    };
    const { packets, failures } = await renderAll(audiences, ctx);
    if (opts.allOrNothing && failures.length > 0) throw combine(failures, 'nothing was written');
    const words = formats.includes('docx') ? await wordFiles(packets, failures) : undefined;

    const outDir = opts.outDir ?? project.outDir;
    const written: Written[] = [];
    const complete = (p: Packet) => formats.every((f) => sets.get(p)?.has(f));
    const placed = new Set<Packet>();
    let holding = opts.allOrNothing === true;
    // A packet goes in place as soon as every format is staged; all-or-nothing holds them to the end.
    const place = async (p: Packet) => {
      if (holding || placed.has(p) || !complete(p)) return;
      placed.add(p);
      for (const w of await (sets.get(p) as PacketFiles).place()) {
        written.push(w);
        opts.onProgress?.(w);
      }
    };
    for (const p of packets) {
      const files = new PacketFiles(outDir, p.audience.name);
      sets.set(p, files);
      if (formats.includes('md')) await files.stage('md', p.markdown);
      if (formats.includes('html')) await files.stage('html', packetHtml(p));
      const docx = words?.get(p);
      if (docx) await files.stage('docx', docx);
      await place(p);
    }
    if (browser) {
      const stagePdf = async (p: Packet, bytes: Uint8Array, pages: number) => {
        await sets.get(p)?.stage('pdf', bytes, pages);
        await place(p);
      };
      failures.push(...(await printPdfs(packets, browser, stagePdf)));
    }
    const failed = audiences.filter((a) => !packets.some((p) => p.audience === a && complete(p))).map((a) => a.name);
    if (failed.length > 0 && holding) throw combine(failures, 'nothing was written');
    if (failed.length > 0) throw new BuildFailed(written, failed, combine(failures, `${failed.length} packets failed`));
    holding = false;
    for (const p of packets) await place(p);
    return written;
  } finally {
    await Promise.all([...sets.values()].map((f) => f.discard()));
    await browser?.close();
  }
}

/** Each packet's Word file, in memory (the docx library is loaded only for this); one that fails joins `failures`. */
async function wordFiles(packets: readonly Packet[], failures: UserError[]): Promise<Map<Packet, Uint8Array>> {
  const { packetDocx } = await import('../render/docx/write-docx.js');
  const files = new Map<Packet, Uint8Array>();
  for (const p of packets) {
    try {
      files.set(p, await packetDocx(p));
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      failures.push(e);
    }
  }
  return files;
}

/** Every packet that renders, and the errors of those that do not. */
async function renderAll(audiences: readonly Audience[], ctx: PacketContext): Promise<{ packets: Packet[]; failures: UserError[] }> {
  const packets: Packet[] = [];
  const failures: UserError[] = [];
  for (const audience of audiences) {
    try {
      packets.push(await renderPacket(audience, ctx));
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      // Every problem of its templates at once, not one per build.
      failures.push(await allTemplateProblems(audience, ctx, e));
    }
  }
  return { packets, failures };
}

/** Prints every packet's PDF, handing each to `done`; returns the failures (a browser that cannot start fails them all). */
async function printPdfs(
  packets: readonly Packet[],
  browser: StartingBrowser,
  done: (p: Packet, data: Uint8Array, pages: number) => Promise<void>,
): Promise<UserError[]> {
  const { printAll } = await import('../render/print/print-all.js');
  const byJob = new Map(packets.map((p) => [pdfJob(p), p]));
  try {
    return await printAll(await browser.get(), [...byJob.keys()], (job, result) =>
      done(byJob.get(job) as Packet, result.bytes, result.pages),
    );
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    // No browser: every packet fails, and keeps its previous files.
    return [new UserError(e.message, { hint: `${e.hint}\n  or build without PDFs: -f md -f html`, diagnostics: e.diagnostics, cause: e })];
  }
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
