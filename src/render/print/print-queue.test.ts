// The print queue with the real Chromium and the shipped packets: jobs handed over one at a
// time print side by side, the render is held back only while TABS jobs wait, a packet over
// its page limit fails alone, a browser that cannot start fails the lot as one error, and a
// bug stops everything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAMP } from '../../../test/fixtures/render.js';
import { REPO } from '../../../test/helpers/cli.js';
import { UserError } from '../../errors.js';
import { loadValid } from '../../facts/load.js';
import { openProject } from '../../project.js';
import { pdfJob, renderPacket } from '../packet.js';
import { loadAudiences } from '../template-files/audiences.js';
import { loadPartials } from '../template-files/partials.js';
import { type BrowserSession, launchBrowser } from './browser.js';
import type { PdfJob } from './pdf.js';
import { PrintQueue } from './print-queue.js';
import { TABS } from './tabs.js';

let session: BrowserSession;
let jobs: PdfJob[];

beforeAll(async () => {
  const project = openProject(REPO);
  const ctx = { project, factBase: await loadValid(project), partials: await loadPartials(project), stamp: STAMP };
  const audiences = await loadAudiences(project, ['member-memo', 'executive-brief', 'hearing-day', 'press-points']);
  jobs = await Promise.all(audiences.map(async (a) => pdfJob(await renderPacket(a, ctx))));
  session = await launchBrowser({});
}, 60_000);

afterAll(async () => {
  await session?.close();
});

const settled = async (p: Promise<void>) => {
  let done = false;
  void p.then(() => {
    done = true;
  });
  await new Promise((resolve) => setImmediate(resolve));
  return done;
};

describe('the print queue', () => {
  it('prints every job handed to it, holds the render back only while TABS jobs wait, and fails a packet over its page limit alone', async () => {
    const [memo, ...rest] = jobs as [PdfJob, ...PdfJob[]];
    // The memo with a limit of zero pages cannot fit.
    const tooLong: PdfJob = { ...memo, audience: { ...memo.audience, front: { ...memo.audience.front, pageLimit: 0 } } };
    const printed = new Map<string, { pages: number; head: string }>();
    const queue = new PrintQueue(
      async () => session,
      async (job, result) => {
        printed.set(job.audience.name, { pages: result.pages, head: Buffer.from(result.bytes.subarray(0, 5)).toString('latin1') });
      },
    );
    const all = [tooLong, ...rest, ...rest];
    expect(all.length).toBeGreaterThan(TABS + 1);
    // TABS start at once; the rest wait, and the render must wait with them.
    for (const job of all) queue.add(job);
    expect(await settled(queue.room())).toBe(all.length - TABS < TABS);
    await queue.room();
    const failures = await queue.finish();
    expect(failures.map((f) => f.message)).toEqual([expect.stringMatching(/member-memo\.pdf has \d+ pages, over its limit of 0/)]);
    expect([...printed.keys()].sort()).toEqual(rest.map((j) => j.audience.name).sort());
    for (const p of printed.values()) {
      expect(p.head).toBe('%PDF-');
      expect(p.pages).toBeGreaterThan(0);
    }
    expect(await settled(queue.room())).toBe(true);
  }, 120_000);

  it('fails every job as one error when the browser cannot start, and never holds the render back', async () => {
    const printed: string[] = [];
    const queue = new PrintQueue(
      async () => {
        throw new UserError('no browser here', { hint: 'install one' });
      },
      async (job) => {
        printed.push(job.audience.name);
      },
    );
    for (const job of [...jobs, ...jobs]) queue.add(job);
    const failures = await queue.finish();
    expect(failures.map((f) => f.message)).toEqual(['no browser here']);
    expect(printed).toEqual([]);
    expect(await settled(queue.room())).toBe(true);
  });

  it('stops everything on a bug, and says what it was', async () => {
    let calls = 0;
    const queue = new PrintQueue(
      async () => session,
      async () => {
        calls++;
        throw new TypeError('a bug in the write stage');
      },
    );
    for (const job of [...jobs, ...jobs, ...jobs]) queue.add(job);
    await expect(queue.finish()).rejects.toThrow('a bug in the write stage');
    // The jobs already printing when it happened finish; none waiting starts.
    expect(calls).toBeLessThanOrEqual(TABS);
    expect(calls).toBeGreaterThan(0);
  }, 120_000);
});
