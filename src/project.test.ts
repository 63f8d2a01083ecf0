// briefbook.yaml: the as-of date, the hearing and staleness settings, and errors located at
// the line that is wrong.
import { describe, expect, it } from 'vitest';
import { testdir } from '../test/helpers/testdir.js';
import { UserError } from './errors.js';
import { SENSITIVITIES } from './facts/kinds.js';
import { openProject } from './project.js';

const open = (config: string) => openProject(testdir({ 'briefbook.yaml': config, 'data/.keep': '' }));

function refusal(config: string): UserError {
  try {
    open(config);
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('expected the config to be refused');
}

describe('briefbook.yaml', () => {
  it('reads the hearing, the as-of date and the staleness limit; every key optional', () => {
    const { config } = open(`asOf: 2026-06-25
staleAfterDays: 7
hearing:
  title: Oversight of model extraction
  committee: not yet known
  date: after 2026-06-10
  witnesses: not yet known
`);
    expect(config).toMatchObject({
      asOf: '2026-06-25',
      staleAfterDays: 7,
      hearing: {
        title: 'Oversight of model extraction',
        committee: 'not yet known',
        date: 'after 2026-06-10',
        witnesses: 'not yet known',
        sensitivity: 'public',
      },
    });
    expect(open('title: x\n').config).toMatchObject({ staleAfterDays: 14 });
    expect(open('title: x\n').config.hearing).toBeUndefined();
  });

  it.each([
    ['asOf: 2026-06\n', 1, 7, 'invalid project config: asOf: asOf is a day, YYYY-MM-DD'],
    ['title: x\nhearing:\n  date: June 30\n', 3, 9, 'invalid project config: hearing.date: not a date;'],
    [
      'title: x\nhearing:\n  witnesses: [Ann, 3]\n',
      3,
      14,
      'invalid project config: hearing.witnesses: a list of witnesses ("Name, title"), or "not yet known"',
    ],
    ['hearing:\n  title: x\n  roomm: 538\n', 3, 10, 'invalid project config: hearing.roomm: Unrecognized key: "roomm"'],
    ['staleAfterDays: -1\n', 1, 17, 'invalid project config: staleAfterDays:'],
    ['title: [unclosed\n', 2, 1, 'cannot parse the project config'],
  ])('refuses %j at its line', (config, line, column, message) => {
    const e = refusal(config);
    expect(e.message).toContain(`briefbook.yaml:${line}:${column}: ${message}`);
    expect(e.hint).toBeTruthy();
  });

  it('takes the fact base’s sensitivity levels for the hearing', () => {
    for (const level of SENSITIVITIES) expect(open(`hearing:\n  sensitivity: ${level}\n`).config.hearing?.sensitivity).toBe(level);
    expect(refusal('hearing:\n  sensitivity: secret\n').message).toContain('briefbook.yaml:2:16:');
  });

  it('names the hearing’s keys when one is misspelt', () => {
    expect(refusal('hearing:\n  roomm: 538\n').hint).toContain('under hearing: title, committee, date, time, room, witnesses, sensitivity');
  });

  it('reads a config the same by js-yaml and, where it must, by `yaml` (util/quick-yaml.ts)', () => {
    const plain = `# the hearing
title: "Oversight: model extraction"
asOf: 2026-06-25
staleAfterDays: 0x1E
formats: [md, html]
hearing:
  title: 'Senate hearing'
  witnesses: not yet known
  room: "538"
`;
    // An anchor sends the same settings through `yaml` (the located path) instead.
    const anchored = plain.replace("title: 'Senate hearing'", "title: &t 'Senate hearing'");
    const quick = open(plain).config;
    expect(quick.staleAfterDays).toBe(30);
    expect(quick.hearing?.room).toBe('538');
    expect(open(anchored).config).toEqual(quick);
    expect(open('').config).toEqual(open('# nothing set\n').config);
  });
});
