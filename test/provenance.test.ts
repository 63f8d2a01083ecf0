// One definition of corroboration, everywhere: for every fact of the shipped fact base,
// the figures its footnote prints, its row in the sources appendix, and `list facts
// --json` agree — origins, documents, outlets, documents naming no outlet. And for the
// shipped case they say what the staff assessment says: the campaign figures have one
// origin, Anthropic's letter, reported through Reuters, the FT and Bloomberg.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { givesFigure } from '../src/facts/figures.js';
import { REPO, run } from './helpers/cli.js';
import { testdir } from './helpers/testdir.js';

interface Figures {
  origins: number;
  documents: number;
  outlets: number;
  unattributed: number;
}

interface Listed {
  id: string;
  documents: string[];
  origins: { id: string; kind: string; name: string; own: boolean }[];
  outlets: string[];
  unattributed: string[];
  corroboration: number;
  singleSource: boolean;
}

/** Every fact, with its footnote, then the appendix of every fact. */
const EVERY_FACT = `---
title: Every fact
audience: Test
genre: report
sensitivity: internal
banner: Internal
---
{{#facts all=true}}
- {{id}}: {{fact id}}
{{/facts}}

## Appendix

{{sourcesAppendix all=true}}
`;

function shippedProject(): Record<string, string> {
  const files: Record<string, string> = { 'briefbook.yaml': readFileSync(join(REPO, 'briefbook.yaml'), 'utf8') };
  for (const dir of ['data', 'templates']) {
    for (const f of readdirSync(join(REPO, dir), { recursive: true }) as string[]) {
      const abs = join(REPO, dir, f);
      if (statSync(abs).isFile()) files[relative(REPO, abs)] = readFileSync(abs, 'utf8');
    }
  }
  return { ...files, 'templates/audiences/every-fact.md': EVERY_FACT };
}

/** The figures of a footnote's last sentence ("One origin (…); 5 documents, through 3 outlets, 2 naming none."). */
function noteFigures(note: string): Figures {
  const m =
    /(One origin|(\d+) independent origins) \(.*\); (?:(\d+) documents?, )?(no outlet named|through (\d+) outlets?(?:, (\d+) naming none)?)\.$/.exec(
      note,
    );
  if (!m) throw new Error(`no provenance sentence in: ${note}`);
  const origins = m[2] ? Number(m[2]) : 1;
  const documents = m[3] ? Number(m[3]) : origins;
  const outlets = m[5] ? Number(m[5]) : 0;
  return { origins, documents, outlets, unattributed: outlets === 0 ? documents : Number(m[6] ?? 0) };
}

/** Appendix rows by fact id: | id | status | S1, S2 | n: … | k: …; u of d documents name(s) none |. */
function appendixFigures(md: string): Map<string, Figures> {
  const rows = new Map<string, Figures>();
  for (const line of md.split('\n')) {
    const cells = line.split(' | ').map((c) => c.replace(/^\| |\|$/g, '').trim());
    if (cells.length !== 5 || !/^\d+: /.test(cells[3] ?? '')) continue;
    const documents = (cells[2] ?? '').split(', ').filter(Boolean).length;
    const outlets = Number(/^(\d+):/.exec(cells[4] ?? '')?.[1]);
    const unnamed = /; (\d+) of \d+ documents? names? none/.exec(cells[4] ?? '');
    rows.set((cells[0] ?? '').replace(/\\/g, ''), {
      origins: Number(/^(\d+):/.exec(cells[3] ?? '')?.[1]),
      documents,
      outlets,
      unattributed: outlets === 0 ? documents : Number(unnamed?.[1] ?? 0),
    });
  }
  return rows;
}

let facts: Listed[];
let everyFact: string;
let book: string;
let memo: string;

beforeAll(() => {
  const root = testdir(shippedProject());
  const built = run(['-C', root, 'build', '-a', 'every-fact', '-a', 'briefing-book', '-a', 'member-memo', '-f', 'md']);
  expect(built.stderr).toBe('');
  expect(built.code).toBe(0);
  const listed = run(['-C', root, 'list', 'facts', '--json']);
  expect(listed.code).toBe(0);
  facts = JSON.parse(listed.stdout);
  everyFact = readFileSync(join(root, 'out/every-fact.md'), 'utf8');
  book = readFileSync(join(root, 'out/briefing-book.md'), 'utf8');
  memo = readFileSync(join(root, 'out/member-memo.md'), 'utf8');
}, 120_000);

