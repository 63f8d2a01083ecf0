// A small fact base and audience templates for render tests: public and internal facts,
// a committee with members on both sides, questions, an event.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { FactBase } from '../../src/facts/factbase.js';
import { loadFromFiles } from '../../src/facts/load.js';
import { type Audience, parseAudience } from '../../src/render/audiences.js';
import type { Partial } from '../../src/render/partials.js';
import type { BuildStamp } from '../../src/render/stamp.js';
import { REPO } from '../helpers/cli.js';

export const SECRET = 'The committee privately expects to issue a subpoena in July.';

export const INJECTION =
  'Alpha said <script>alert(1)</script> and [click here](javascript:alert(2)) then <img src=x onerror=alert(3)> **loudly** [^9] <b>bold</b> see https://evil.example/x';

export const DATA: Record<string, string> = {
  'data/sources.yaml': `sources:
  - id: s.one
    title: Alpha accused of copying
    via: [Reuters]
  - id: s.two
    title: Second report on Alpha
    publisher: Example Times
    date: "2026-06-12"
    url: https://example.com/alpha
`,
  'data/facts.yaml': `facts:
  - id: pub.alpha
    statement: Alpha Corp is accused of copying the model through twelve thousand accounts.
    status: alleged
    sensitivity: public
    tags: [key]
    sources: [{ source: s.one }, { source: s.two }]
  - id: pub.beta
    statement: the letter reached the committee chair before the hearing.
    status: reported
    sensitivity: public
    tags: [key]
    sources: [{ source: s.one }]
  - id: pub.figures
    statement: Reports give the number of accounts differently.
    status: alleged
    sensitivity: public
    tags: [figures]
    variants:
      - id: thousands
        statement: Thousands of accounts.
        value: { unit: accounts, qualifier: thousands }
        sources: [{ source: s.one }]
      - id: nearly-12000
        statement: Nearly 12,000 accounts.
        value: { number: 12000, unit: accounts, qualifier: nearly }
        sources: [{ source: s.two }]
  - id: int.secret
    statement: ${SECRET}
    status: confirmed
    sensitivity: internal
    tags: [key]
    sources: [{ source: s.one }, { source: s.two }]
`,
  'data/entities.yaml': `entities:
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
  - id: person.second
    name: Bob Second
    kind: person
    party: Republican
    state: ID
    chamber: senate
    memberships: [{ committee: committee.test, side: majority, rank: 2 }]
  - id: person.ranking
    name: Cat Ranking
    kind: person
    party: Democrat
    state: MA
    chamber: senate
    memberships: [{ committee: committee.test, title: Ranking Member, side: minority, rank: 1 }]
`,
  'data/events.yaml': `events:
  - id: ev.letter
    date: "2026-06-10"
    title: The letter is sent
    facts: [pub.beta]
  - id: ev.secret
    date: "2026-07"
    title: Subpoena planned
    facts: [int.secret]
`,
  'data/questions.yaml': `questions:
  - id: q.public
    question: What is Alpha accused of?
    answer: Copying the model, according to the letter.
    facts: [pub.alpha]
    tags: [member]
  - id: q.internal
    question: Will there be a subpoena?
    answer: Staff expect one.
    facts: [int.secret]
    tags: [member]
`,
};

export const STAMP: BuildStamp = {
  commit: '0000000',
  date: '2026-06-26',
  epoch: 1782432000,
  dirty: false,
  git: true,
  text: 'Fact base 0000000 of 2026-06-26',
};

export function fixtureFactBase(extra: Record<string, string> = {}): FactBase {
  const files = Object.entries({ ...DATA, ...extra })
    .filter(([p]) => p.startsWith('data/'))
    .map(([path, text]) => ({ path, bytes: new TextEncoder().encode(text) }));
  const { factBase, report } = loadFromFiles(files);
  expect(report.errors).toEqual([]);
  return factBase;
}

export const FRONT = `title: Test packet
audience: Tester
genre: brief
sensitivity: public
banner: Public`;

/** An audience file: `front` lines then `body`; the body starts on line front-lines + 3. */
export function audience(body: string, front = FRONT, name = 'test'): Audience {
  return parseAudience(name, `templates/audiences/${name}.md`, `---\n${front}\n---\n${body}`);
}

/** The repository's shipped partials and styles, for fixture projects. */
export function shippedTemplates(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const dir of ['partials', 'styles']) {
    for (const f of readdirSync(join(REPO, 'templates', dir))) {
      out[`templates/${dir}/${f}`] = readFileSync(join(REPO, 'templates', dir, f), 'utf8');
    }
  }
  return out;
}

export function shippedPartials(): Partial[] {
  return readdirSync(join(REPO, 'templates/partials'))
    .filter((f) => f.endsWith('.hbs'))
    .map((f) => ({
      name: f.slice(0, -4),
      file: `templates/partials/${f}`,
      source: readFileSync(join(REPO, 'templates/partials', f), 'utf8'),
    }));
}

/** Audience templates for fixture projects: a public press packet and an internal staff packet. */
export const PRESS = `---
title: Press points
audience: Press office
genre: talking-points
sensitivity: public
banner: Public
---
{{> title-block}}

## Points

{{#facts tag="key"}}
- {{fact id hedge=true}}
{{/facts}}

## If asked

{{#questions tag="member"}}
**{{question}}** {{answer}}{{cite facts}}

{{/questions}}

{{timeline all=true}}
`;

export const STAFF = `---
title: Staff book
audience: Staff
genre: report
sensitivity: internal
banner: Internal
contents: true
---
# Staff book

{{contents}}

## Key facts

{{#facts tag="key"}}
- {{fact id}}
{{/facts}}

## Figures

| Figure | As reported | Sources |
|:--|:--|:--|
{{figureRows "pub.figures" label="Accounts"}}

## Committee

{{roster}}

{{#if changes}}
{{> changes}}
{{/if}}
`;

export function fixtureProject(extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...DATA,
    ...shippedTemplates(),
    'templates/audiences/press.md': PRESS,
    'templates/audiences/staff.md': STAFF,
    ...extra,
  };
}
