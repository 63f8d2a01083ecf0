// validate's rules about time and judgement, on small fact bases: an event dated where none
// of its facts can be; an event's `end`; a staff inference made public without saying so;
// and date syntax errors at their node.
import { describe, expect, it } from 'vitest';
import { loadFromFiles } from './load.js';

const SOURCES = `sources:
  - id: s.one
    title: One report
  - id: s.two
    title: Another report
`;

function check(facts: string, events = '') {
  const files = [
    { path: 'data/sources.yaml', text: SOURCES },
    { path: 'data/facts.yaml', text: `facts:\n${facts}` },
    ...(events ? [{ path: 'data/events.yaml', text: `events:\n${events}` }] : []),
  ].map((f) => ({ path: f.path, bytes: new TextEncoder().encode(f.text) }));
  return loadFromFiles(files).report;
}

const fact = (id: string, extra: string, status = 'reported', sensitivity = 'public') => `  - id: ${id}
    statement: Something about ${id}.
${extra}    status: ${status}
    sensitivity: ${sensitivity}
    sources: [{ source: s.one }, { source: s.two }]
`;

describe('an event against the dates of the facts it rests on', () => {
  it('warns, at the event’s date, when no date a fact gives can be the event’s', () => {
    const report = check(
      fact('f.public', '    date: "2026-06-24"\n'),
      `  - id: ev.letter
    date: "2026-06-10"
    title: Letter sent
    facts: [f.public]
`,
    );
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([
      expect.objectContaining({
        file: 'data/events.yaml',
        line: 3,
        column: 11,
        path: 'events[0].date',
        message: 'event "ev.letter" is dated June 10, 2026, but fact "f.public" it rests on gives June 24, 2026: they cannot both be right',
      }),
    ]);
  });

  it('accepts overlapping dates, uncertain ones and facts whose variants differ on the date', () => {
    const report = check(
      fact('f.month', '    date: "2026-06"\n') +
        fact('f.after', '    date: on or after 2026-06-25\n') +
        fact('f.period', '    period: { from: late 2026-04, to: early 2026-06 }\n') +
        fact('f.undated', '') +
        `  - id: f.variants
    statement: Reports differ on the day.
    status: reported
    sensitivity: public
    variants:
      - statement: On June 10.
        date: "2026-06-10"
        sources: [{ source: s.one }]
      - statement: On June 24.
        date: "2026-06-24"
        sources: [{ source: s.two }]
`,
      `  - id: ev.a
    date: early 2026-06
    title: A
    facts: [f.month, f.period, f.undated]
  - id: ev.b
    date: "2026-07-02"
    title: B
    facts: [f.after]
  - id: ev.c
    date: "2026-06-24"
    title: C
    facts: [f.variants]
`,
    );
    expect([report.errors, report.warnings]).toEqual([[], []]);
  });

  it('refuses an end that makes no span, at the end', () => {
    const report = check(
      fact('f.x', ''),
      `  - id: ev.backwards
    date: "2026-06-10"
    end: "2026-06-01"
    title: Backwards
  - id: ev.double
    date: late 2026-04 .. early 2026-06
    end: "2026-06-30"
    title: Two ends
`,
    );
    expect(report.errors.map((e) => [e.line, e.message])).toEqual([
      [4, 'event "ev.backwards" ends (2026-06-01) before it begins (2026-06-10)'],
      [8, 'event "ev.double" has `end` with a date that is not a plain date ("late 2026-04 .. early 2026-06")'],
    ]);
  });

  it('reports a date it cannot read at its node, with the forms that work', () => {
    const report = check(fact('f.bad', '    date: June 2026\n') + fact('f.checked', '    checked: "2026-06"\n'));
    expect(report.errors.map((e) => [e.line, e.column, e.message, e.hint])).toEqual([
      [4, 11, '"June 2026" is not a date', expect.stringContaining('"early|mid|late YYYY-MM"')],
      [10, 14, 'a check date is a day, YYYY-MM-DD', 'write the day you checked it, e.g. 2026-06-24'],
    ]);
  });
});

describe('staff inference', () => {
  it('may be public only when its statement says it is an inference', () => {
    const report = check(
      `  - id: f.plain
    statement: Commerce acted before the accusation became public.
    status: inferred
    sensitivity: public
    sources: [{ source: s.one }]
  - id: f.stated
    statement: Commerce probably acted before the accusation became public.
    status: inferred
    sensitivity: public
    sources: [{ source: s.one }]
  - id: f.internal
    statement: Commerce acted before the accusation became public.
    status: inferred
    sensitivity: internal
    sources: [{ source: s.one }]
`,
    );
    expect(report.errors).toEqual([
      expect.objectContaining({
        line: 3,
        path: 'facts[0].statement',
        message: 'public fact "f.plain" is a staff inference (status: inferred), but its statement reads as established fact',
        hint: 'say it is an inference in the statement ("It appears that …", "… probably …"), or make the fact internal',
      }),
    ]);
  });
});
