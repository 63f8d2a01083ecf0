// The leak guard as a property: random internal items of every kind and random templates
// using every helper (and lookups, @root, triple-stash, partials, and internal text pasted in
// any normal form) never put internal text into a public packet — in its Markdown, its HTML
// or its PDF. Either the render is refused (UserError), or no run of WINDOW words of any
// internal text, nor any whole internal text of SHORTEST words or more, is in the output.
// The check below is its own small implementation, not the guard's.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeHTML } from 'entities';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { audience, FRONT, STAMP } from '../../test/fixtures/render.js';
import { REPO } from '../../test/helpers/cli.js';
import { UserError } from '../errors.js';
import { loadFromFiles } from '../facts/load.js';
import { openProject } from '../project.js';
import { SHORTEST, WINDOW } from './leak-guard.js';
import { packetHtml, pdfJob, renderPacket } from './packet.js';
import { type BrowserSession, launchBrowser } from './print/browser.js';
import { pdfOptions } from './print/pdf.js';

const SECRET =
  'zephyr quokka marmot obsidian vellum cobalt nectarine fjord gazebo lichen pewter quasar sorrel tamarind umber wombat yarrow zinnia bramble cinder'.split(
    ' ',
  );
const sentence = (n: number) => fc.array(fc.constantFrom(...SECRET), { minLength: n, maxLength: n + 6 }).map((w) => `${w.join(' ')}.`);

/** Internal text of every kind, as fact files. */
const internalData = fc
  .record({
    fact: sentence(9),
    variant: sentence(8),
    note: sentence(8),
    cite: sentence(8),
    analysis: sentence(10),
    question: sentence(6),
    answer: sentence(9),
    term: sentence(1),
    definition: sentence(8),
    event: sentence(7),
    entity: sentence(8),
    sourceNote: sentence(8),
  })
  .map((t) => ({
    texts: Object.values(t),
    files: {
      'data/sources.yaml': `sources:\n  - { id: s.one, title: Report one, via: [Reuters] }\n  - { id: s.two, title: Report two, publisher: Daily, note: "${t.sourceNote}" }\n`,
      'data/facts.yaml': `facts:
  - { id: pub.alpha, statement: Alpha is accused of copying the model., status: alleged, sensitivity: public, tags: [key], value: { number: 12000, unit: accounts }, sources: [{ source: s.one, note: "${t.cite}" }, { source: s.two }], note: "${t.note}" }
  - { id: pub.beta, statement: The letter reached the committee., status: reported, sensitivity: public, tags: [key], sources: [{ source: s.one }], links: [{ title: Letter, url: "https://example.com/l" }] }
  - id: int.secret
    statement: "${t.fact}"
    status: confirmed
    sensitivity: internal
    tags: [key]
    variants: [{ id: v1, statement: "${t.variant}", sources: [{ source: s.one }] }]
analysis:
  - { id: a.one, kind: assessment, text: "${t.analysis}", facts: [pub.alpha] }
questions:
  - { id: q.int, question: "${t.question}", answer: "${t.answer}", facts: [pub.alpha], sensitivity: internal }
  - { id: q.rests, question: Public question resting on it?, answer: "${t.answer} again", facts: [int.secret] }
glossary:
  - { id: g.int, term: "${t.term}", definition: "${t.definition}", sensitivity: internal }
events:
  - { id: e.int, date: "2026-06-01", title: "${t.event}", facts: [pub.beta], sensitivity: internal }
entities:
  - { id: c.one, name: Committee on Tests, kind: committee }
  - { id: p.one, name: Ann Chair, kind: person, chamber: senate, party: Republican, state: SC, memberships: [{ committee: c.one, side: majority, rank: 1 }] }
  - { id: p.int, name: Hidden Person, kind: person, description: "${t.entity}", sensitivity: internal }
`,
    },
  }));

/** Internal text pasted into a template, in some normal form. */
const FORMS: ((t: string) => string)[] = [
  (t) => t,
  (t) => t.replace(/\.$/, ''),
  (t) => t.normalize('NFD'),
  (t) => t.replace(/[a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)), // fullwidth
  (t) => t.toUpperCase(),
  (t) => t.replace(/(\w)(\w)/, '$1\u00ad$2').replace(/ /, ' \u200b'),
  (t) => t.replace(/ (\w+) /, ' **$1** '),
  (t) => t.replace(/a/, '&#97;'),
  (t) => `“${t}”`,
];

const FRAGMENTS = [
  '{{fact "pub.alpha" hedge=true}}',
  '{{statement "pub.beta"}}',
  '{{cite "pub.alpha" "pub.beta"}}',
  '{{hedge "pub.alpha"}}',
  '{{status "pub.beta"}}',
  '{{corroboration "pub.alpha"}}',
  '{{variants "pub.alpha"}}',
  '{{value "pub.alpha"}}',
  '{{links "pub.beta"}}',
  '{{entity "p.one"}}',
  '{{number 28800000}}',
  '{{date "2026-06-10" short=true}}',
  '{{dateLong "2026-06"}}',
  '{{show title}}',
  '{{#if (eq title "x")}}y{{/if}}',
  '{{#facts all=true}}- {{statement}} {{note}} {{#each variants}}{{statement}}{{/each}}\n{{/facts}}',
  '{{#questions}}{{question}} {{answer}}{{/questions}}',
  '{{#analysis}}{{text}}{{/analysis}}',
  '{{#glossary}}{{term}}: {{definition}}{{/glossary}}',
  '{{#entities}}{{name}} {{description}}{{/entities}}',
  '{{#events all=true}}{{title}}{{/events}}',
  '{{timeline all=true}}',
  '{{figureRows "pub.alpha"}}',
  '{{figureTable tag="key"}}',
  '{{roster}}',
  '{{questioningOrder}}',
  '{{sourcesAppendix all=true}}',
  '{{contents}}',
  '{{notes title="Sources"}}',
  '{{#section "s"}}in a section{{/section}}',
  '{{#region "box"}}boxed {{fact "pub.beta"}}{{/region}}',
  '{{#bluf}}{{fact "pub.beta"}}{{/bluf}}',
  '{{pagebreak}}',
  '{{{title}}} {{@root.audience}}',
  '{{lookup this "title"}}',
  '{{#with this}}{{name}}{{/with}}',
  '{{> p}}',
  '{{#unless title}}no{{/unless}}',
  '{{#facts all=true}}{{lookup this "note"}}{{{@root.title}}}{{/facts}}',
  '{{fact "int.secret"}}',
  '{{#facts "int.secret"}}{{statement}}{{/facts}}',
  '## A heading',
];

