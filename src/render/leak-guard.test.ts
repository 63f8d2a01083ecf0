// The leak guard's second half: text an audience may not see, pasted into its template in
// any form, refuses the packet at the withheld item's file:line; text it may see does not.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audience, FRONT, fixtureFactBase, INTERNAL_FRONT, SECRET, STAMP, shippedPartials } from '../../test/fixtures/render.js';
import { REPO } from '../../test/helpers/cli.js';
import { userError, userErrorOf } from '../../test/helpers/errors.js';
import type { FactBase } from '../facts/factbase.js';
import { SENSITIVITIES, type Sensitivity } from '../facts/kinds.js';
import { loadFactBase, loadFromFiles } from '../facts/load.js';
import { textsFor, type WithheldText, withholdsAny } from '../facts/withheld.js';
import { openProject } from '../project.js';
import { normalWords } from '../util/words.js';
import { buildLeakIndex, checkNoLeak, htmlWords, markdownWords, SHORTEST, WINDOW } from './leak-guard.js';
import { packetHtml, renderPacket } from './packet.js';
import type { Partial } from './template-files/partials.js';

const ANALYSIS = "Staff judge the attribution to Alibaba's own lab weak and would not repeat it in public.";
const ANSWER = 'Committee staff believe the chair’s office shared the letter with two reporters early.';
const NOTE = 'Staff doubt the second report and have asked its outlet for the underlying documents.';
const CITATION_NOTE = 'The reporter privately confirmed the account figure to committee staff by phone.';

const fb = fixtureFactBase({
  'data/analysis.yaml': `analysis:
  - id: a.assess
    kind: assessment
    text: "${ANALYSIS}"
    facts: [pub.alpha]
  - id: a.restates
    kind: assessment
    text: "We accept that Alpha Corp is accused of copying the model through twelve thousand accounts, nothing more."
    facts: [pub.alpha]
`,
  'data/more.yaml': `questions:
  - id: q.leak
    question: Who shared the letter?
    answer: "${ANSWER}"
    facts: [pub.alpha]
    sensitivity: internal
facts:
  - id: pub.noted
    statement: A public fact with notes.
    status: reported
    sensitivity: public
    note: "${NOTE}"
    sources:
      - { source: s.one, note: "${CITATION_NOTE}" }
      - { source: s.two }
`,
});

const project = openProject(REPO);

async function render(body: string, opts: { front?: string; partials?: Partial[] } = {}) {
  return renderPacket(audience(body, opts.front ?? FRONT), {
    project,
    factBase: fb,
    partials: opts.partials ?? shippedPartials(),
    stamp: STAMP,
  });
}

const refusal = (body: string, opts: { front?: string; partials?: Partial[] } = {}) => userErrorOf(render(body, opts));

/**
 * The index as the guard defines it, with runs of words as strings instead of keys: every
 * run of min(WINDOW, length) words of each withheld text of SHORTEST words or more (the first
 * text to have it keeps it), less every run of the same sizes in any text the level shows.
 */
function referenceWindows(base: FactBase, level: Sensitivity): Map<string, WithheldText> {
  const { withheld, shown } = textsFor(base, level);
  const runs = (words: string[], size: number) => words.slice(0, words.length - size + 1).map((_, i) => words.slice(i, i + size).join(' '));
  const out = new Map<string, WithheldText>();
  const sizes = new Set<number>();
  for (const from of withheld) {
    const words = normalWords(from.text);
    if (words.length < SHORTEST) continue;
    const size = Math.min(words.length, WINDOW);
    sizes.add(size);
    for (const run of runs(words, size)) if (!out.has(run)) out.set(run, from);
  }
  for (const text of shown) for (const size of sizes) for (const run of runs(normalWords(text), size)) out.delete(run);
  return out;
}

