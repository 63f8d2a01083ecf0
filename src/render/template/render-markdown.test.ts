// Rendering one audience to Markdown: helpers, located errors, the leak guard's first half.
import { describe, expect, it } from 'vitest';
import { audience, FRONT, fixtureFactBase, SECRET, STAMP, shippedPartials } from '../../../test/fixtures/render.js';
import { userError } from '../../../test/helpers/errors.js';
import { changesView } from './changes-view.js';
import { renderMarkdown } from './render-markdown.js';

const fb = fixtureFactBase();
const render = (body: string, front = FRONT, extra: Partial<Parameters<typeof renderMarkdown>[0]> = {}) =>
  renderMarkdown({ audience: audience(body, front), factBase: fb, partials: shippedPartials(), stamp: STAMP, ...extra }).markdown;

// FRONT has 5 lines, so the body starts on file line 8 (---, 5 lines, ---, then the body).
const BODY_LINE = 8;

describe('fact helpers', () => {
  it('prints a statement with a footnote to each document, whom it credits, origins and outlets, and flags single-source facts', () => {
    const md = render('{{fact "pub.alpha"}}\n\n{{fact "pub.beta"}}\n');
    expect(md).toContain('Alpha Corp is accused of copying the model through twelve thousand accounts.[^1]\n');
    // One report repeating Reuters: one origin, Reuters.
    expect(md).toContain('the letter reached the committee chair before the hearing.[^2] *(single source: Reuters)*');
    expect(md).toContain(
      '[^1]: “Alpha accused of copying” (outlet not named, undated), citing Reuters; [Second report on Alpha](https://example.com/alpha) (Example Times, June 12, 2026). 2 independent origins (Example Times; Reuters); through 2 outlets.',
    );
    expect(md).toContain(
      '[^2]: “Alpha accused of copying” (outlet not named, undated), citing Reuters. One origin (Reuters); through 1 outlet.',
    );
  });

  it('hedges by who stands behind a fact and its status, unless the statement already attributes the claim', () => {
    const md = render(
      '{{fact "pub.beta" hedge=true cite=false flag=false}}|{{fact "pub.alpha" hedge=true cite=false}}|{{hedge "pub.alpha"}}|{{hedge "pub.beta"}}',
    );
    expect(md).toContain('According to Reuters, the letter reached the committee chair before the hearing.|');
    expect(md).toContain('|Alpha Corp is accused of copying'); // "accused" already attributes it
    expect(md).toContain('|alleged|reportedly');
  });

  it('summarises variants and formats figures, numbers and dates', () => {
    const md = render(
      '{{variants "pub.figures"}}|{{value "pub.figures"}}|{{value "pub.figures" variant="nearly-12000"}}|{{number 28800000}}|{{date "2026-06-10"}}|{{date "2026-04" end="2026-06"}}',
    );
    expect(md.trim()).toBe(
      'reports range from thousands to nearly 12,000 accounts|thousands to nearly 12,000 accounts|nearly 12,000 accounts|28.8 million|June 10, 2026|April–June 2026',
    );
  });

  it('lists the first `limit` facts that match, and counts them all for a `min` above the limit', () => {
    const all = render('{{#facts all=true}}{{id}} {{/facts}}').trim().split(' ');
    expect(all.length).toBeGreaterThan(2);
    expect(render('{{#facts all=true limit=2}}{{id}} {{/facts}}').trim().split(' ')).toEqual(all.slice(0, 2));
    expect(render('{{#facts all=true limit=0}}{{id}} {{/facts}}')).toBe('\n');
    expect(render('{{#facts all=true limit=-1}}{{id}} {{/facts}}').trim().split(' ')).toEqual(all.slice(0, -1));
    const err = userError(() => render('{{#facts all=true limit=1 min=99}}{{id}}{{/facts}}'));
    expect(err.diagnostics[0]?.message).toBe(`only ${all.length} facts match, at least 99 wanted`);
  });

  it('prints a fact’s links as http(s) Markdown links with escaped titles', () => {
    const linked = fixtureFactBase({
      'data/more.yaml': `facts:
  - id: pub.linked
    statement: A fact with a link.
    status: reported
    sensitivity: public
    sources: [{ source: s.one }, { source: s.two }]
    links: [{ title: "Docs [1] <b>", url: "https://example.com/a b(c)" }]
`,
    });
    const md = renderMarkdown({ audience: audience('{{links "pub.linked"}}'), factBase: linked, partials: [], stamp: STAMP }).markdown;
    expect(md).toBe('[Docs \\[1\\] \\<b\\>](https://example.com/a%20b%28c%29)\n');
  });

  it('lists facts by tag and numbers the loop with @position', () => {
    const md = render('{{#facts tag="key"}}{{@position}}. {{id}}\n{{/facts}}');
    expect(md).toBe('1. pub.alpha\n2. pub.beta\n');
  });

  it('builds the timeline from dated events, each with its sources note after its title', () => {
    const md = render('{{timeline all=true}}');
    expect(md).toContain('| Date | Event |\n|:--|:--|');
    expect(md).toContain('| June 10, 2026 | The letter is sent[^1] |');
    expect(md).not.toContain('Subpoena planned'); // rests on an internal fact
  });

  it('renders the committee roster by rank and the order of questioning, alternating sides', () => {
    const md = render('{{roster "committee.test"}}\n\n{{questioningOrder}}');
    expect(md).toContain('| Sen. Ann Chair (R-SC), Chairman | Sen. Cat Ranking (D-MA), Ranking Member |');
    expect(md).toContain('| Sen. Bob Second (R-ID) |  |');
    expect(md).toContain(
      '1. Sen. Ann Chair (R-SC), Chairman (majority)\n2. Sen. Cat Ranking (D-MA), Ranking Member (minority)\n3. Sen. Bob Second (R-ID) (majority)',
    );
  });

  it('fills {{contents}} with links to the headings that follow', () => {
    const md = render("# Title\n\n{{contents}}\n\n## Who's who\n\n### Detail\n\n## Who's who\n", `${FRONT}\ncontents: true`);
    expect(md).toContain("## Contents\n\n- [Who's who](#whos-who)\n   - [Detail](#detail)\n- [Who's who](#whos-who-1)");
  });

  it('includes a section only when the front matter lists it', () => {
    const body = '{{#section "a"}}AAA{{/section}}{{#section "b"}}BBB{{/section}}';
    expect(render(body, `${FRONT}\nsections: [b]`)).toBe('BBB\n');
    // A body that is one helper call comes back from Handlebars as the helper's value, not a string.
    const one = '{{#section "b"}}{{fact "pub.alpha" cite=false flag=false}}{{/section}}|{{#region "box"}}{{number 5}}{{/region}}';
    expect(render(one, `${FRONT}\nsections: [b]`)).toContain(
      'Alpha Corp is accused of copying the model through twelve thousand accounts.|<!-- begin:box -->\n\n5\n',
    );
  });

  it('renders the changes partial when a changes value is given, escaped, short when the packet has a page limit', () => {
    const result = {
      from: 'v1',
      to: 'working tree',
      fromCommit: null,
      toCommit: null,
      added: [
        {
          kind: 'facts' as const,
          id: 'pub.new',
          item: { id: 'pub.new', statement: 'New <b>fact</b> [x](javascript:y)', status: 'alleged' },
        },
      ],
      removed: [],
      renamed: [{ kind: 'facts' as const, from: 'pub.old', to: 'pub.alpha' }],
      changed: [{ kind: 'facts' as const, id: 'pub.alpha', fields: [{ path: 'status', from: 'reported', to: 'alleged' }] }],
    };
    const changes = changesView(result, { current: (kind, id) => (kind === 'facts' ? fb.facts.get(id) : undefined) });
    const md = render('{{#if changes}}{{> changes}}{{/if}}', FRONT, { changes });
    expect(md).toContain('## Changes since v1\n');
    expect(md).toContain(
      '- **fact pub.alpha** — Alpha Corp is accused of copying the model through twelve thousand accounts.\n  - status: reported → alleged',
    );
    expect(md).toContain('- **fact pub.new** (alleged) — New \\<b\\>fact\\</b\\> \\[x\\](javascript:y)');
    expect(md).toContain('- fact pub.old → pub.alpha');
    const memo = render('{{#if changes}}{{> changes}}{{/if}}', `${FRONT}\npageLimit: 2`, { changes });
    expect(memo).toContain('- **Now alleged (was reported)**: Alpha Corp is accused');
    expect(memo).toContain('- **New fact**: New \\<b\\>fact\\</b\\>');
    expect(memo).not.toContain('status: reported');
    const renamed = Array.from({ length: 10 }, (_, i) => ({ kind: 'facts' as const, from: `pub.old${i}`, to: `pub.new${i}` }));
    const long = render('{{#if changes}}{{> changes}}{{/if}}', `${FRONT}\npageLimit: 2`, {
      changes: changesView({ ...result, added: [], changed: [], renamed }, { current: () => undefined }),
    });
    expect(long.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(8);
    expect(long).toContain('- **Renamed fact**: pub.old6 → pub.new6\n- And 3 more — see the briefing book.\n');
    expect(render('{{#if changes}}{{> changes}}{{/if}}x')).toBe('x\n');
  });
});

describe('template errors point at file:line:col', () => {
  it.each([
    [
      'an unknown fact id, with the closest ids',
      'Intro\n\n{{fact "pub.alpah"}}',
      2,
      0,
      /unknown fact id "pub.alpah"/,
      /did you mean "pub.alpha"/,
    ],
    [
      'a fact above the audience’s sensitivity',
      'x {{fact "int.secret"}}',
      0,
      2,
      /fact "int.secret" is internal, above this audience's sensitivity \(public\)/,
      /raise `sensitivity`/,
    ],
    ['an unknown helper', '\n{{facs tag="key"}}', 1, 2, /unknown name "facs"/, /did you mean "fact" or "facts"/],
    ['an unknown block helper', '{{#fakts "x"}}{{/fakts}}', 0, 3, /unknown name "fakts"/, /did you mean "facts"/],
    ['a misspelt context value', '{{titel}}', 0, 2, /template: unknown name "titel"/, /did you mean .*"title"/],
    ['too few questions', '{{#questions min=5}}{{/questions}}', 0, 0, /only 1 questions match, at least 5 wanted/, /lower `min`/],
    ['a template syntax error', 'a\n{{#facts}}\n', 2, 0, /template: Parse error/, /.+/],
  ])('%s', (_, body, line, col, message, hint) => {
    const err = userError(() => render(body));
    const [d] = err.diagnostics;
    expect(d).toMatchObject({ file: 'templates/audiences/test.md', line: BODY_LINE + line });
    if (!/Parse error/.test(String(message))) expect(d?.column).toBe(col + 1);
    expect(d?.message).toMatch(message);
    expect(d?.hint).toMatch(hint);
  });

  it('locates errors inside a partial in the partial’s file', () => {
    const partials = [{ name: 'bad', file: 'templates/partials/bad.hbs', source: 'line one\n  {{fact "nope.nope"}}\n' }];
    const err = userError(() => renderMarkdown({ audience: audience('{{> bad}}'), factBase: fb, partials, stamp: STAMP }));
    expect(err.diagnostics[0]).toMatchObject({ file: 'templates/partials/bad.hbs', line: 2, column: 3 });
  });

  it('refuses a BLUF over its length', () => {
    const err = userError(() => render(`{{#bluf}}${'word '.repeat(30)}{{/bluf}}`, `${FRONT}\nblufChars: 100`));
    expect(err.message).toMatch(/the BLUF is 149 characters, over the limit of 100/);
  });

  it('reports a front-matter section missing from the body at the `sections` line', () => {
    const err = userError(() => render('{{#section "a"}}x{{/section}}', `${FRONT}\nsections: [a, glosary]`));
    expect(err.diagnostics[0]).toMatchObject({
      line: 7,
      message: expect.stringMatching(/"glosary" listed in front matter but not in the body/),
    });
  });
});

describe('leak guard, first half: the audience only sees what it may', () => {
  it('never lists internal facts, questions resting on them, or their events for a public audience', () => {
    const md = render('{{#facts tag="key"}}- {{fact id}}\n{{/facts}}{{#questions}}{{question}}\n{{/questions}}{{timeline all=true}}');
    expect(md).not.toContain(SECRET);
    expect(md).not.toContain('subpoena');
    expect(md).toContain('What is Alpha accused of?');
  });

  it('lists them for an internal audience', () => {
    const md = render('{{#facts tag="key"}}- {{fact id}}\n{{/facts}}', FRONT.replace('public', 'internal'));
    expect(md).toContain(SECRET);
  });
});
