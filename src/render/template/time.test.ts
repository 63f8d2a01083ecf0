// Time in a packet: the as-of line, the hearing (upcoming or held against the as-of date),
// the facts to re-check, and staff inference printed as such.
import { describe, expect, it } from 'vitest';
import { audience, FRONT, fixtureFactBase, STAMP, shippedPartials } from '../../../test/fixtures/render.js';
import { hearingStatus, packetTime } from '../../facts/packet-time.js';
import type { ProjectConfig } from '../../project.js';
import { renderMarkdown } from './render-markdown.js';
import { timeView } from './time-view.js';

const HEARING = {
  title: 'Oversight of model extraction',
  committee: 'Senate Committee on Testing',
  date: '2026-06-30',
  time: '10:00 a.m.',
  room: 'not yet known',
  witnesses: ['Ann Witness, Alpha Corp', 'Bob Expert'],
  sensitivity: 'public' as const,
};
const config = (hearing: Record<string, unknown> = HEARING) => ({
  hearing: { sensitivity: 'public', ...hearing } as ProjectConfig['hearing'],
  staleAfterDays: 14,
});

describe('the hearing against the as-of date', () => {
  it.each([
    ['2026-06-29', '2026-06-30', 'upcoming'],
    ['2026-06-30', '2026-06-30', 'today'],
    ['2026-07-01', '2026-06-30', 'held'],
    ['2026-06-05', 'after 2026-06-10', 'upcoming'],
    ['2026-06-25', 'after 2026-06-10', 'unknown'],
    ['2026-06-15', 'late 2026-06', 'upcoming'],
    ['2026-06-25', 'late 2026-06', 'unknown'],
    ['2026-07-01', 'late 2026-06', 'held'],
    ['2026-06-25', 'not yet known', 'unknown'],
  ])('as of %s, a hearing on %s is %s', (asOf, date, status) => {
    const t = packetTime(config({ ...HEARING, date }), '2026-11-30', asOf);
    expect(t.hearing && hearingStatus(t.hearing, t.asOf)).toBe(status);
  });

  it('says the date with its status, and what is not yet known', () => {
    const view = (asOf: string, date: string) => timeView(packetTime(config({ ...HEARING, date }), '2026-11-30', asOf));
    expect(view('2026-06-20', '2026-06-30')).toMatchObject({
      asOf: 'June 20, 2026',
      factsAsOf: 'Facts as of June 20, 2026',
      hearing: {
        when: 'June 30, 2026 (upcoming)',
        line: 'Oversight of model extraction; Senate Committee on Testing; June 30, 2026 (upcoming); 10:00 a.m.',
        running: 'Hearing June 30, 2026 (upcoming)',
        witnessesText: 'Ann Witness, Alpha Corp; Bob Expert',
        upcoming: true,
        held: false,
      },
    });
    expect(view('2026-07-02', '2026-06-30').hearing).toMatchObject({ when: 'June 30, 2026 (held)', held: true, upcoming: false });
    expect(view('2026-06-25', 'after 2026-06-10').hearing?.when).toBe('after June 10, 2026 (may already have been held)');
    const unknown = timeView(
      packetTime(config({ date: 'not yet known', committee: 'not yet known', witnesses: 'not yet known' }), '2026-11-30'),
    );
    expect(unknown.hearing).toMatchObject({
      when: 'not yet known',
      status: 'date not yet known',
      line: 'committee not yet known; date not yet known',
      running: 'Hearing date not yet known',
      witnesses: null,
      witnessesText: 'not yet known',
    });
  });

  it('defaults the as-of date to the build stamp’s, under `asOf:` and `--as-of`', () => {
    expect(packetTime({}, '2026-11-30')).toMatchObject({ asOf: '2026-11-30', asOfFrom: 'stamp' });
    expect(packetTime({ asOf: '2026-06-25' }, '2026-11-30')).toMatchObject({ asOf: '2026-06-25', asOfFrom: 'config' });
    expect(packetTime({ asOf: '2026-06-25' }, '2026-11-30', '2026-07-01')).toMatchObject({ asOf: '2026-07-01', asOfFrom: 'option' });
  });

  it('leaves the hearing out of packets below its sensitivity', () => {
    const internal = config({ ...HEARING, sensitivity: 'internal' });
    expect(packetTime(internal, '2026-11-30', undefined, 'public').hearing).toBeUndefined();
    expect(packetTime(internal, '2026-11-30', undefined, 'internal').hearing?.title).toBe(HEARING.title);
  });
});

const CHECKED = {
  'data/checked.yaml': `facts:
  - id: chk.old
    statement: Checked long ago.
    checked: "2026-05-01"
    status: reported
    sensitivity: public
    tags: [key]
    sources: [{ source: s.one }, { source: s.two, checked: "2026-05-20" }]
  - id: chk.recent
    statement: Checked last week.
    checked: "2026-06-18"
    status: reported
    sensitivity: public
    tags: [key]
    sources: [{ source: s.one }, { source: s.two }]
  - id: chk.oldest
    statement: Checked longest ago.
    status: reported
    sensitivity: public
    tags: [key]
    sources: [{ source: s.one, checked: "2026-04-01" }, { source: s.two }]
`,
};

