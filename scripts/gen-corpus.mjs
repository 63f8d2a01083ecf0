#!/usr/bin/env node
// Generates a synthetic brief project for benchmarks: N facts of realistic size across
// many files, with sources, variants, tags, entities, events, questions, and 50 generic
// audiences in the shipped genres. With --git it commits the project and a second
// revision that changes 1% of the facts, for `briefbook diff`.
//
//   node scripts/gen-corpus.mjs DIR [--facts 10000] [--audiences 50] [--git]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    facts: { type: 'string', default: '10000' },
    audiences: { type: 'string', default: '50' },
    git: { type: 'boolean', default: false },
  },
});
const dir = positionals[0];
if (!dir) {
  console.error('usage: gen-corpus.mjs DIR [--facts N] [--audiences N] [--git]');
  process.exit(2);
}
const N = Number(values.facts);
const AUDIENCES = Number(values.audiences);
const FACTS_PER_FILE = 200;
const TAGS = [
  'campaign',
  'figures',
  'method',
  'targets',
  'attribution',
  'letter',
  'recipients',
  'asks',
  'earlier-claims',
  'comparison',
  'policy',
  'export-controls',
  'hearing',
  'responses',
  'industry',
  'key',
];
const STATUSES = ['alleged', 'reported', 'confirmed', 'disputed', 'no-comment'];
const OUTLETS = ['Reuters', 'Financial Times', 'Bloomberg', 'Associated Press', 'Politico', 'Axios', 'The Wall Street Journal', 'Nikkei'];

// A small deterministic PRNG (mulberry32) so every run generates the same corpus. Its
// arithmetic stays in 32 bits: a float LCG loses precision and cycles, repeating whole
// sentences across facts, which the leak guard then rightly reports.
let seed = 20260610;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const words =
  'agency committee letter campaign accounts exchanges model capabilities reasoning engineering export controls chips senators hearing officials report outlet review disclosure access restriction policy memo court designation list operators lab'.split(
    ' ',
  );
const sentence = (n) => {
  const w = Array.from({ length: n }, () => pick(words));
  return `${w.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
};

const nSources = Math.max(20, Math.round(N / 20));
const sources = Array.from({ length: nSources }, (_, i) => ({
  id: `src.${i}`,
  title: `Report ${i}: ${sentence(8)}`,
  publisher: `Publisher ${i % 40}`,
  date: `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
  via: [pick(OUTLETS), ...(rand() < 0.3 ? [pick(OUTLETS)] : [])].filter((v, k, a) => a.indexOf(v) === k),
  kind: 'news',
}));
const cite = () => ({ source: `src.${Math.floor(rand() * nSources)}` });

function makeFact(i) {
  const f = {
    id: `area${i % 25}.fact-${i}`,
    statement: sentence(18 + Math.floor(rand() * 20)),
    status: pick(STATUSES),
    sensitivity: rand() < 0.15 ? 'internal' : 'public',
    tags: [pick(TAGS), pick(TAGS)].filter((v, k, a) => a.indexOf(v) === k),
    sources: [cite(), ...(rand() < 0.6 ? [cite()] : [])],
  };
  if (rand() < 0.3) f.value = { number: Math.floor(rand() * 100000), unit: 'accounts', qualifier: 'about' };
  if (rand() < 0.2) {
    f.variants = [
      { id: 'a', statement: sentence(12), value: { number: 25000, unit: 'accounts', qualifier: 'nearly' }, sources: [cite()] },
      { id: 'b', statement: sentence(12), value: { unit: 'accounts', qualifier: 'thousands' }, sources: [cite()] },
    ];
  }
  return f;
}

const facts = Array.from({ length: N }, (_, i) => makeFact(i));
const write = (path, value) => {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(
    join(dir, path),
    `# yaml-language-server: $schema=../../schema/briefbook.schema.json\n${stringify(value, { lineWidth: 0 })}`,
  );
};

