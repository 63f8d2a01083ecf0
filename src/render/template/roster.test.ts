// Committee rosters from memberships, merged through `record:` links to imported legislators.
import { describe, expect, it } from 'vitest';
import { fixtureFactBase } from '../../../test/fixtures/render.js';
import { questioningOrder, rosters } from './roster.js';

const IMPORTED = `entities:
  - id: cl.committee.test
    name: Senate Committee on Testing
    kind: committee
  - id: cl.sub.test
    name: Subcommittee on Tests
    kind: committee
    parent: cl.committee.test
  - id: cl.member.chair
    name: Ann B. Chair
    kind: person
    party: Republican
    state: SC
    chamber: senate
    memberships: [{ committee: cl.committee.test, title: Chairman, side: majority, rank: 1 }, { committee: cl.sub.test, side: majority, rank: 1 }]
  - id: cl.member.third
    name: Dee Third
    kind: person
    party: Democrat
    state: NV
    chamber: senate
    memberships: [{ committee: cl.committee.test, side: minority, rank: 2 }]
  - id: cl.member.fourth
    name: Eve Fourth
    kind: person
    party: Independent
    state: ME
    chamber: senate
    memberships: [{ committee: cl.committee.test, side: minority, rank: 3 }]
`;

describe('rosters', () => {
  it('orders each side by rank and questioning alternates sides', () => {
    const [r] = rosters(fixtureFactBase());
    expect(r?.majority.map((m) => m.entity.name)).toEqual(['Ann Chair', 'Bob Second']);
    expect(r?.minority.map((m) => m.entity.name)).toEqual(['Cat Ranking']);
    expect(questioningOrder(r!).map((m) => m.entity.name)).toEqual(['Ann Chair', 'Cat Ranking', 'Bob Second']);
  });

  it('merges a hand-written entity with the record it names, and leaves out subcommittees unless asked', () => {
    const fb = fixtureFactBase({
      'data/imported.yaml': IMPORTED,
      'data/entities.yaml': `entities:
  - id: committee.test
    name: Testing Committee
    kind: committee
    record: cl.committee.test
  - id: person.chair
    name: Ann Chair
    kind: person
    record: cl.member.chair
    memberships: [{ committee: committee.test, title: Chairman, side: majority, rank: 1 }]
  - id: person.ranking
    name: Cat Ranking
    kind: person
    party: Democrat
    state: MA
    chamber: senate
    memberships: [{ committee: committee.test, title: Ranking Member, side: minority, rank: 1 }]
`,
    });
    const all = rosters(fb);
    expect(all.map((r) => r.committee.name)).toEqual(['Senate Committee on Testing']);
    const [r] = rosters(fb, 'committee.test');
    expect(r?.majority.map((m) => m.entity.name)).toEqual(['Ann B. Chair']);
    expect(r?.minority.map((m) => [m.entity.name, m.rank])).toEqual([
      ['Cat Ranking', 1],
      ['Dee Third', 2],
      ['Eve Fourth', 3],
    ]);
    expect(questioningOrder(r!).map((m) => m.entity.name)).toEqual(['Ann B. Chair', 'Cat Ranking', 'Dee Third', 'Eve Fourth']);
    expect(rosters(fb, 'cl.sub.test')[0]?.majority.map((m) => m.entity.name)).toEqual(['Ann B. Chair']);
  });
});
