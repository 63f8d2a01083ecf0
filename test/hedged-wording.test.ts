// Hedged wording through the built CLI, on a small project of its own: lead-ins from the
// claimant, the outlets, a staff briefing and the status; an audience's own lead-ins from
// its front matter; a lead-in that names what its case cannot fill, refused at its line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './helpers/cli.js';
import { testdir } from './helpers/testdir.js';

const DATA = `entities:
  - { id: org.utility, name: Riverton Water, kind: agency }
  - { id: outlet.ledger, name: Riverton Ledger, kind: outlet, called: the Riverton Ledger }
sources:
  - { id: src.ledger, title: Taps run dry, publisher: Riverton Ledger, kind: news }
  - { id: src.digest, title: Outage roundup, kind: aggregator, via: [outlet.ledger] }
  - { id: src.call, title: Call with the plant manager, kind: briefing, sensitivity: internal }
facts:
  - { id: f.cause, statement: A software update caused the failure., status: alleged, sensitivity: public, claimant: org.utility, sources: [{ source: src.ledger }] }
  - { id: f.homes, statement: "About 40,000 homes lost water.", status: reported, sensitivity: public, sources: [{ source: src.ledger }, { source: src.digest }] }
  - { id: f.repairs, statement: The repairs will take a month., status: reported, sensitivity: internal, sources: [{ source: src.call }] }
  - { id: f.says, statement: Riverton Water says the plant is safe., status: reported, sensitivity: public, claimant: org.utility, sources: [{ source: src.ledger }] }
`;

const audience = (extra = '') => `---
title: Outage
audience: Staff
genre: brief
sensitivity: internal
banner: Internal${extra}
---
{{#facts all=true}}
- {{fact id hedge=true cite=false flag=false}}
{{/facts}}
`;

describe('hedged wording in a built packet', () => {
  it('comes from the claimant, the outlets, a staff briefing and the status, with no second attribution', () => {
    const root = testdir({ 'data/all.yaml': DATA, 'templates/audiences/staff.md': audience() });
    const r = run(['-C', root, 'build', '-f', 'md']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(root, 'out/staff.md'), 'utf8')).toBe(
      [
        '- Riverton Water alleges a software update caused the failure.',
        '- According to the Riverton Ledger, about 40,000 homes lost water.',
        '- Committee staff were told the repairs will take a month.',
        '- Riverton Water says the plant is safe.',
        '',
      ].join('\n'),
    );
  });

  it('takes the audience’s own lead-ins from its front matter', () => {
    const front = '\nhedging:\n  outlets:\n    reported: "{outlets} reported"\n  staff:\n    reported: "Our office was told"';
    const root = testdir({ 'data/all.yaml': DATA, 'templates/audiences/staff.md': audience(front) });
    const r = run(['-C', root, 'build', '-f', 'md']);
    expect(r.code).toBe(0);
    const md = readFileSync(join(root, 'out/staff.md'), 'utf8');
    expect(md).toContain('- The Riverton Ledger reported about 40,000 homes lost water.');
    expect(md).toContain('- Our office was told the repairs will take a month.');
  });

  it('refuses a lead-in naming what its case cannot fill, at its line, and writes nothing', () => {
    const front = '\nhedging:\n  staff:\n    reported: "{claimant} told us"';
    const root = testdir({ 'data/all.yaml': DATA, 'templates/audiences/staff.md': audience(front) });
    const r = run(['-C', root, 'build', '-f', 'md']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /templates\/audiences\/staff\.md:9:15: error: front matter "hedging\.staff\.reported": a lead-in here takes no \{names\}/,
    );
  });
});
