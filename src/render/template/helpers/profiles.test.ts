// {{profiles}}: committee members' sourced prior statements, in the order of questioning.
import { describe, expect, it } from 'vitest';
import { audience, DATA, FRONT, fixtureFactBase, STAMP, shippedPartials } from '../../../../test/fixtures/render.js';
import { renderMarkdown } from '../render-markdown.js';

// The fixture's committee, its chairman given one prior statement.
const ENTITIES = DATA['data/entities.yaml']!.replace(
  '    memberships: [{ committee: committee.test, title: Chairman, side: majority, rank: 1 }]\n',
  '$&    statements:\n      - text: Said model theft by <b>foreign</b> firms needs a federal response.\n        date: 2026-03\n        sources: [{ source: s.one }]\n',
);

const render = (extra: Record<string, string> = {}) =>
  renderMarkdown({
    audience: audience('{{profiles "committee.test"}}', FRONT),
    factBase: fixtureFactBase(extra),
    partials: shippedPartials(),
    stamp: STAMP,
  }).markdown;

describe('profiles', () => {
  it('prints each member who has prior statements, escaped, dated and with a note to its sources', () => {
    const md = render({ 'data/entities.yaml': ENTITIES });
    expect(md).toContain(
      '**Sen. Ann Chair (R-SC), Chairman**\n\n- Said model theft by \\<b\\>foreign\\</b\\> firms needs a federal response. (March 2026)[^1]',
    );
    expect(md).not.toMatch(/Cat Ranking|Bob Second/);
    expect(md).toMatch(/\[\^1\]: .+/);
  });

  it('prints nothing when no member has any', () => {
    expect(render().trim()).toBe('');
  });
});
