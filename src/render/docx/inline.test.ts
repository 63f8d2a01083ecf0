// Tracked changes in the Word file: where the render marked what changed since REV, Word
// revisions by "briefbook" at the build stamp's time, so Review → Accept/Reject works.
import { beforeAll, describe, expect, it } from 'vitest';
import { madeUpRevisions, REMOVED_FACT, STAMP } from '../../../test/fixtures/render.js';
import { REPO } from '../../../test/helpers/cli.js';
import { paragraphs, readDocx, revisions } from '../../../test/helpers/docx.js';
import { loadValid } from '../../facts/load.js';
import { openProject } from '../../project.js';
import { type PacketContext, renderPacket } from '../packet.js';
import { loadAudiences } from '../template-files/audiences.js';
import { loadPartials } from '../template-files/partials.js';
import { packetDocx } from './write-docx.js';

let tracked: string;
let plain: string;

beforeAll(async () => {
  const project = openProject(REPO);
  const factBase = await loadValid(project);
  const ctx: PacketContext = { project, factBase, partials: await loadPartials(project), stamp: STAMP };
  const book = (await loadAudiences(project, ['briefing-book']))[0]!;
  const revised = await renderPacket(book, { ...ctx, revisions: () => madeUpRevisions(factBase) });
  tracked = readDocx(await packetDocx(revised)).get('word/document.xml') ?? '';
  plain = readDocx(await packetDocx(await renderPacket(book, ctx))).get('word/document.xml') ?? '';
}, 60_000);

describe('tracked changes in Word output', () => {
  it('shows a re-figured statement as the old figure deleted and the new one inserted, the rest untouched', () => {
    const row = paragraphs(tracked).find((p) => p.text === '28.8 million exchanges, stated without a hedge.');
    expect(row).toBeDefined();
    expect(revisions(row?.xml ?? '')).toEqual({ inserted: ['28.8 '], deleted: ['27.5 '] });
  });

  it('shows a changed status where the packet hedges by it: the lead-in inserted', () => {
    const asks = paragraphs(tracked).find((p) => p.text.startsWith('According to the Financial Times, Anthropic asked Congress'));
    expect(asks).toBeDefined();
    const r = revisions(asks?.xml ?? '');
    expect(r.inserted.join('')).toBe('According to the Financial Times, ');
    expect(r.deleted.join('')).toBe('');
  });

  it('inserts a new fact whole, its paragraph mark too, and deletes a removed one whole', () => {
    const added = paragraphs(tracked).filter((p) => p.text.startsWith('Everything known about the campaign'));
    expect(added.length).toBeGreaterThan(0);
    for (const p of added) {
      expect(p.xml).toMatch(
        /<w:pPr>[\s\S]*<w:rPr><w:ins w:id="\d+" w:author="briefbook" w:date="2026-06-26T00:00:00Z"\/><\/w:rPr><\/w:pPr>/,
      );
      expect(revisions(p.xml).inserted.join('')).toContain('Everything known about the campaign');
      // Outside the insertion there is nothing but the paragraph's frame.
      expect(p.xml.replace(/<w:ins [^>]*>[\s\S]*?<\/w:ins>/g, '')).not.toMatch(/<w:t[ >]/);
    }
    const removed = paragraphs(tracked).filter((p) => revisions(p.xml).deleted.join('').includes(REMOVED_FACT.statement));
    expect(removed.length).toBeGreaterThan(0);
    for (const p of removed) {
      expect(p.text).toBe('');
      expect(p.xml).toMatch(/<w:rPr><w:del w:id="\d+" w:author="briefbook" w:date="2026-06-26T00:00:00Z"\/><\/w:rPr><\/w:pPr>/);
      expect(p.xml).not.toContain('footnoteReference');
    }
  });

  it('gives every revision a distinct id, and a packet built without --since none', () => {
    const ids = [...tracked.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(5);
    expect(new Set(ids).size).toBe(ids.length);
    expect(plain).not.toMatch(/<w:(ins|del) /);
    expect(plain).not.toContain(REMOVED_FACT.statement);
  });
});
