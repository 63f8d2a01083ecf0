// One watch pass: reload what the edits touched, work out which packets they can change,
// render those (Markdown and HTML first, the fast feedback) and print their PDFs on one
// browser, launched on first need and kept open. State carries over between passes: the
// fact base, the audiences and partials as loaded, and what each packet's last render
// read (reads.ts), so an edit reloads and re-renders only what it affects.
import { performance } from 'node:perf_hooks';
import { UserError } from '../errors.js';
import type { FactBase } from '../facts/factbase.js';
import { loadValid } from '../facts/load.js';
import { properNouns } from '../facts/proper-nouns.js';
import { type BuildStamp, buildStamp } from '../facts/stamp.js';
import type { Project } from '../project.js';
import type { Format } from '../render/formats.js';
import { leakIndexFor } from '../render/leak-guard.js';
import { type Written, writeOutput } from '../render/output.js';
import { type Packet, packetHtml, pdfJob, renderPacket } from '../render/packet.js';
import type { BrowserSession } from '../render/print/browser.js';
import { type Audience, audienceNames, loadAudience } from '../render/template-files/audiences.js';
import { loadPartials, type Partial } from '../render/template-files/partials.js';
import { affects, compareFactBases, type FactBaseChange, isEmpty, leakDependency } from './affected.js';
import { Reads } from './reads.js';

/** Edits collected into one pass. */
export interface Batch {
  /** performance.now() of the first change in the batch. */
  since: number;
  initial: boolean;
  paths: Set<string>;
  data: boolean;
  /** A partial or stylesheet (or a template folder) changed: every packet may change. */
  shared: boolean;
  audiences: Set<string>;
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

export interface RebuildOptions {
  project: Project;
  /** Audience names asked for; all when empty. */
  wanted: readonly string[];
  formats: readonly Format[];
  outDir: string;
  /** Launches the browser (watch owns it and closes it). */
  launch: () => Promise<BrowserSession>;
  emit: (event: WatchEvent) => void;
  /** Tells the preview's open pages of these audiences to reload. */
  reloaded: (audiences: readonly string[]) => void;
}

export class Rebuilder {
  private factBase?: FactBase;
  private nouns?: ReadonlySet<string>;
  private partials?: Partial[];
  private readonly audiences = new Map<string, Audience>();
  private readonly reads = new Map<string, Reads>();
  private readonly failing = new Set<string>();
  private session?: BrowserSession;
  private browserProblem: unknown;
  closed = false;

  constructor(private readonly opts: RebuildOptions) {}

  async pass(batch: Batch): Promise<void> {
    const { emit } = this.opts;
    const trigger = [...batch.paths].sort();
    const fail = (error: unknown) => emit({ type: 'failed', trigger, error });

    let change: FactBaseChange | 'all' | undefined;
    let names: string[];
    try {
      if (batch.data || !this.factBase) {
        const next = await loadValid(this.opts.project);
        change = this.factBase ? compareFactBases(this.factBase, next) : 'all';
        this.factBase = next;
        this.nouns = undefined;
      }
      names = await this.selectedAudiences();
      if (batch.shared || !this.partials) this.partials = await loadPartials(this.opts.project);
    } catch (e) {
      return fail(e);
    }
    for (const n of [...this.reads.keys()]) if (!names.includes(n)) this.reads.delete(n);
    for (const n of [...this.audiences.keys()]) if (batch.shared || batch.audiences.has(n) || !names.includes(n)) this.audiences.delete(n);
    const targets = names.filter(
      (n) =>
        batch.initial ||
        batch.shared ||
        change === 'all' ||
        batch.audiences.has(n) ||
        this.failing.has(n) ||
        !this.reads.has(n) ||
        (change !== undefined && !isEmpty(change) && affects(this.reads.get(n)!, change)),
    );
    if (targets.length === 0) return emit({ type: 'unaffected', trigger });

    const stamp = await buildStamp(this.opts.project);
    const packets: Packet[] = [];
    const written: Written[] = [];
    for (const name of targets) {
      try {
        const packet = await this.render(name, stamp);
        for (const format of this.opts.formats) {
          if (format === 'md') written.push(await this.write(packet, 'md', packet.markdown));
          if (format === 'html') written.push(await this.write(packet, 'html', packetHtml(packet)));
          if (format === 'docx') written.push(await this.write(packet, 'docx', await this.docx(packet)));
        }
        packets.push(packet);
        this.failing.delete(name);
      } catch (e) {
        this.failing.add(name);
        this.reads.delete(name);
        fail(e);
      }
    }
    if (written.length > 0) {
      emit({ type: 'built', initial: batch.initial, trigger, written, ms: performance.now() - batch.since });
      this.opts.reloaded(packets.map((p) => p.audience.name));
    }
    if (this.opts.formats.includes('pdf')) await this.print(packets, fail);
  }

