// The print stage: PDF jobs on one browser, two pages at a time (one renderer lays out
// while the other's PDF is read back). A job that fails with a UserError does not stop
// the others; anything else is a bug and stops everything.
import { UserError } from '../../errors.js';
import type { BrowserSession } from './browser.js';
import { type PdfJob, renderPdf } from './pdf.js';
import type { PdfResult } from './pdf-bytes.js';

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
  await Promise.all([worker(), worker()]);
  return failures;
}