// Everything but the facts is generated once, so the second revision differs only in facts.
const entities = Array.from({ length: 100 }, (_, i) => ({ id: `entity.${i}`, name: `Entity ${i}`, kind: 'organisation' }));
const events = Array.from({ length: Math.round(N / 20) }, (_, i) => ({
  id: `event.${i}`,
  date: `2026-${String((i % 12) + 1).padStart(2, '0')}`,
  title: sentence(9),
  facts: [facts[(i * 7) % N].id],
  sources: [cite()],
}));
const questions = Array.from({ length: Math.round(N / 50) }, (_, i) => ({
  id: `question.${i}`,
  question: `${sentence(12).slice(0, -1)}?`,
  answer: sentence(30),
  facts: [facts[(i * 13) % N].id],
}));

function writeProject(factList) {
  rmSync(join(dir, 'data'), { recursive: true, force: true });
  write('data/sources.yaml', { sources });
  for (let f = 0; f * FACTS_PER_FILE < factList.length; f++)
    write(`data/facts/part-${String(f).padStart(3, '0')}.yaml`, { facts: factList.slice(f * FACTS_PER_FILE, (f + 1) * FACTS_PER_FILE) });
  write('data/entities.yaml', { entities });
  write('data/events.yaml', { events });
  write('data/questions.yaml', { questions });
}

mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'briefbook.yaml'), 'title: Generated benchmark corpus\n');
writeFileSync(join(dir, '.gitignore'), 'out/\n');
writeProject(facts);

// Audiences: generic, tag-driven templates in the shipped genres (the shipped audiences
// name fact ids of the real fact base, which a synthetic one does not have). Each uses
// the shipped partials and the list helpers; the briefing books also carry a register
// of every fact in their topics (`sourcesAppendix all=true`), as the shipped one does,
// so their size grows with the fact base.
const shipped = new URL('../templates/', import.meta.url).pathname;
mkdirSync(join(dir, 'templates', 'audiences'), { recursive: true });
for (const sub of ['partials', 'styles'])
  if (existsSync(join(shipped, sub))) execFileSync('cp', ['-r', join(shipped, sub), join(dir, 'templates', sub)]);
const front = (fields) =>
  `---\n${Object.entries(fields)
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? `[${v.join(', ')}]` : v}`)
    .join('\n')}\n---\n`;
const GENRES = [
  {
    name: 'briefing-book',
    front: { genre: 'report', sensitivity: 'internal', audience: 'Committee staff', cover: true, contents: true },
    sections: ['summary', 'topics', 'timeline', 'figures', 'questions', 'sources'],
    body: `{{> cover}}

{{contents depth=2}}

