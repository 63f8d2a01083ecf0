// hasTwoOrigins answers what provenance().singleSource denies, fact for fact: on a small
// base of every kind of citation (relayed, credited by id and by name, `per`, publishers
// that are and are not outlets, unknown ids), the shipped fact base and a generated one.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasTwoOrigins } from './corroboration.js';
import type { FactBase } from './factbase.js';
import { loadFactBase, loadFromFiles } from './load.js';
import { provenance } from './provenance.js';

const REPO = new URL('../../', import.meta.url).pathname;

const DATA = `entities:
  - { id: outlet.wire, name: Wire Service, kind: outlet }
  - { id: outlet.paper, name: Daily Paper, kind: outlet }
  - { id: forum.board, name: Chat Board, kind: forum }
  - { id: org.acme, name: Acme, kind: company }
sources:
  - { id: src.memo, title: Acme's memo, publisher: Acme, kind: statement }
  - { id: src.r1, title: R1, via: [outlet.wire, outlet.paper], relays: [src.memo] }
  - { id: src.r2, title: R2, via: [outlet.wire] }
  - { id: src.r2b, title: R2b, via: [Wire Service] }
  - { id: src.r2c, title: R2c, via: [wire service, Someone Else] }
  - { id: src.r3, title: R3 }
  - { id: src.r4, title: R4 }
  - { id: src.digest, title: D, kind: aggregator, via: [forum.board, outlet.paper], relays: [src.memo] }
  - { id: src.own, title: O, publisher: Daily Paper }
  - { id: src.gazette, title: G, publisher: The Gazette }
  - { id: src.gazette2, title: G2, publisher: The Gazette, kind: news }
facts:
${[
  ['src.r2', 'src.r2b'],
  ['src.r2', 'src.r2c'],
  ['src.r3', 'src.r4'],
  ['src.r3', 'src.r3'],
  ['src.r1', 'src.digest'],
  ['src.r1', 'src.r2'],
  ['src.own', 'src.r2'],
  ['src.own', 'src.digest'],
  ['src.gazette', 'src.r3'],
  ['src.gazette2', 'src.gazette'],
  ['src.memo', 'src.r1'],
  ['src.r3'],
]
  .map(
    (cites, i) => `  - id: f.${i}
    statement: Fact ${i}.
    status: reported
    sensitivity: public
    sources: [${cites.map((s) => `{ source: ${s} }`).join(', ')}]
`,
  )
  .join('')}  - id: f.per
    statement: Per.
    status: reported
    sensitivity: public
    sources: [{ source: src.r3, per: [outlet.wire] }, { source: src.r4, per: [Wire Service] }]
  - id: f.per2
    statement: Per two.
    status: reported
    sensitivity: public
    sources: [{ source: src.r3, per: [outlet.wire, outlet.paper] }]
  - id: f.origin
    statement: Relayed.
    status: reported
    sensitivity: public
    origin: src.memo
    sources: [{ source: src.r2 }, { source: src.r3 }]
  - id: f.origin2
    statement: Relayed, and a citation relaying another.
    status: reported
    sensitivity: public
    origin: src.memo
    sources: [{ source: src.r2 }, { source: src.r3, origin: src.r4 }]
  - id: f.variants
    statement: Variants.
    status: reported
    sensitivity: public
    sources: [{ source: src.r3 }]
    variants:
      - { id: a, statement: A., sources: [{ source: src.r3 }] }
      - { id: b, statement: B., sources: [{ source: src.r4 }] }
`;

function agree(fb: FactBase): { two: number; one: number } {
  let two = 0;
  let one = 0;
  for (const f of fb.facts.values()) {
    const expected = !provenance(fb, f).singleSource;
    expect([f.id, hasTwoOrigins(fb, f)]).toEqual([f.id, expected]);
    if (expected) two++;
    else one++;
  }
  return { two, one };
}

describe('hasTwoOrigins', () => {
  it('agrees with provenance on every kind of citation', () => {
    const { factBase, report } = loadFromFiles([{ path: 'data/x.yaml', bytes: new TextEncoder().encode(DATA) }]);
    expect(report.errors).toEqual([]);
    const { two, one } = agree(factBase);
    expect(two).toBeGreaterThan(4);
    expect(one).toBeGreaterThan(4);
  });

  it('agrees with provenance on the shipped fact base and a generated one', async () => {
    const corpus = mkdtempSync(join(tmpdir(), 'bb-corroboration-'));
    try {
      execFileSync(process.execPath, [join(REPO, 'scripts/gen-corpus.mjs'), corpus, '--facts', '400', '--audiences', '1']);
      for (const root of [REPO, corpus]) {
        const { two, one } = agree((await loadFactBase(root, join(root, 'data'))).factBase);
        expect(two).toBeGreaterThan(0);
        expect(one).toBeGreaterThan(0);
      }
    } finally {
      rmSync(corpus, { recursive: true, force: true });
    }
  });
});
