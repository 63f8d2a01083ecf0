// {{profiles}}: committee members' sourced prior statements, in the order of questioning.
import { describe, expect, it } from 'vitest';
import { audience, FRONT, fixtureFactBase, STAMP, shippedPartials } from '../../../../test/fixtures/render.js';
import { renderMarkdown } from '../render-markdown.js';

const ENTITIES = `entities:
  - id: committee.test
    name: Senate Committee on Testing
    kind: committee
  - id: person.chair
    name: Ann Chair
    kind: person
    party: Republican
    state: SC
    chamber: senate
    memberships: [{ committee: committee.test, title: Chairman, side: majority, rank: 1 }]
    statements:
      - text: Said model theft by <b>foreign</b> firms needs a federal response.
        date: 2026-03
        sources: [{ source: s.one }]
  - id: person.ranking
    name: Cat Ranking
    kind: person
    party: Democrat
    state: MA
    chamber: senate
    memberships: [{ committee: committee.test, title: Ranking Member, side: minority, rank: 1 }]
`;

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
    expect(md).not.toContain('Cat Ranking');
    expect(md).toMatch(/\[\^1\]: .+/);
  });

  it('prints nothing when no member has any', () => {
    expect(render().trim()).toBe('');
  });
});