{{#section "summary"}}
## Summary

{{#facts tag="key" limit=12}}
- {{fact id hedge=true}}
{{/facts}}
{{/section}}

{{#section "topics"}}
## The facts in this packet's topics

{{#facts except="key" limit=150}}
- {{fact id}}
{{/facts}}
{{/section}}

{{#section "timeline"}}
## Timeline

{{timeline all=true limit=40}}
{{/section}}

{{#section "figures"}}
## Figures

{{#facts tag="figures" limit=20}}
- {{value id}}: {{statement id}}{{cite id}} ({{corroboration id}})
{{/facts}}
{{/section}}

{{#section "questions"}}
## Anticipated questions

{{#questions limit=20}}
{{> question}}
{{/questions}}
{{/section}}

{{#section "sources"}}
## Appendix: Sources and corroboration

{{sourcesAppendix all=true}}
{{/section}}

{{notes}}

{{> colophon}}
`,
  },
  {
    name: 'member-memo',
    front: {
      genre: 'memo',
      sensitivity: 'internal',
      audience: 'Member',
      to: 'The Senator',
      from: 'Committee staff',
      subject: 'The fact base',
      pageLimit: 3,
    },
    sections: ['bluf', 'key-facts', 'questions'],
    body: `{{> memo-header}}

{{#section "bluf"}}
{{#bluf}}
**BLUF:** {{#facts tag="key" limit=1}}{{fact id hedge=true}}{{else}}Nothing key on record.{{/facts}}
{{/bluf}}
{{/section}}

{{#section "key-facts"}}
## Key facts

{{#facts limit=12}}
- {{fact id hedge=true}}
{{/facts}}
{{/section}}

{{#section "questions"}}
## Suggested questions

{{#questions limit=5}}
{{@position}}. {{question}}
{{/questions}}
{{/section}}

{{notes title="Sources"}}
`,
  },
  {
    name: 'press-points',
    front: { genre: 'talking-points', sensitivity: 'public', audience: 'Press office' },
    sections: ['points', 'if-asked'],
    body: `{{> title-block}}

{{#section "points"}}
## Talking points

{{#facts limit=25}}
- {{fact id hedge=true}}
{{/facts}}
{{/section}}

{{#section "if-asked"}}
## If asked

{{#questions limit=4}}
**Q: {{question}}**\\
A: {{answer}}{{cite facts}}

{{/questions}}
{{/section}}

{{notes title="Sources"}}
`,
  },
  {
    name: 'witness-prep',
    front: { genre: 'q-and-a', sensitivity: 'internal', audience: 'Witness', contents: true },
    sections: ['questions', 'disputed', 'events'],
    body: `{{> title-block}}

{{contents depth=2}}

{{#section "questions"}}
## Questions to expect

{{#questions limit=40}}
{{> question}}
{{/questions}}
{{/section}}

{{#section "disputed"}}
## Disputed points

{{#facts status="disputed" limit=20}}
- {{fact id}} Status: {{hedge id}}.
{{/facts}}
{{/section}}

{{#section "events"}}
## Events

{{#events all=true limit=20}}
- {{date date}}: {{title}}
{{/events}}
{{/section}}

{{notes}}
`,
  },
  {
    name: 'executive-brief',
    front: { genre: 'brief', sensitivity: 'public', audience: 'Leadership', pageLimit: 2 },
    sections: ['summary'],
    body: `{{> title-block}}

{{#section "summary"}}
## In brief

{{#facts tag="key" limit=10}}
- {{fact id hedge=true}}
{{/facts}}
{{/section}}

{{notes title="Sources"}}
`,
  },
];
for (let a = 0; a < AUDIENCES; a++) {
  const g = GENRES[a % GENRES.length];
  const tags = [TAGS[a % TAGS.length], TAGS[(a + 5) % TAGS.length]];
  const title = `${g.name.replace(/-/g, ' ')} ${a}`;
  writeFileSync(
    join(dir, 'templates', 'audiences', `${g.name}-${a}.md`),
    // Public packets are drafts: nobody has cleared a generated packet for release.
    front({
      title,
      ...g.front,
      banner: `${g.front.sensitivity} — ${g.front.sensitivity === 'public' ? 'draft ' : ''}corpus packet ${a}`,
      tags,
      sections: g.sections,
    }) + g.body,
  );
}

if (values.git) {
  const git = (...args) =>
    execFileSync('git', ['-C', dir, '-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', ...args], { stdio: 'pipe' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'corpus');
  // Second revision: 1% of facts changed (status, statement or sensitivity).
  const changed = facts.map((f, i) => {
    if (i % 100 !== 0) return f;
    const g = structuredClone(f);
    if (i % 300 === 0) g.status = g.status === 'confirmed' ? 'alleged' : 'confirmed';
    else if (i % 300 === 100) g.statement = sentence(20);
    else g.sensitivity = g.sensitivity === 'public' ? 'internal' : 'public';
    return g;
  });
  writeProject(changed);
  git('add', '-A');
  git('commit', '-qm', 'revise 1%');
}
console.log(`wrote ${N} facts, ${nSources} sources to ${dir}`);
