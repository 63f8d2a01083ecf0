// The print stage: PDF jobs on one browser, TABS pages at a time (one renderer lays out
// while another's PDF is read back and fixed in node). A job that fails with a UserError does not stop
// the others; anything else is a bug and stops everything.
import { UserError } from '../../errors.js';
import type { BrowserSession } from './browser.js';
import { type PdfJob, renderPdf } from './pdf.js';
import type { PdfResult } from './pdf-bytes.js';
import { TABS } from './tabs.js';

/** Prints every job, handing each result to `done`; returns the failures. */
export async function printAll(
  session: BrowserSession,
  jobs: readonly PdfJob[],
  done: (job: PdfJob, result: PdfResult) => Promise<void>,
): Promise<UserError[]> {
  const failures: UserError[] = [];
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++] as PdfJob;
      try {
        await done(job, await renderPdf(session, job));
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
        failures.push(e);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(TABS, Math.max(jobs.length, 1)) }, worker));
  return failures;
}
