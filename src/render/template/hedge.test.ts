// Hedged wording ({{fact id hedge=true}}) on a small fact base of its own: who stands
// behind each fact (claimant, outlets, a staff briefing, reports naming no outlet,
// anything else) and its status choose the lead-in; a statement that attributes itself
// gets none; an audience overrides the lead-ins in its front matter.
import { describe, expect, it } from 'vitest';
import { audience, FRONT, STAMP } from '../../../test/fixtures/render.js';
import { UserError } from '../../errors.js';
import { loadFromFiles } from '../../facts/load.js';
import { renderMarkdown } from './render-markdown.js';

/** [id, status, statement, the rest of the fact]: every fact is public unless the rest says otherwise. */
const FACTS: [string, string, string, string][] = [
  ['f.alleged', 'alleged', 'The widget failed in March.', 'claimant: org.acme, origin: src.memo, sources: [{ source: src.paper }]'],
  ['f.says', 'reported', 'The widget failed in March.', 'claimant: org.acme, sources: [{ source: src.paper }]'],
  ['f.disputed', 'disputed', 'The widget failed.', 'claimant: org.acme, sources: [{ source: src.anon }]'],
  ['f.denied', 'denied', 'The widget failed.', 'claimant: org.acme, sources: [{ source: src.anon }]'],
  ['f.one-outlet', 'reported', 'The plant closed.', 'sources: [{ source: src.paper }]'],
  ['f.two-outlets', 'reported', 'The plant closed.', 'sources: [{ source: src.both }]'],
  ['f.outlet-alleged', 'alleged', 'The plant closed early.', 'sources: [{ source: src.paper }]'],
  ['f.press', 'reported', 'The plant closed.', 'sources: [{ source: src.anon }]'],
  ['f.other', 'reported', 'The plant closed.', 'sources: [{ source: src.filing }]'],
  ['f.blog', 'reported', 'Sales rose in May.', 'sources: [{ source: src.blog }]'],
  ['f.attributed', 'alleged', 'Acme estimated the losses at 2 million.', 'claimant: org.acme, sources: [{ source: src.paper }]'],
  ['f.proper', 'reported', "Acme's plant closed.", 'sources: [{ source: src.paper }]'],
  ['f.article', 'reported', 'The White House met Acme on Monday.', 'sources: [{ source: src.paper }]'],
  ['f.confirmed', 'confirmed', 'The plant closed.', 'sources: [{ source: src.paper }]'],
  ['f.no-comment', 'no-comment', 'Acme gave no comment.', 'sources: [{ source: src.anon }]'],
  ['f.staff', 'reported', 'The plant will close.', 'sensitivity: internal, sources: [{ source: src.call }]'],
  ['f.staff-alleged', 'alleged', 'The plant will close.', 'sensitivity: internal, sources: [{ source: src.call }]'],
];

const DATA = `entities:
  - { id: org.acme, name: Acme, kind: company }
  - { id: outlet.paper, name: Daily Paper, kind: outlet, called: the Daily Paper }
  - { id: outlet.wire, name: Wire Service, kind: outlet }
  - { id: office.wh, name: The White House, kind: office, called: the White House }
sources:
  - { id: src.memo, title: Acme's memo, publisher: Acme, kind: statement }
  - { id: src.paper, title: P, via: [outlet.paper] }
  - { id: src.both, title: B, via: [outlet.wire, outlet.paper] }
  - { id: src.anon, title: A }
  - { id: src.call, title: Call, kind: briefing, sensitivity: internal }
  - { id: src.blog, title: Blog post, publisher: Acme, kind: statement }
  - { id: src.filing, title: Filing, publisher: County court, kind: official }
facts:
${FACTS.map(
  ([id, status, statement, rest]) =>
    `  - { id: ${id}, statement: ${JSON.stringify(statement)}, status: ${status}, ${rest.includes('sensitivity:') ? '' : 'sensitivity: public, '}${rest} }\n`,
).join('')}`;

