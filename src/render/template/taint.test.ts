// The taint every value carries through a render: a value above the audience's sensitivity
// is refused wherever it is printed from, even when the selection (the first line of the
// leak guard) has let it through. Here the selection is broken on purpose: it hands the
// template the whole fact base.
import { describe, expect, it, vi } from 'vitest';
import { audience, FRONT, fixtureFactBase, INTERNAL_FRONT, SECRET, STAMP, shippedPartials } from '../../../test/fixtures/render.js';
import { userError } from '../../../test/helpers/errors.js';
import type { FactBase } from '../../facts/factbase.js';
import { changesView } from './changes-view.js';
import { renderMarkdown } from './render-markdown.js';

const broken = vi.hoisted(() => ({ on: false }));
vi.mock('../../facts/select.js', async (original) => {
  const real = await original<typeof import('../../facts/select.js')>();
  return { ...real, selectForAudience: (fb: FactBase, max: 'public') => (broken.on ? fb : real.selectForAudience(fb, max)) };
});

const fb = fixtureFactBase();
const render = (body: string, extra: Partial<Parameters<typeof renderMarkdown>[0]> = {}) =>
  renderMarkdown({ audience: audience(body, FRONT), factBase: fb, partials: shippedPartials(), stamp: STAMP, ...extra });

const refusal = userError;

describe('taint: helpers refuse an item above the audience even when the selection hands it over', () => {
  it.each([
    ['by id', '{{fact "int.secret"}}', 'fact "int.secret"'],
    ['a list and its fields', '{{#facts tag="key"}}- {{statement}}\n{{/facts}}', 'fact "int.secret"'],
    ['cited ids', '{{cite "int.secret"}}', 'fact "int.secret"'],
    ['questions resting on it', '{{#questions}}{{question}}{{/questions}}', 'question "q.internal"'],
    ['the timeline', '{{timeline all=true}}', 'event "ev.secret"'],
    ['the sources appendix', '{{sourcesAppendix all=true}}', 'fact "int.secret"'],
    ['the figures table', '{{figureTable tag="key"}}', 'fact "int.secret"'],
  ])('%s', (_, body, what) => {
    broken.on = true;
    try {
      const err = refusal(() => render(`Intro\n\n${body}\n`));
      // At the helper's own line and column: the body starts on line 8, the helper on line 10.
      expect(err.diagnostics[0]).toMatchObject({ file: 'templates/audiences/test.md', line: 10, column: 1 });
      expect(err.message).toContain(`this packet would print ${what}, which is internal, above its sensitivity (public)`);
    } finally {
      broken.on = false;
    }
  });
});

describe('taint: template values carry their item’s sensitivity into every way of printing them', () => {
  // A changes section that (wrongly) lists an internal item for a public packet.
  const changes = changesView(
    {
      from: 'v1',
      to: 'working tree',
      fromCommit: null,
      toCommit: null,
      added: [{ kind: 'facts', id: 'int.new', item: { id: 'int.new', statement: SECRET, status: 'alleged', sensitivity: 'internal' } }],
      removed: [],
      renamed: [],
      changed: [],
    },
    { current: () => undefined },
  );
  const partials = [...shippedPartials(), { name: 'entry', file: 'templates/partials/entry.hbs', source: '{{headline}}' }];

  it.each([
    ['escaped', '{{#each changes.added}}{{headline}}{{/each}}'],
    ['triple-stash', '{{{changes.added.[0].headline}}}'],
    ['lookup', '{{lookup changes.added.[0] "headline"}}'],
    ['@root inside a block', '{{#facts tag="key"}}{{@root.changes.added.[0].headline}}{{/facts}}'],
    ['a partial', '{{> entry changes.added.[0]}}'],
    ['a helper argument', '{{show changes.added.[0].headline}}'],
    ['a comparison', '{{#if (eq changes.added.[0].headline "x")}}y{{/if}}'],
    ['the short form', '{{#each changes.brief.lines}}{{text}}{{/each}}'],
  ])('%s', (_, body) => {
    const err = refusal(() => render(body, { partials, changes }));
    expect(err.message).toContain(
      'this packet would print the change to fact "int.new", which is internal, above its sensitivity (public)',
    );
  });

  it('has no unescaped or unguarded path to the string: `.raw` is not there', () => {
    const err = refusal(() => render('{{#facts tag="key"}}{{{statement.raw}}}{{/facts}}'));
    expect(err.message).toMatch(/unknown name "raw"/);
    expect(render('{{#facts tag="key"}}[{{lookup statement "raw"}}]{{/facts}}').markdown).toBe('[][]\n');
  });

  it('shows editorial notes only to internal packets', () => {
    const noted = fixtureFactBase({
      'data/noted.yaml':
        'facts:\n  - id: pub.noted\n    statement: A noted fact.\n    status: reported\n    sensitivity: public\n    note: Staff doubt the second source entirely.\n    sources: [{ source: s.one }, { source: s.two }]\n',
    });
    const body = '{{#facts "pub.noted"}}[{{note}}]{{/facts}}\n\n{{sourcesAppendix all=true}}';
    const pub = renderMarkdown({ audience: audience(body), factBase: noted, partials: [], stamp: STAMP }).markdown;
    expect(pub).toContain('[]');
    expect(pub).not.toContain('Staff doubt');
    const staff = renderMarkdown({
      audience: audience(body, INTERNAL_FRONT),
      factBase: noted,
      partials: [],
      stamp: STAMP,
    });
    expect(staff.markdown).toContain('[Staff doubt the second source entirely.]');
    expect(staff.held).toEqual({ level: 'internal', what: 'the note on fact "pub.noted"' });
  });

  it('records the most sensitive thing printed, for the banner', () => {
    const internal = (body: string) =>
      renderMarkdown({
        audience: audience(body, INTERNAL_FRONT),
        factBase: fb,
        partials: [],
        stamp: STAMP,
      }).held;
    expect(internal('{{fact "pub.alpha"}}').level).toBe('public');
    expect(internal('{{#facts tag="key"}}{{id}}{{/facts}}')).toEqual({ level: 'internal', what: 'fact "int.secret"' });
    expect(internal('{{fact "int.secret"}}')).toEqual({ level: 'internal', what: 'fact "int.secret"' });
    // Filtering on a fact is not printing it.
    expect(internal('{{#facts tag="key" status="reported"}}{{id}}{{/facts}}').level).toBe('public');
  });
});
