// The print stage as a queue: a build hands over each packet's PDF job as soon as the
// packet is rendered, and up to TABS pages print at once on one browser while node renders
// the next packet, so the browser does not wait for the render nor the render for the
// browser. A job that fails with a UserError does not stop the others; anything else is a
// bug and stops everything.
import { UserError } from '../../errors.js';
import type { BrowserSession } from './browser.js';
import { type PdfJob, renderPdf } from './pdf.js';
import type { PdfResult } from './pdf-bytes.js';
import { TABS } from './tabs.js';

export class PrintQueue {
  private readonly waiting: PdfJob[] = [];
  private readonly failures: UserError[] = [];
  private readonly workers = new Set<Promise<void>>();
  private readonly roomWaiters: (() => void)[] = [];
  private noBrowser?: UserError;
  private bug?: { error: unknown };

  /** `session` may still be starting: the first job waits for it, and a failed start fails every job as one. */
  constructor(
    private readonly session: () => Promise<BrowserSession>,
    private readonly done: (job: PdfJob, result: PdfResult) => Promise<void>,
  ) {}

  add(job: PdfJob): void {
    if (this.bug || this.noBrowser) return;
    this.waiting.push(job);
    if (this.workers.size < TABS) this.startWorker();
  }

  /**
   * Resolves once fewer than TABS jobs wait to start: the render runs ahead of the printer by
   * that much and no more, as every waiting job holds its packet in memory.
   */
  room(): Promise<void> {
    if (this.waiting.length < TABS) return Promise.resolve();
    return new Promise((resolve) => this.roomWaiters.push(resolve));
  }

  /** Waits for every job; returns the failures. A bug in any job is thrown here. */
  async finish(): Promise<UserError[]> {
    while (this.workers.size > 0) await Promise.all(this.workers);
    if (this.bug) throw this.bug.error;
    return this.noBrowser ? [this.noBrowser, ...this.failures] : [...this.failures];
  }

  /** Drops the jobs not yet started and waits for those printing (a build that stops early, before closing the browser). */
  async stop(): Promise<void> {
    this.waiting.length = 0;
    await Promise.allSettled([...this.workers]);
  }

  private startWorker(): void {
    const worker: Promise<void> = this.work()
      .catch((error: unknown) => {
        this.bug ??= { error };
        this.waiting.length = 0;
      })
      .finally(() => {
        this.workers.delete(worker);
        this.wake();
      });
    this.workers.add(worker);
  }

  private async work(): Promise<void> {
    for (let job = this.waiting.shift(); job; job = this.waiting.shift()) {
      this.wake();
      let session: BrowserSession;
      try {
        session = await this.session();
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
        this.noBrowser ??= e;
        this.waiting.length = 0;
        return;
      }
      try {
        await this.done(job, await renderPdf(session, job));
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
        this.failures.push(e);
      }
    }
  }

  private wake(): void {
    if (this.waiting.length < TABS || this.bug || this.noBrowser) for (const resolve of this.roomWaiters.splice(0)) resolve();
  }
}
