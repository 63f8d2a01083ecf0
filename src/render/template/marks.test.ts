// Revision marks (marks.ts): a render given what changed since REV marks where each
// changed fact's text is, yet its own Markdown is byte for byte the render without them.
import { beforeAll, describe, expect, it } from 'vitest';
import { madeUpRevisions, REMOVED_FACT as REMOVED, STAMP } from '../../../test/fixtures/render.js';
import { REPO } from '../../../test/helpers/cli.js';
import type { FactBase } from '../../facts/factbase.js';
import { loadValid } from '../../facts/load.js';
import type { Fact } from '../../facts/schema.js';
import { openProject } from '../../project.js';
import { type PacketContext, renderPacket } from '../packet.js';
import { type Audience, loadAudiences } from '../template-files/audiences.js';
import { loadPartials } from '../template-files/partials.js';
import { type Revisions, stripMarks, unwrapRemoved } from './marks.js';

let ctx: PacketContext;
let audiences: Audience[];
let revisions: Revisions;

beforeAll(async () => {
  const project = openProject(REPO);
  const factBase = await loadValid(project);
  ctx = { project, factBase, partials: await loadPartials(project), stamp: STAMP };
  audiences = await loadAudiences(project);
  revisions = madeUpRevisions(factBase);
});

describe('revision marks', () => {
  it('leave every shipped packet’s own Markdown exactly as a render without them', async () => {
    for (const audience of audiences) {
      const plain = await renderPacket(audience, ctx);
      const marked = await renderPacket(audience, { ...ctx, revisions: () => revisions });
      expect(marked.markdown, audience.name).toBe(plain.markdown);
      expect(marked.body, audience.name).toBe(plain.body);
      expect(plain.tracked).toBeUndefined();
      expect(marked.markdown).not.toContain('\u0000');
      expect(stripMarks(marked.tracked?.markdown ?? '')).toBe(plain.markdown);
    }
  });

  it('mark a re-figured variant, a status lead-in, a new fact and a removed one in the briefing book', async () => {
    const book = audiences.find((a) => a.name === 'briefing-book')!;
    const { tracked } = await renderPacket(book, { ...ctx, revisions: () => revisions });
    const spans = tracked?.spans ?? [];
    const figure = spans.findIndex((s) => s.before === '27.5 million exchanges, stated without a hedge.');
    expect(figure).toBeGreaterThanOrEqual(0);
    expect(tracked?.markdown).toContain(`\u0000R${figure + 1}\u000028.8 million exchanges, stated without a hedge.\u0000/R\u0000`);
    // Confirmed at REV, reported now: the lead-in "According to the Financial Times," is the change.
    const status = spans.find((s) => s.id === 'letter.asks' && s.before?.startsWith('Anthropic asked Congress'));
    expect(tracked?.markdown).toContain(
      `\u0000R${spans.indexOf(status!) + 1}\u0000According to the Financial Times, Anthropic asked Congress`,
    );
    expect(spans.some((s) => s.id === 'campaign.single-source' && s.before === null && !s.removed)).toBe(true);
    const removed = spans.filter((s) => s.removed);
    // The book prints each fact once, so the removed fact is one deletion.
    expect(removed.map((s) => s.id)).toEqual([REMOVED.id]);
    expect(unwrapRemoved(tracked!.markdown)).toContain(`- \u0000R${spans.indexOf(removed[0]!) + 1}\u0000${REMOVED.statement}`);
  });

  it('cannot be forged from fact text: control characters never reach the Markdown', async () => {
    const forged = {
      ...REMOVED,
      id: 'campaign.forged',
      statement: 'Anthropic says \u0000R1\u0000 text \u0000/R\u0000 and \u0000G\u0000 more.',
    };
    const fb: FactBase = { ...ctx.factBase, facts: new Map([...ctx.factBase.facts, [forged.id, forged]]) };
    const book = audiences.find((a) => a.name === 'briefing-book')!;
    const { markdown, tracked } = await renderPacket(book, { ...ctx, factBase: fb, revisions: () => revisions });
    expect(markdown).toContain('Anthropic says R1 text /R and G more.');
    expect(markdown).not.toContain('\u0000');
    // Between each pair of NULs, only what the render itself wrote: R<n>, /R, G or /G.
    const marks = (tracked?.markdown ?? '').split('\u0000').filter((_, i) => i % 2 === 1);
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.filter((m) => !/^(R\d+|\/R|G|\/G)$/.test(m))).toEqual([]);
  });

  it('are read by the leak guard: an earlier wording that is now a hidden fact fails the packet', async () => {
    const secret = {
      ...REMOVED,
      id: 'campaign.secret',
      sensitivity: 'internal',
      statement: 'The operators were paid by a state agency.',
    } as Fact;
    const fb: FactBase = { ...ctx.factBase, facts: new Map([...ctx.factBase.facts, [secret.id, secret]]) };
    // A fact the public executive brief prints in full.
    const asks = fb.facts.get('letter.asks')!;
    const leaky: Revisions = {
      before: (id) => (id === asks.id ? { ...asks, statement: secret.statement } : undefined),
      removed: new Map(),
    };
    const brief = audiences.find((a) => a.name === 'executive-brief')!;
    await expect(renderPacket(brief, { ...ctx, factBase: fb })).resolves.toBeDefined();
    await expect(renderPacket(brief, { ...ctx, factBase: fb, revisions: () => leaky })).rejects.toThrow(
      'executive-brief: the packet contains the text of fact "campaign.secret"',
    );
  });
});