function render(body: string, front = FRONT, asOf = '2026-06-25', extra: Record<string, string> = {}) {
  const factBase = fixtureFactBase(extra);
  return renderMarkdown({
    audience: audience(body, front),
    factBase,
    partials: shippedPartials(),
    stamp: STAMP,
    time: packetTime(config(HEARING), STAMP.date, asOf),
  }).markdown;
}

describe('template values and partials', () => {
  it('print the as-of line and the hearing in the memo header and the cover', () => {
    const memo = render('{{> memo-header}}', `${FRONT}\nto: The Senator\nfrom: Staff\nsubject: Alpha`);
    expect(memo).toContain('**DATE:** June 26, 2026 · Facts as of June 25, 2026\\\n');
    expect(memo).toContain(
      '**HEARING:** Oversight of model extraction; Senate Committee on Testing; June 30, 2026 (upcoming); 10:00 a.m.\\\n',
    );
    const cover = render('{{> cover}}', `${FRONT}\ncover: true`, '2026-07-01');
    expect(cover).toContain('June 26, 2026 · Facts as of July 1, 2026');
    expect(cover).toContain(
      [
        '- **Hearing:** Oversight of model extraction',
        '- **Committee:** Senate Committee on Testing',
        '- **Date:** June 30, 2026 (held)',
        '- **Time:** 10:00 a.m.',
        '- **Room:** not yet known',
        '- **Witnesses:**',
        '  - Ann Witness, Alpha Corp',
        '  - Bob Expert',
      ].join('\n'),
    );
    expect(render('{{#if hearing.upcoming}}ahead{{/if}}{{#if hearing.held}}past{{/if}}', FRONT, '2026-07-01').trim()).toBe('past');
  });
});

describe('{{recheck}}', () => {
  it('lists facts last checked more than staleAfterDays before the as-of date, oldest first, and counts those never checked', () => {
    const md = render('{{recheck}}', FRONT, '2026-06-25', CHECKED);
    expect(md.trim().split('\n')).toEqual([
      '- Checked longest ago. (`chk.oldest`: last checked April 1, 2026, 85 days before the as-of date)',
      '- Checked long ago. (`chk.old`: last checked May 20, 2026, 36 days before the as-of date)',
      '',
      // pub.alpha, pub.beta, pub.figures: the fixture's internal fact is not this packet's to count.
      '3 facts record no check date: check them against the sources before the hearing.',
    ]);
  });

  it('runs a block per fact with its check date and age, and its else when none is stale', () => {
    const md = render('{{#recheck}}{{id}} {{checked}} {{checkedOn}} {{age}}|{{/recheck}}', FRONT, '2026-06-25', CHECKED);
    expect(md.trim()).toBe('chk.oldest 2026-04-01 April 1, 2026 85|chk.old 2026-05-20 May 20, 2026 36|');
    expect(render('{{#recheck}}{{id}}{{else}}none{{/recheck}}', FRONT, '2026-04-10', CHECKED).trim()).toBe('none');
    expect(render('{{#recheck unchecked=true limit=3}}{{id}}:{{age}} {{/recheck}}', FRONT, '2026-06-25', CHECKED).trim()).toBe(
      'chk.oldest:85 chk.old:36 pub.alpha:',
    );
  });
});

describe('staff inference in a packet', () => {
  const INFERRED = {
    'data/inferred.yaml': `facts:
  - id: inf.order
    statement: The restrictions came before the accusation became public.
    status: inferred
    sensitivity: internal
    sources: [{ source: s.one }]
  - id: inf.stated
    statement: The restrictions probably came first.
    status: inferred
    sensitivity: internal
    sources: [{ source: s.one }]
`,
  };
  const STAFF = FRONT.replace('sensitivity: public', 'sensitivity: internal');

  it('prints with its own lead-in, with or without hedge=true, unless the statement says it is an inference', () => {
    const md = render(
      '{{fact "inf.order" cite=false flag=false}}|{{fact "inf.stated" hedge=true cite=false flag=false}}|{{hedge "inf.order"}}',
      STAFF,
      '2026-06-25',
      INFERRED,
    );
    expect(md.trim()).toBe(
      'It appears that the restrictions came before the accusation became public.|The restrictions probably came first.|apparently',
    );
  });

  it('takes an audience’s own lead-in for inferences', () => {
    const front = `${STAFF}\nhedging: { outlets: { inferred: "Staff infer that" } }`;
    expect(render('{{fact "inf.order" cite=false flag=false}}', front, '2026-06-25', INFERRED).trim()).toBe(
      'Staff infer that the restrictions came before the accusation became public.',
    );
  });
});
