// {{#section}}'s "renders empty" warning: a heading over nothing visible. A letter outside
// every mark settles it at once; anything else is read as the packet shows it.
import { describe, expect, it } from 'vitest';
import { audience, FRONT, fixtureFactBase, STAMP, shippedPartials } from '../../../../test/fixtures/render.js';
import { renderMarkdown } from '../render-markdown.js';

const fb = fixtureFactBase();
const emptySections = (body: string) =>
  renderMarkdown({ audience: audience(body, `${FRONT}\nsections: [s]`), factBase: fb, partials: shippedPartials(), stamp: STAMP })
    .warnings.filter((w) => w.rule === 'empty-section')
    .map((w) => w.message);

describe('section: renders empty', () => {
  it.each([
    ['words', '## S\n\nSome words.\n', false],
    ['only a figure', '## S\n\n— 42 —\n', false],
    ['only emphasis, escapes and a comment', '## S\n\n** __ <!-- a note in the template -->\n', true],
    ['a note reference alone', '## S\n\n[^12]\n', true],
    ['no heading, nothing else', '\n\n', false],
    ['letters only in a comment', '## S\n\n<!-- words -->\n', true],
    ['letters only in a heading after a carriage return', '## S\n\n*\r## Head\n', true],
    ['a letter after a carriage return', '## S\n\n*\rx\n', false],
  ])('%s', (_, inside, warns) => {
    expect(emptySections(`{{#section "s"}}\n${inside}{{/section}}\n`)).toEqual(warns ? ['section "s" renders empty'] : []);
  });
});

describe('section: warnings not wanted (a build)', () => {
  it('skips the check and renders the same Markdown', () => {
    const body = '{{#section "s"}}\n## S\n\n<!-- words -->\n{{/section}}\n';
    const render = (warnings?: boolean) =>
      renderMarkdown({
        audience: audience(body, `${FRONT}\nsections: [s]`),
        factBase: fb,
        partials: shippedPartials(),
        stamp: STAMP,
        warnings,
      });
    const checked = render();
    const unchecked = render(false);
    expect(checked.warnings.map((w) => w.rule)).toContain('empty-section');
    expect(unchecked.warnings.map((w) => w.rule)).not.toContain('empty-section');
    expect(unchecked.markdown).toBe(checked.markdown);
  });
});
