// Origins, documents and outlets on a small fact base of its own: a party's memo relayed
// by reports that credit outlets, a forum, an aggregator, reports that name no outlet.
import { describe, expect, it } from 'vitest';
import type { FactBase } from './factbase.js';
import { loadFromFiles } from './load.js';
import { provenance } from './provenance.js';

const DATA = `entities:
  - { id: outlet.wire, name: Wire Service, kind: outlet }
  - { id: outlet.paper, name: Daily Paper, kind: outlet, called: the Daily Paper }
  - { id: forum.board, name: Chat Board, kind: forum }
  - { id: org.acme, name: Acme, kind: company }
sources:
  - { id: src.memo, title: Acme's memo, publisher: Acme, kind: statement }
  - { id: src.r1, title: R1, via: [outlet.wire, outlet.paper], relays: [src.memo] }
  - { id: src.r2, title: R2, via: [outlet.wire] }
  - { id: src.r2b, title: R2b, via: [Wire Service] }
  - { id: src.r3, title: R3 }
  - { id: src.digest, title: D, kind: aggregator, via: [forum.board, outlet.paper], relays: [src.memo] }
  - { id: src.own, title: O, publisher: Daily Paper }
  - { id: src.gazette, title: G, publisher: The Gazette }
facts:
  - id: f.claim
    statement: Acme says the widget failed.
    status: alleged
    sensitivity: public
    claimant: org.acme
    origin: src.memo
    sources: [{ source: src.r1 }, { source: src.r3 }, { source: src.digest }]
  - { id: f.commentary, statement: C., status: reported, sensitivity: public, sources: [{ source: src.r1 }] }
  - id: f.per
    statement: P.
    status: reported
    sensitivity: public
    sources: [{ source: src.r1, origin: src.memo, per: [outlet.paper] }]
  - { id: f.wire-twice, statement: W., status: reported, sensitivity: public, sources: [{ source: src.r2 }, { source: src.r2b }] }
  - { id: f.independent, statement: I., status: reported, sensitivity: public, sources: [{ source: src.r3 }, { source: src.own }, { source: src.gazette }] }
  - id: f.variants
    statement: V.
    status: alleged
    sensitivity: public
    origin: src.memo
    variants:
      - { id: a, statement: A., sources: [{ source: src.r1 }] }
      - { id: b, statement: B., sources: [{ source: src.r3, origin: src.r3 }] }
`;

function load(): FactBase {
  const { factBase, report } = loadFromFiles([{ path: 'data/all.yaml', bytes: new TextEncoder().encode(DATA) }]);
  expect(report.errors).toEqual([]);
  return factBase;
}

const fb = load();
const of = (id: string) => {
  const p = provenance(fb, fb.facts.get(id)!);
  return {
    documents: p.documents,
    origins: p.origins.map((o) => `${o.kind}:${o.id}${o.self ? ' (own)' : ''}`),
    outlets: p.outlets.map((o) => o.name),
    unattributed: p.unattributed,
    corroboration: p.corroboration,
    singleSource: p.singleSource,
  };
};

describe('provenance', () => {
  it('counts reports relaying one memo as one origin; outlets are the news organisations they credit, not a forum', () => {
    expect(of('f.claim')).toEqual({
      documents: ['src.r1', 'src.r3', 'src.digest'],
      origins: ['source:src.memo'],
      outlets: ['Daily Paper', 'Wire Service'],
      unattributed: ['src.r3'],
      corroboration: 1,
      singleSource: true,
    });
    expect(provenance(fb, fb.facts.get('f.claim')!).claimant?.name).toBe('Acme');
  });

  it('credits a report’s outlets only for the origins it relays: its own commentary is its own', () => {
    expect(of('f.commentary')).toMatchObject({
      origins: ['source:src.r1 (own)'],
      outlets: [],
      unattributed: ['src.r1'],
      singleSource: true,
    });
  });

  it('takes a citation’s `per` over the source’s `via`', () => {
    expect(of('f.per')).toMatchObject({ origins: ['source:src.memo'], outlets: ['Daily Paper'] });
  });

  it('counts two reports that both repeat one outlet once, by entity id or by name', () => {
    expect(of('f.wire-twice')).toMatchObject({ origins: ['party:outlet.wire'], outlets: ['Wire Service'], corroboration: 1 });
  });

  it('counts a news outlet that publishes a report as standing behind it, entity or name', () => {
    expect(of('f.independent')).toEqual({
      documents: ['src.r3', 'src.own', 'src.gazette'],
      origins: ['source:src.r3 (own)', 'party:outlet.paper', 'party:name:the gazette'],
      outlets: ['Daily Paper', 'The Gazette'],
      unattributed: ['src.r3'],
      corroboration: 3,
      singleSource: false,
    });
  });

  it('gives each variant its own provenance; a citation may name its own document as its origin', () => {
    const f = fb.facts.get('f.variants')!;
    const [a, b] = f.variants;
    expect(provenance(fb, f, a).origins.map((o) => o.id)).toEqual(['src.memo']);
    expect(provenance(fb, f, a).outlets.map((o) => o.name)).toEqual(['Daily Paper', 'Wire Service']);
    expect(provenance(fb, f, b).origins.map((o) => [o.id, o.self])).toEqual([['src.r3', true]]);
    expect(provenance(fb, f).corroboration).toBe(2);
  });
});