describe('corroboration figures agree for every fact of the shipped fact base', () => {
  it('in its footnote, its appendix row and `list facts --json`', () => {
    const notes = new Map<string, string>();
    for (const m of everyFact.matchAll(/^\[\^(\d+)\]: (.*)$/gm)) notes.set(m[1] ?? '', m[2] ?? '');
    const appendix = appendixFigures(everyFact);
    expect(facts.length).toBeGreaterThan(50);
    for (const f of facts) {
      const json: Figures = {
        origins: f.corroboration,
        documents: f.documents.length,
        outlets: f.outlets.length,
        unattributed: f.unattributed.length,
      };
      expect(f.origins.length, f.id).toBe(f.corroboration);
      const ref = new RegExp(`^- ${f.id.replace(/[.]/g, '\\.')}: .*?\\[\\^(\\d+)\\]`, 'm').exec(everyFact.replace(/\\/g, ''))?.[1];
      expect(ref, `${f.id} has a footnote`).toBeDefined();
      expect(noteFigures(notes.get(ref ?? '') ?? ''), `${f.id}: footnote vs list --json`).toEqual(json);
      expect(appendix.get(f.id), `${f.id}: appendix vs list --json`).toEqual(json);
    }
  });

  it('and say what the staff assessment says: one origin, Anthropic’s letter, through Reuters, the FT and Bloomberg', () => {
    const byId = new Map(facts.map((f) => [f.id, f]));
    const figures = ['campaign.accounts', 'campaign.exchanges', 'campaign.period'].map((id) => byId.get(id)!);
    for (const f of figures) expect(f.origins.map((o) => o.id)).toEqual(['src.anthropic-letter']);
    expect([...new Set(figures.flatMap((f) => f.outlets))].sort()).toEqual(['Bloomberg', 'Financial Times', 'Reuters']);
    expect(byId.get('campaign.accounts')?.outlets).toEqual(['Bloomberg', 'Financial Times', 'Reuters']);
    expect(book).toContain('one primary document, reported through at most three outlets (Reuters, FT, Bloomberg)');
  });

  it('credit the FT alone for the letter’s asks and “brazenly”, and no outlet for 001’s own commentary', () => {
    const byId = new Map(facts.map((f) => [f.id, f]));
    for (const id of ['letter.asks', 'letter.brazenly']) expect(byId.get(id)?.outlets, id).toEqual(['Financial Times']);
    for (const id of ['industry.360-rival', 'policy.mythos-export-saga']) {
      expect(byId.get(id)?.outlets, id).toEqual([]);
      expect(byId.get(id)?.origins, id).toEqual([{ id: 'src.brazen-bid', kind: 'source', name: expect.any(String), own: true }]);
    }
  });

  it('never count Hacker News, a forum, as an outlet', () => {
    expect(facts.filter((f) => f.outlets.includes('Hacker News')).map((f) => f.id)).toEqual([]);
    expect(book).toContain('Hacker News (forum, not an outlet), Bloomberg');
  });
});

const seeds = join(REPO, '../shared/seeds');
describe.skipIf(!existsSync(seeds))('the member memo’s figures', () => {
  it('cites, for each figure in the bottom line and key facts, only documents that give it', () => {
    const sources = JSON.parse(run(['list', 'sources', '--json']).stdout) as { title: string; document?: string }[];
    const notes = new Map([...memo.matchAll(/^\[\^(\d+)\]: (.*)$/gm)].map((m) => [m[1], m[2] ?? '']));
    // The bottom line and the key facts (everything before the notes).
    const bluf = memo.slice(memo.indexOf('**BLUF:**'), memo.indexOf('## Sources'));
    for (const [words, figure] of [
      ['nearly 25,000 accounts', 25_000],
      ['28.8 million exchanges', 28_800_000],
    ] as const) {
      const ref = new RegExp(`${words}\\[\\^(\\d+)\\]`).exec(bluf)?.[1];
      expect(ref, `a note right after "${words}"`).toBeDefined();
      const cited = sources.filter((s) => notes.get(ref ?? '')?.includes(`“${s.title}”`));
      expect(cited.length, `documents in the note for "${words}"`).toBeGreaterThan(1);
      for (const s of cited)
        expect(givesFigure(readFileSync(join(seeds, s.document ?? ''), 'utf8'), figure), `${s.document} gives ${words}`).toBe(true);
    }
  });
});
