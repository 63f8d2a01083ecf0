// The timeline and {{#events}} on a fixture of dates at every precision: the order the docs
// promise (earliest possible day, then latest; an item known only to be before a day at
// that day), and each date in words that say what is not known.
import { describe, expect, it } from 'vitest';
import { audience, FRONT, fixtureFactBase, STAMP, shippedPartials } from '../../../test/fixtures/render.js';
import { UserError } from '../../errors.js';
import { renderMarkdown } from './render-markdown.js';

const EVENTS = `events:
  - id: ev.digest
    date: on or after 2026-06-25
    title: Digest published
  - id: ev.public
    date: "2026-06-24"
    title: Accusation public
  - id: ev.listing
    date: "2026-06"
    title: Listing (day not given)
  - id: ev.letter
    date: "2026-06-10"
    title: Letter sent
  - id: ev.campaign-end
    date: early 2026-06
    title: Campaign ends
  - id: ev.campaign
    date: late 2026-04 .. early 2026-06
    title: Campaign runs
  - id: ev.before
    date: before 2026-06-12
    title: Known only to be before June 12
  - id: ev.restrictions
    date: after 2026-06-10
    title: Restrictions, days after the letter
  - id: ev.year
    date: "2026"
    title: Some time in 2026
  - id: ev.span-with-end
    date: "2026-05-01"
    end: "2026-05-03"
    title: Three-day span
`;

const fb = fixtureFactBase({ 'data/events.yaml': EVENTS });
const render = (body: string) =>
  renderMarkdown({ audience: audience(body, FRONT), factBase: fb, partials: shippedPartials(), stamp: STAMP }).markdown;

describe('the timeline', () => {
  it('orders day, month, part-of-month, span, bounded and open dates by the documented rule', () => {
    const rows = render('{{timeline all=true}}')
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('| Date'))
      .map((l) =>
        l
          .split(' | ')
          .slice(0, 2)
          .join(' | ')
          .slice(2)
          .replace(/(\[\^\d+\])? \|$/, ''),
      );
    expect(rows).toEqual([
      '2026 (month and day not reported) | Some time in 2026',
      'late Apr. to early June 2026 | Campaign runs',
      'May 1–3, 2026 | Three-day span',
      'early June 2026 | Campaign ends',
      'June 2026 (day not reported) | Listing (day not given)',
      'June 10, 2026 | Letter sent',
      'before June 12, 2026 | Known only to be before June 12',
      'after June 10, 2026 | Restrictions, days after the letter',
      'June 24, 2026 | Accusation public',
      'on or after June 25, 2026 | Digest published',
    ]);
  });

  it('never lists an event before one it must follow', () => {
    const order = render('{{#events all=true}}{{id}}\n{{/events}}').trim().split('\n');
    // "must follow": its earliest day is after the other's latest.
    const mustFollow: [string, string][] = [
      ['ev.campaign-end', 'ev.letter'], // early June (1–10) can be no later than the letter
      ['ev.letter', 'ev.restrictions'],
      ['ev.public', 'ev.digest'],
      ['ev.campaign', 'ev.public'],
      ['ev.span-with-end', 'ev.letter'],
    ];
    for (const [first, then] of mustFollow) expect(order.indexOf(first), `${first} before ${then}`).toBeLessThan(order.indexOf(then));
  });

  it('prints an event’s date in a block through the date helper', () => {
    const md = render('{{#events all=true limit=3}}{{date date end=end flag=true}}; {{/events}}');
    expect(md.trim()).toBe('2026 (month and day not reported); late April to early June 2026; May 1–3, 2026;');
  });

  it('says any date form in words, and refuses one that is no date at its line', () => {
    expect(
      render(
        '{{date "early 2026-06"}}|{{date "on or after 2026-06-25" short=true}}|{{date "2026-06" flag=true}}|{{dateLong "2026-06"}}',
      ).trim(),
    ).toBe('early June 2026|on or after June 25, 2026|June 2026 (day not reported)|June 2026');
    let error: unknown;
    try {
      render('line one\n{{date "June 2026"}}');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe('templates/audiences/test.md:9:1: "June 2026" is not a date');
    expect((error as UserError).hint).toContain('early|mid|late YYYY-MM');
  });
});
