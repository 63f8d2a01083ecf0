// Figures in a built packet as a staffer writes them: money with its symbol, ranges that read
// aloud, in the locale briefbook.yaml names (en-US unless it says otherwise; never the
// machine's own).
import { describe, expect, it } from 'vitest';
import { run } from './helpers/cli.js';
import { read } from './helpers/project.js';
import { testdir } from './helpers/testdir.js';

const FILES = {
  'data/sources.yaml': `sources:
  - id: s.a
    title: Report A
    via: [Reuters]
  - id: s.b
    title: Report B
    via: [Bloomberg]
`,
  'data/facts.yaml': `facts:
  - id: cost.total
    statement: The outage cost the utility about $5.4 billion.
    value: { number: 5400000000, unit: USD, qualifier: about }
    status: reported
    sensitivity: public
    sources: [{ source: s.a }, { source: s.b }]
  - id: cost.range
    statement: Estimates of the damage differ.
    status: reported
    sensitivity: public
    variants:
      - id: wide
        statement: Between $400 million and $1.5 billion.
        value: { min: 400000000, max: 1500000000, unit: USD }
        sources: [{ source: s.a }]
      - id: narrow
        statement: Between $540 million and $1.08 billion.
        value: { min: 540000000, max: 1080000000, unit: USD }
        sources: [{ source: s.b }]
`,
  'templates/audiences/brief.md': `---
title: Costs
audience: Test
genre: brief
sensitivity: public
---
Cost: {{value "cost.total"}}. Damage: {{variants "cost.range"}}. Fine: {{number 2500000 unit="EUR"}}.
`,
};

const build = (extra: Record<string, string> = {}) => {
  const root = testdir({ ...FILES, ...extra });
  return { root, r: run(['build', '-f', 'md'], { cwd: root }) };
};

describe('figures in packets', () => {
  it('writes money with its symbol and nested ranges in words (en-US by default)', () => {
    const { root, r } = build();
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(read(root, 'out/brief.md')).toContain(
      'Cost: about $5.4 billion. Damage: reports put it between $400 million and $1.5 billion; one narrows it to between $540 million and $1.08 billion. Fine: €2.5 million.',
    );
  });

  it('follows the locale in briefbook.yaml, whatever the machine’s', () => {
    const { root, r } = build({ 'briefbook.yaml': 'locale: en-GB\n' });
    expect(r.code).toBe(0);
    expect(read(root, 'out/brief.md')).toContain('Cost: about US$5.4 billion.');
    const other = testdir(FILES);
    const machine = run(['build', '-f', 'md'], { cwd: other, env: { LANG: 'en_GB.UTF-8', LC_ALL: 'en_GB.UTF-8', TZ: 'Europe/London' } });
    expect(machine.code).toBe(0);
    expect(read(other, 'out/brief.md')).toContain('Cost: about $5.4 billion.');
  });

  it('refuses a locale it does not know, naming those it does', () => {
    const { r } = build({ 'briefbook.yaml': 'locale: fr-FR\n' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('briefbook.yaml');
    expect(r.stderr).toContain('locale is one of en-US, en-GB, en-CA, en-AU');
  });
});
