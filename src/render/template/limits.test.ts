// Templates that would recurse or multiply without end are refused at once, at the line
// that does it (before: a RangeError stack with exit 70, or 56 s of work first).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audience, fixtureFactBase, INTERNAL_FRONT, STAMP } from '../../../test/fixtures/render.js';
import { REPO } from '../../../test/helpers/cli.js';
import { userError } from '../../../test/helpers/errors.js';
import type { UserError } from '../../errors.js';
import { loadFactBase } from '../../facts/load.js';
import { TEMPLATE_LIMITS } from './limits.js';
import { renderMarkdown } from './render-markdown.js';

const partial = (name: string, source: string) => ({ name, file: `templates/partials/${name}.hbs`, source });

function refusal(body: string, partials: ReturnType<typeof partial>[] = [], factBase = fixtureFactBase()): UserError {
  const started = performance.now();
  const err = userError(() => renderMarkdown({ audience: audience(body, INTERNAL_FRONT), factBase, partials, stamp: STAMP }));
  // Refused straight away, not after running until a limit of the machine.
  expect(performance.now() - started).toBeLessThan(2_000);
  return err;
}

describe('template recursion', () => {
  it('refuses a partial that includes itself, at the include', () => {
    const err = refusal('{{> loop}}', [partial('loop', 'line one\n  again: {{> loop}}\n')]);
    expect(err.diagnostics[0]).toMatchObject({ file: 'templates/partials/loop.hbs', line: 2, column: 10 });
    expect(err.message).toContain('partial "loop" includes itself: {{> loop}} → {{> loop}}');
  });

  it('refuses a → b → a, naming the loop', () => {
    const err = refusal('x\n{{> a}}', [partial('a', '{{> b}}'), partial('b', 'b\n{{#if title}}{{> a}}{{/if}}')]);
    expect(err.diagnostics[0]).toMatchObject({ file: 'templates/partials/b.hbs', line: 2, column: 14 });
    expect(err.message).toContain('partial "a" includes itself: {{> a}} → {{> b}} → {{> a}}');
  });

  it('refuses an inline partial that includes itself', () => {
    const err = refusal('{{#*inline "x"}}deeper {{> x}}{{/inline}}\n{{> x}}');
    expect(err.message).toMatch(/template: recursion too deep/);
    expect(err.diagnostics[0]?.file).toBe('templates/audiences/test.md');
  });

  it(`refuses partials nested deeper than ${TEMPLATE_LIMITS.partialDepth}`, () => {
    /** `depth` partials, each including the next, the last printing "end". */
    const chain = (depth: number) => Array.from({ length: depth }, (_, i) => partial(`p${i}`, i === depth - 1 ? 'end' : `{{> p${i + 1}}}`));
    const over = TEMPLATE_LIMITS.partialDepth + 1;
    expect(refusal('{{> p0}}', chain(over)).message).toContain(`partials nested ${over} deep, over the limit of ${over - 1}`);
    const fits = chain(TEMPLATE_LIMITS.partialDepth);
    expect(renderMarkdown({ audience: audience('{{> p0}}'), factBase: fixtureFactBase(), partials: fits, stamp: STAMP }).markdown).toBe(
      'end\n',
    );
  });
});

describe('nested list blocks', () => {
  const nest = (n: number) => `${'{{#facts all=true}}'.repeat(n)}x${'{{/facts}}'.repeat(n)}`;

  it('refuses lists nested four deep at the fourth', () => {
    const err = refusal(`a\n${nest(4)}`);
    expect(err.diagnostics[0]).toMatchObject({ line: 9, column: 1 + 3 * '{{#facts all=true}}'.length });
    expect(err.message).toContain(`list blocks nested 4 deep, over the limit of ${TEMPLATE_LIMITS.listNesting}`);
  });

  it('refuses three deep over the shipped fact base (216,000 runs), at once', async () => {
    const { factBase } = await loadFactBase(REPO, join(REPO, 'data'));
    const err = refusal(nest(3), [], factBase);
    expect(err.message).toMatch(/this block would run \d+ times \(its \d+ items for every item of the blocks around it\)/);
  });

  it('renders lists nested two deep', () => {
    const md = renderMarkdown({ audience: audience(nest(2)), factBase: fixtureFactBase(), partials: [], stamp: STAMP }).markdown;
    expect(md).toBe(`${'x'.repeat(9)}\n`);
  });
});
