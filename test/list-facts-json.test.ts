// `briefbook list facts --json` prints each fact whole: every field the fact file gives it
// (entities, links, claimant, origin, note, each citation's quote, per and note, each
// variant's date and period), then the provenance its footnotes print. Text from the data is
// escaped for the terminal in the JSON too.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { run } from './helpers/cli.js';
import { testdir } from './helpers/testdir.js';

const SOURCES = `sources:
  - id: src.a
    title: Report A
    via: [Reuters]
  - id: src.b
    title: Report B
    publisher: Daily B
  - id: src.letter
    title: The letter
    kind: letter
entities:
  - id: org.maker
    name: Maker Inc.
    kind: company
`;
const FACTS = `facts:
  - id: f.whole
    statement: Maker says the outage cost $5.4 billion.
    value: { number: 5400000000, unit: USD, qualifier: about }
    period: { from: 2026-04, to: 2026-06, text: spring }
    status: alleged
    sensitivity: internal
    claimant: org.maker
    origin: src.letter
    tags: [cost, key]
    entities: [org.maker]
    sources:
      - source: src.a
        quote: "cost us dearly"
        per: [Reuters]
        note: "second paragraph \\e[2J"
    variants:
      - id: low
        statement: About 5 billion dollars.
        value: { number: 5000000000, unit: USD }
        date: 2026-06
        sources: [{ source: src.b, note: in the headline }]
    links: [{ title: Filing, url: "https://example.com/filing" }]
    note: Check the figure against the filing.
`;

describe('list facts --json', () => {
  it('prints every field of each fact as the fact file gives it, then its provenance', () => {
    const root = testdir({ 'data/sources.yaml': SOURCES, 'data/facts.yaml': FACTS });
    const r = run(['list', 'facts', '--json'], { cwd: root });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).not.toContain('\x1b');
    const [listed] = JSON.parse(r.stdout);
    const written = parse(FACTS.replace('\\e[2J', '\\u001b[2J')).facts[0];
    const { variants, ...own } = written;
    expect(listed).toMatchObject(own);
    expect(listed.variants[0]).toMatchObject(variants[0]);
    expect(listed.sources[0].note).toBe('second paragraph \u001b[2J');
    expect(listed).toMatchObject({ corroboration: 1, singleSource: true, documents: ['src.a', 'src.b'] });
    expect(listed.variants[0]).toMatchObject({ documents: ['src.b'] });
  });
});