describe('leak guard: withheld text pasted into a public packet', () => {
  it.each([
    ['staff analysis', ANALYSIS, 'analysis item "a.assess"', 'data/analysis.yaml', 4],
    ['an internal question’s answer', ANSWER, 'question "q.leak"', 'data/more.yaml', 4],
    ['a public fact’s editorial note', NOTE, 'fact "pub.noted"', 'data/more.yaml', 12],
    ['a citation’s note', CITATION_NOTE, 'fact "pub.noted"', 'data/more.yaml', 14],
    ['an internal statement without its final period', SECRET.slice(0, -1), 'fact "int.secret"', 'data/facts.yaml', 29],
    ['curly quotes for straight ones', ANALYSIS.replace("'", '’'), 'analysis item "a.assess"', 'data/analysis.yaml', 4],
    [
      'soft hyphens and zero-width spaces',
      SECRET.replace('privately', 'pri\u00ADvate\u200Bly'),
      'fact "int.secret"',
      'data/facts.yaml',
      29,
    ],
    [
      'NFD and fullwidth letters',
      SECRET.normalize('NFD').replace('committee', 'ｃｏｍｍｉｔｔｅｅ'),
      'fact "int.secret"',
      'data/facts.yaml',
      29,
    ],
    [
      'HTML entities',
      SECRET.replace('privately', 'priv&#97;tely').replace(' July', '&nbsp;July&shy;'),
      'fact "int.secret"',
      'data/facts.yaml',
      29,
    ],
    [
      'markup inside',
      'The committee **privately** expects <!-- x --> to issue a sub*poe*na in July',
      'fact "int.secret"',
      'data/facts.yaml',
      29,
    ],
    [
      'a note mark inside',
      'The committee privately{{cite "pub.alpha"}} expects to issue a subpoena in July.',
      'fact "int.secret"',
      'data/facts.yaml',
      29,
    ],
    [`its first ${WINDOW} words only`, ANALYSIS.split(' ').slice(0, WINDOW).join(' '), 'analysis item "a.assess"', 'data/analysis.yaml', 4],
  ])('%s', async (_, text, what, file, line) => {
    const err = await refusal(`# Press\n\nSomething to say. ${text}\n`);
    expect(err.diagnostics[0]).toMatchObject({ file, line });
    expect(err.diagnostics[0]?.message).toContain(
      `test: the packet contains the text of ${what}, which is internal, above its sensitivity (public)`,
    );
    expect(err.diagnostics[0]?.hint).toContain('templates/audiences/test.md');
  });

  it('in a partial, in the front matter, or split over Markdown and HTML', async () => {
    const partials = [{ name: 'footer', file: 'templates/partials/footer.hbs', source: `${ANSWER}\n` }];
    expect((await refusal('{{> footer}}', { partials })).diagnostics[0]?.file).toBe('data/more.yaml');
    expect((await refusal('# x', { front: `${FRONT}\nsubtitle: ${SECRET}` })).diagnostics[0]?.file).toBe('data/facts.yaml');
    const several = await refusal(`${ANALYSIS}\n\n${ANSWER}\n`);
    expect(several.message).toMatch(/the packet contains the text of 2 items above its sensitivity \(public\); nothing was written for it/);
  });

  it('lets a public packet print what it may see, even where withheld text repeats it', async () => {
    const p = await render('{{fact "pub.alpha"}}\n\nAlpha Corp is accused of copying the model through twelve thousand accounts.\n');
    expect(p.markdown).toContain('Alpha Corp is accused of copying');
  });

  it('lets an internal packet print internal text', async () => {
    const p = await render(`${ANALYSIS}\n`, { front: INTERNAL_FRONT });
    expect(p.markdown).toContain('Staff judge');
  });
});

describe('leak guard: a render without HTML (a Markdown or Word build)', () => {
  const markdownOnly = (body: string, front = FRONT) =>
    renderPacket(audience(body, front), { project, factBase: fb, partials: shippedPartials(), stamp: STAMP, html: false });

  it('refuses withheld text in the Markdown and in the front matter all the same', async () => {
    const inBody = await userErrorOf(markdownOnly(`# Press\n\nSomething to say. ${ANSWER}\n`));
    expect(inBody.diagnostics[0]).toMatchObject({ file: 'data/more.yaml', line: 4 });
    const inFront = await userErrorOf(markdownOnly('# x', `${FRONT}\nsubtitle: ${SECRET}`));
    expect(inFront.diagnostics[0]?.file).toBe('data/facts.yaml');
  });

  it('makes the same Markdown, and no HTML page can be made from it', async () => {
    const body = '{{fact "pub.alpha"}}\n';
    const [plain, full] = [await markdownOnly(body), await render(body)];
    expect(plain.markdown).toBe(full.markdown);
    expect(full.body).toContain('<p>');
    expect(plain.body).toBe('');
    expect(() => packetHtml(plain)).toThrow(/rendered without HTML/);
  });
});