const template = (texts: string[]) =>
  fc.array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...FRAGMENTS) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...texts), fc.constantFrom(...FORMS)).map(([t, f]) => f(t)) },
      { weight: 1, arbitrary: fc.constantFrom(...texts).map((t) => t.split(' ').slice(0, 3).join(' ')) },
    ),
    { minLength: 1, maxLength: 8 },
  );

/** The words of a text, lower-case letters and digits, however it was written (the oracle's own). */
function words(text: string): string {
  const plain = decodeHTML(text)
    .normalize('NFKD')
    .replace(/\p{M}|\p{Cf}|[*'’‘]/gu, '')
    .toLowerCase();
  return ` ${(plain.match(/[\p{L}\p{N}]+/gu) ?? []).join(' ')} `;
}

/** An internal text (or WINDOW of its words) found in the output, if any. */
function leaked(output: string, texts: readonly string[]): string | undefined {
  const out = words(output);
  for (const t of texts) {
    const w = words(t).trim().split(' ');
    if (w.length < SHORTEST) continue;
    const size = Math.min(w.length, WINDOW);
    for (let i = 0; i + size <= w.length; i++) {
      const run = ` ${w.slice(i, i + size).join(' ')} `;
      if (out.includes(run)) return run.trim();
    }
  }
  return undefined;
}

/** Internal data, a template body and a partial made from it. */
const cases = internalData.chain((d) => fc.tuple(fc.constant(d), template(d.texts), template(d.texts)));
type Case = typeof cases extends fc.Arbitrary<infer T> ? T : never;

const htmlText = (html: string) => html.replace(/<style[^>]*>[^<]*<\/style>/g, '').replace(/<[^>]*>/g, ' ');

async function render(data: { files: Record<string, string> }, body: string[], partial: string[]) {
  const { factBase, report } = loadFromFiles(Object.entries(data.files).map(([path, text]) => ({ path, bytes: Buffer.from(text) })));
  expect(report.errors).toEqual([]);
  const front = `${FRONT}\nsections: [s]\ncontents: true`;
  const partials = [{ name: 'p', file: 'templates/partials/p.hbs', source: partial.join('\n\n') }];
  const text = `{{#section "s"}}x{{/section}}\n\n${body.join('\n\n')}\n`;
  try {
    return await renderPacket(audience(text, front), { project: openProject(REPO), factBase, partials, stamp: STAMP });
  } catch (e) {
    if (e instanceof UserError) return undefined;
    throw e;
  }
}

/** A case whose packet renders: internal data, and templates of plain fragments only. */
function printable(): Case {
  const [data] = fc.sample(internalData, { numRuns: 1, seed: 1 });
  return [data, ['Plain words for a public packet.'], ['']] as Case;
}

describe('leak guard: property', () => {
  it('no internal text reaches a public packet’s Markdown or HTML, whatever the template', async () => {
    let rendered = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(cases, async ([data, body, partial]) => {
        const packet = await render(data, body, partial);
        if (!packet) return void refused++;
        rendered++;
        expect(leaked(packet.markdown, data.texts)).toBeUndefined();
        expect(leaked(htmlText(packetHtml(packet)), data.texts)).toBeUndefined();
      }),
      { numRuns: 200 },
    );
    // Both outcomes happen: the property is not passing by refusing everything.
    expect(rendered).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(20);
  });

  describe.skipIf(spawnSync('pdftotext', ['-v']).error !== undefined)('in the PDF', () => {
    let session: BrowserSession | undefined;
    const dir = mkdtempSync(join(tmpdir(), 'briefbook-prop-'));
    afterAll(async () => {
      await session?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('nor its PDF text (a few runs: each prints with Chromium)', async () => {
      session = await launchBrowser({});
      let printed = 0;
      await fc.assert(
        fc.asyncProperty(cases, async ([data, body, partial]) => {
          const packet = await render(data, body, partial);
          if (!packet) return;
          const job = pdfJob(packet);
          const pdf = join(dir, `p${printed++}.pdf`);
          writeFileSync(pdf, await (session as BrowserSession).print(job.html(), pdfOptions(job.audience, job.stamp)));
          const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout;
          expect(leaked(text, data.texts)).toBeUndefined();
        }),
        // Random cases are often refused; the first is one that renders (every fragment the
        // template arbitrary draws from, no internal text pasted), so a PDF is always printed.
        { numRuns: 6, examples: [[printable()]] },
      );
      expect(printed).toBeGreaterThan(0);
    }, 240_000);
  });
});
