// Inside a loop, a bare name the item has is the item's field, even where a helper has the
// same name ({{date}}, {{statement}}, {{value}}, {{status}}, {{corroboration}}, {{quote}}).
import { describe, expect, it } from 'vitest';
import { audience, FRONT, fixtureFactBase, STAMP, shippedPartials } from '../../../../test/fixtures/render.js';
import { userError } from '../../../../test/helpers/errors.js';
import { renderMarkdown } from '../render-markdown.js';

const fb = fixtureFactBase();
const render = (body: string) =>
  renderMarkdown({ audience: audience(body), factBase: fb, partials: shippedPartials(), stamp: STAMP }).markdown;
const BODY_LINE = FRONT.split('\n').length + 3;

describe('loop items’ own fields win over helpers of the same name', () => {
  it('prints the event’s date and the fact’s statement, status, value and corroboration', () => {
    expect(render('{{#events all=true}}[{{date}}|{{title}}]{{/events}}')).toContain('[2026-06-10|The letter is sent]');
    const md = render('{{#facts "pub.beta" "pub.figures"}}<{{statement}}|{{status}}|{{value}}|{{corroboration}}>{{/facts}}');
    expect(md).toContain('<the letter reached the committee chair before the hearing.|reported||1>');
    expect(md).toContain('<Reports give the number of accounts differently.|alleged||2>');
  });

  it('reaches a variant’s fields inside {{#each variants}}', () => {
    const md = render('{{#facts "pub.figures"}}{{#each variants}}({{statement}}: {{value}}){{/each}}{{/facts}}');
    expect(md).toContain('(Thousands of accounts.: thousands of accounts)(Nearly 12,000 accounts.: nearly 12,000 accounts)');
  });

  it('still runs the helper when it is given an argument, and outside loops', () => {
    const md = render('{{#events all=true}}{{date date}};{{/events}}|{{statement "pub.beta"}}');
    expect(md).toContain('June 10, 2026;');
    expect(md).toContain('|the letter reached the committee chair before the hearing.');
  });

  it('keeps a block helper a block helper: {{#facts}} inside {{#questions}} is the list, not the question’s ids', () => {
    const md = render('{{#questions tag="member"}}{{#facts facts}}[{{id}}]{{/facts}}{{/questions}}');
    expect(md).toContain('[pub.alpha]');
  });

  it('names the item’s fields when a loop uses a field it does not have', () => {
    const e = userError(() => render('\n{{#events all=true}}{{name}}{{/events}}'));
    expect(e.diagnostics[0]).toMatchObject({ file: 'templates/audiences/test.md', line: BODY_LINE + 1 });
    expect(e.diagnostics[0]?.message).toBe('template: the item of this loop has no field "name"');
    expect(e.diagnostics[0]?.hint).toBe(
      '"name" is the packet\'s, not the item\'s: write {{@root.name}}. did you mean "date"? The item\'s fields: id, date, end, title, facts.',
    );
    const typo = userError(() => render('{{#facts "pub.beta"}}{{statment}}{{/facts}}'));
    expect(typo.diagnostics[0]?.hint).toMatch(/^did you mean "statement"\? The item's fields: id, statement, status,/);
  });
});
