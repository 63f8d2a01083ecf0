// The appendix's rows are made once per level and shared by its packets: each packet of a
// level must print what it would print as the first (or only) packet on a fact base of its own.
import { describe, expect, it } from 'vitest';
import { audience, FRONT, fixtureFactBase, INTERNAL_FRONT, STAMP, shippedPartials } from '../../../test/fixtures/render.js';
import { renderMarkdown } from './render-markdown.js';

const BODY = '{{#facts all=true}}{{fact id}}\n{{/facts}}\n\n{{sourcesAppendix}}\n\n{{sourcesAppendix all=true}}\n';
// An internal source, cited by an internal fact: the internal level's sources table has a row more.
const MORE = {
  'data/more.yaml': `sources:
  - { id: s.staff, title: Staff call notes, kind: briefing, sensitivity: internal }
facts:
  - { id: int.call, statement: The staff call said so., status: reported, sensitivity: internal, sources: [{ source: s.staff }] }
`,
};
const fresh = () => fixtureFactBase(MORE);
const render = (fb: ReturnType<typeof fixtureFactBase>, body: string, front: string) =>
  renderMarkdown({ audience: audience(body, front), factBase: fb, partials: shippedPartials(), stamp: STAMP }).markdown;

describe('sourcesAppendix shared by the packets of one level', () => {
  it('gives every packet, of either level, the appendix a fresh render gives', () => {
    const shared = fresh();
    for (const front of [FRONT, INTERNAL_FRONT]) {
      // A first packet citing one fact fills the level's rows; the others cite more, or all.
      const first = render(shared, '{{fact "pub.beta"}}\n\n{{sourcesAppendix}}\n', front);
      const later = [render(shared, BODY, front), render(shared, '{{sourcesAppendix facts=false}}\n', front)];
      expect(first).toBe(render(fresh(), '{{fact "pub.beta"}}\n\n{{sourcesAppendix}}\n', front));
      expect(later).toEqual([render(fresh(), BODY, front), render(fresh(), '{{sourcesAppendix facts=false}}\n', front)]);
      expect(later[0]).toContain('| pub.beta |');
      // Each level its own rows: internal facts only in the internal appendix.
      expect(later[0]?.includes('| int.call |')).toBe(front === INTERNAL_FRONT);
      expect(later[1]?.includes('Staff call notes')).toBe(front === INTERNAL_FRONT);
    }
  });
});
