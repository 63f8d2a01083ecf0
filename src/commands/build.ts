// `briefbook build`: every audience's packet as Markdown, HTML, PDF and (asked for) Word.
//
// load → validate → select the audiences → render each packet (in memory) → make the Word
// files (in memory) → write the Markdown, HTML and Word files (only when every packet
// rendered) → print the PDFs on one browser → write them. The browser starts first and
// comes up while the rest runs; if it cannot start, the other files are already written
// and the error says so.

import { readSince } from '../diff/since.js';
import { type Diagnostic, UserError } from '../errors.js';
import { loadValid } from '../facts/load.js';
import { buildStamp } from '../facts/stamp.js';
import type { Project } from '../project.js';
import { DEFAULT_FORMATS, FORMATS, type Format, formatsFor } from '../render/formats.js';
import { type Written, writeOutput } from '../render/output.js';
import { type Packet, type PacketContext, packetHtml, pdfJob, renderPacket } from '../render/packet.js';
import type { StartingBrowser } from '../render/print/start-browser.js';
import { changesFor } from '../render/template/changes-view.js';
import { revisionsFor } from '../render/template/revisions.js';
import { type Audience, loadAudiences } from '../render/template-files/audiences.js';
import { loadPartials } from '../render/template-files/partials.js';

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
  onProgress?: (event: Written) => void;
}

/** A build that failed part-way: what was written before the failure, for --json. */
export class BuildFailed extends UserError {
  constructor(
    readonly written: Written[],
    cause: UserError,
  ) {
    const note = written.some((w) => w.format !== 'pdf') ? `the ${writtenKinds(written)} were written; only PDFs are missing` : '';
    super(cause.message, { hint: [cause.hint, note].filter(Boolean).join('\n  '), diagnostics: cause.diagnostics, cause });
  }
}

export async function build(opts: BuildOptions): Promise<Written[]> {
  const { project } = opts;
  const formats = formatsFor(project, opts.formats);
  const browser = formats.includes('pdf') ? await startBrowser(opts) : undefined;
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
    const packets = await renderAll(audiences, ctx);
    const words = formats.includes('docx') ? await wordFiles(packets) : undefined;

    const outDir = opts.outDir ?? project.outDir;
    const written: Written[] = [];
    const write = async (p: Packet, format: Format, data: string | Uint8Array, pages?: number) => {
      const w = await writeOutput(outDir, p.audience.name, format, data, pages);
      written.push(w);
      opts.onProgress?.(w);
    };
    for (const [i, p] of packets.entries()) {
      if (formats.includes('md')) await write(p, 'md', p.markdown);
      if (formats.includes('html')) await write(p, 'html', packetHtml(p));
      if (words) await write(p, 'docx', words[i] as Uint8Array);
    }
    if (browser) {
      try {
        await printPdfs(packets, browser, write);
      } catch (e) {
        if (e instanceof UserError) throw new BuildFailed(written, e);
        throw e;
      }
    }
    return written;
  } finally {
    await browser?.close();
  }
}

/** Every packet as a Word file, in memory; the docx library is loaded only for this. */
async function wordFiles(packets: readonly Packet[]): Promise<Uint8Array[]> {
  const { packetDocx } = await import('../render/docx/write-docx.js');
  const files: Uint8Array[] = [];
  for (const p of packets) files.push(await packetDocx(p));
  return files;
}

function writtenKinds(written: readonly Written[]): string {
  const names = { md: 'Markdown', html: 'HTML', docx: 'Word', pdf: 'PDF' };
  const kinds = [...new Set(written.map((w) => w.format))].filter((f) => f !== 'pdf').map((f) => names[f]);
  return `${kinds.join(', ').replace(/, ([^,]*)$/, ' and $1')} packets`;
}

/** Every packet, or one error listing every audience that failed. */
async function renderAll(audiences: readonly Audience[], ctx: PacketContext): Promise<Packet[]> {
  const packets: Packet[] = [];
  const failures: UserError[] = [];
  for (const audience of audiences) {
    try {
      packets.push(await renderPacket(audience, ctx));
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      failures.push(e);
    }
  }
  if (failures.length > 0) throw combine(failures, 'nothing was written');
  return packets;
}

async function printPdfs(
  packets: readonly Packet[],
  browser: StartingBrowser,
  write: (p: Packet, format: Format, data: Uint8Array, pages: number) => Promise<void>,
): Promise<void> {
  const { printAll } = await import('../render/print/print-all.js');
  const byJob = new Map(packets.map((p) => [pdfJob(p), p]));
  const failures = await printAll(await browser.get(), [...byJob.keys()], (job, result) =>
    write(byJob.get(job) as Packet, 'pdf', result.bytes, result.pages),
  );
  if (failures.length > 0) throw combine(failures, 'other files were written');
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