const loaded = loadFromFiles([{ path: 'data/all.yaml', bytes: new TextEncoder().encode(DATA) }]);
const INTERNAL = FRONT.replace('sensitivity: public', 'sensitivity: internal');

function hedge(ids: string[], front = INTERNAL): string[] {
  const body = ids.map((id) => `{{fact "${id}" hedge=true cite=false flag=false}}`).join('\n\n');
  return renderMarkdown({ audience: audience(body, front), factBase: loaded.factBase, partials: [], stamp: STAMP })
    .markdown.trim()
    .split('\n\n');
}

describe('hedged wording', () => {
  it('loads its fixture cleanly', () => expect(loaded.report.errors).toEqual([]));

  it('attributes a claim to its claimant, by status', () => {
    expect(hedge(['f.alleged', 'f.says', 'f.disputed', 'f.denied'])).toEqual([
      'Acme alleges the widget failed in March.',
      'Acme says the widget failed in March.',
      'In a disputed account, Acme says the widget failed.',
      'In an account that has been denied, Acme says the widget failed.',
    ]);
  });

  it('names the outlets that stand behind a fact with no claimant, as a sentence names them', () => {
    expect(hedge(['f.one-outlet', 'f.two-outlets', 'f.outlet-alleged'])).toEqual([
      'According to the Daily Paper, the plant closed.',
      'According to the Daily Paper and Wire Service, the plant closed.',
      'According to the Daily Paper, it is alleged that the plant closed early.',
    ]);
  });

  it('says committee staff were told when a staff briefing is the only source', () => {
    expect(hedge(['f.staff', 'f.staff-alleged'])).toEqual([
      'Committee staff were told the plant will close.',
      'Committee staff were told of an allegation that the plant will close.',
    ]);
  });

  it('falls back to press reports for news naming no outlet, and to "Reportedly" for anything else', () => {
    expect(hedge(['f.press', 'f.other'])).toEqual(['According to press reports, the plant closed.', 'Reportedly, the plant closed.']);
  });

  it('lets a party’s own statement speak for its publisher', () => {
    expect(hedge(['f.blog'])).toEqual(['Acme says sales rose in May.']);
  });

  it('adds no second attribution to a statement that attributes itself, and none to confirmed facts or no-comment records', () => {
    expect(hedge(['f.attributed', 'f.confirmed', 'f.no-comment'])).toEqual([
      'Acme estimated the losses at 2 million.',
      'The plant closed.',
      'Acme gave no comment.',
    ]);
  });

  it('keeps a capital after the lead-in only for a proper noun, not for the article of a name', () => {
    expect(hedge(['f.proper', 'f.article'])).toEqual([
      "According to the Daily Paper, Acme's plant closed.",
      'According to the Daily Paper, the White House met Acme on Monday.',
    ]);
  });

  it('takes an audience’s own lead-ins from its front matter, falling back to the defaults', () => {
    const front = `${INTERNAL}\nhedging:\n  outlets:\n    reported: "{outlets} reported"\n  claimant:\n    alleged: "{claimant} claims"\n  press:\n    reported: ""`;
    expect(hedge(['f.one-outlet', 'f.alleged', 'f.says', 'f.press'], front)).toEqual([
      'The Daily Paper reported the plant closed.',
      'Acme claims the widget failed in March.',
      'Acme says the widget failed in March.',
      'The plant closed.',
    ]);
  });

  it('refuses a lead-in that names what its case cannot fill, at its line', () => {
    const front = `${INTERNAL}\nhedging:\n  press:\n    reported: "{outlets} say"`;
    let error: unknown;
    try {
      hedge(['f.press'], front);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    const e = error as UserError;
    expect(e.message).toContain('front matter "hedging.press.reported": a lead-in here takes no {names}');
    expect(e.diagnostics[0]).toMatchObject({ file: 'templates/audiences/test.md', line: 9 });
  });
});