describe('leak guard: the index', () => {
  it('holds every withheld text of six words or more, minus wording the audience may see', () => {
    const index = buildLeakIndex(fb, 'public');
    const from = new Set([...index.windows.values()].map(({ from: t }) => `${t.kind}:${t.id}:${t.path.join('.')}`));
    const windows = [...index.windows.values()].map((w) => w.words);
    expect(from).toEqual(
      new Set([
        'facts:int.secret:statement',
        'analysis:a.assess:text',
        'analysis:a.restates:text',
        'questions:q.leak:answer',
        'facts:pub.noted:note',
        'facts:pub.noted:sources.0.note',
      ]),
    );
    // "Staff expect one." (3 words) is too short to tell from ordinary words.
    expect(windows.some((w) => w.includes('staff expect one'))).toBe(false);
    // The restating analysis keeps only the windows that are its own words.
    expect(windows.filter((w) => w.startsWith('alpha corp is accused'))).toEqual([]);
    expect(windows).toContain('we accept that alpha corp is accused of');
    expect(buildLeakIndex(fb, 'restricted').windows.size).toBe(0);
  });

  it('is, for every level, the windows of withheld text less those of shown text, made here from the words themselves', async () => {
    const { factBase: shipped } = await loadFactBase(REPO, join(REPO, 'data'));
    for (const base of [fb, shipped]) {
      for (const level of SENSITIVITIES) {
        const index = buildLeakIndex(base, level);
        const got = new Map([...index.windows.values()].map((w) => [w.words, w.from]));
        expect(got).toEqual(referenceWindows(base, level));
        expect(got.size).toBe(index.windows.size);
      }
    }
    // The shipped project withholds from a public packet, and shares wording with it.
    expect(buildLeakIndex(shipped, 'public').windows.size).toBeGreaterThan(1000);
  });

  it('finds every window it holds, anywhere in a packet', async () => {
    const { factBase: shipped } = await loadFactBase(REPO, join(REPO, 'data'));
    const a = audience('', INTERNAL_FRONT);
    let checked = 0;
    for (const base of [fb, shipped]) {
      for (const level of SENSITIVITIES) {
        const index = buildLeakIndex(base, level);
        for (const w of index.windows.values()) {
          const out = { markdown: `Lead words before it ${w.words} and words after it.`, html: '', front: [] };
          const e = userError(() => checkNoLeak(a, index, out));
          const named = [e.message, ...(e.diagnostics ?? []).map((d) => d.message)].join('\n');
          expect(named).toContain(`"${w.from.id}"`);
          checked++;
        }
        checkNoLeak(a, index, { markdown: 'Nothing here is withheld from anyone at all, in any packet.', html: '', front: [] });
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('reads no text where nothing is withheld, and only there', async () => {
    const { factBase: shipped } = await loadFactBase(REPO, join(REPO, 'data'));
    for (const base of [fb, shipped]) {
      for (const level of SENSITIVITIES) {
        expect(withholdsAny(base, level)).toBe(textsFor(base, level).withheld.length > 0);
      }
    }
    expect(withholdsAny(shipped, 'internal')).toBe(false);
    expect(withholdsAny(shipped, 'public')).toBe(true);
  });

  it('withholds the notes of a fact base whose items are all public', () => {
    const NOTE_ONLY = 'Staff heard this from the outlet by phone and could not confirm it anywhere else.';
    const files = {
      'data/sources.yaml': 'sources:\n  - id: s.one\n    title: Alpha accused\n    via: [Reuters]\n',
      'data/facts.yaml': `facts:\n  - id: pub.only\n    statement: Alpha Corp is accused.\n    status: alleged\n    sensitivity: public\n    note: "${NOTE_ONLY}"\n    sources: [{ source: s.one }]\n`,
    };
    const { factBase: publicOnly, report } = loadFromFiles(
      Object.entries(files).map(([path, text]) => ({ path, bytes: new TextEncoder().encode(text) })),
    );
    expect(report.errors).toEqual([]);
    expect(withholdsAny(publicOnly, 'public')).toBe(true);
    expect([...buildLeakIndex(publicOnly, 'public').windows.values()].map((w) => w.words)).toContain(
      'staff heard this from the outlet by phone',
    );
    expect(withholdsAny(publicOnly, 'internal')).toBe(false);
  });

  it('reads Markdown and HTML as a reader does', () => {
    expect(markdownWords('pri**vate**ly [^3] [link](#x) <!-- c --> \\*a\\* <!-- open')).toEqual(['privately', 'link', 'x', 'a', 'open']);
    expect(htmlWords('<p>pri<em>vate</em>ly<sup class="fnref"><a href="#fn-1">1</a></sup> next</p><p>para</p>')).toEqual([
      'privately',
      'next',
      'para',
    ]);
    expect(htmlWords('<style>b::after { content: "\\54 he \\"x\\" end" }</style>')).toEqual(['b', 'after', 'content', 'the', 'x', 'end']);
  });
});