  /** One packet, rendered on a tracked view of the fact base so its reads are known. */
  private async render(name: string, stamp: BuildStamp): Promise<Packet> {
    const factBase = this.factBase as FactBase;
    let audience = this.audiences.get(name);
    if (!audience) {
      audience = await loadAudience(this.opts.project, name);
      this.audiences.set(name, audience);
    }
    const reads = new Reads();
    const packet = await renderPacket(audience, {
      project: this.opts.project,
      factBase: reads.track(factBase),
      partials: this.partials ?? [],
      stamp,
      // Computed from every statement: read untracked and recorded as one derived value,
      // otherwise every packet would depend on every statement.
      properNouns: () => {
        reads.derived.add('properNouns');
        this.nouns ??= properNouns(factBase);
        return this.nouns;
      },
      // The leak guard reads every text the packet may not see and every text it may: the
      // same way, one derived value per level (affected.ts compares it before and after).
      leakIndex: (max) => {
        reads.derived.add(leakDependency(max));
        return leakIndexFor(factBase, max);
      },
    });
    this.reads.set(name, reads);
    return packet;
  }

  /** The Word file; the docx library is loaded on first need. */
  private async docx(p: Packet): Promise<Uint8Array> {
    const { packetDocx } = await import('../render/docx/write-docx.js');
    return packetDocx(p);
  }

  private write(p: Packet, format: Format, data: string | Uint8Array, pages?: number): Promise<Written> {
    return writeOutput(this.opts.outDir, p.audience.name, format, data, pages);
  }

  private async print(packets: readonly Packet[], fail: (e: unknown) => void): Promise<void> {
    if (packets.length === 0 || this.browserProblem !== undefined || this.closed) return;
    const { renderPdf } = await import('../render/print/pdf.js');
    const t0 = performance.now();
    const printed: Written[] = [];
    for (const packet of packets) {
      const name = packet.audience.name;
      try {
        const result = await renderPdf(await this.browser(), pdfJob(packet));
        printed.push(await this.write(packet, 'pdf', result.bytes, result.pages));
        this.failing.delete(name);
      } catch (e) {
        if (this.closed) return;
        this.failing.add(name);
        // browser() may have just failed; TS cannot see that through the call.
        const problem = this.browserProblem as unknown;
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
    if (printed.length > 0) this.opts.emit({ type: 'printed', written: printed, ms: performance.now() - t0 });
  }

  /** The browser, launched on first need and again if it died. */
  private async browser(): Promise<BrowserSession> {
    if (this.closed) throw new UserError('watch is stopping');
    if (this.session?.alive) return this.session;
    const t0 = performance.now();
    try {
      this.session = await this.opts.launch();
    } catch (e) {
      this.browserProblem = e;
      throw e;
    }
    this.opts.emit({ type: 'browser', executable: this.session.executable.path, ms: performance.now() - t0 });
    return this.session;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.session?.close();
  }

  private async selectedAudiences(): Promise<string[]> {
    const known = await audienceNames(this.opts.project);
    const { wanted } = this.opts;
    if (wanted.length === 0) return known;
    const unknown = wanted.filter((n) => !known.includes(n));
    if (unknown.length > 0) {
      throw new UserError(`unknown audience${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `"${n}"`).join(', ')}`, {
        hint: `known audiences: ${known.join(', ') || '(none)'}; watching goes on, and picks it up once the file exists`,
      });
    }
    return [...wanted];
  }
}
