// The table of bad inputs from the fact-base issue: each must end in exit 1 with a
// message naming file, line and column, and must touch nothing.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './helpers/cli.js';
import { testdir } from './helpers/testdir.js';

const SOURCES = `sources:
  - id: src.a
    title: Report A
    via: [Reuters]
  - id: src.b
    title: Report B
    via: [Financial Times]
`;

const fact = (id: string, extra = '') => `  - id: ${id}
    statement: A statement about ${id}.
    status: alleged
    sensitivity: public
    sources: [{ source: src.a }, { source: src.b }]${extra}
`;

interface Case {
  name: string;
  files: Record<string, string | Uint8Array>;
  file: string;
  line: number;
  column: number;
  message: RegExp;
}

const bomb = `a: &a ["x","x","x","x","x","x","x","x","x","x"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h,*h]
`;

const CASES: Case[] = [
  {
    name: 'malformed YAML',
    files: { 'data/facts.yaml': `facts:\n  - id: a\n    statement: "never closed\n    status: alleged\n` },
    file: 'data/facts.yaml',
    line: 3,
    column: 16,
    message: /quoted text opened here is never closed/,
  },
  {
    name: 'tab-indented file',
    files: { 'data/facts.yaml': `facts:\n\t- id: a\n` },
    file: 'data/facts.yaml',
    line: 2,
    column: 1,
    message: /[Tt]ab/,
  },
  { name: 'empty file', files: { 'data/facts.yaml': '\n\n' }, file: 'data/facts.yaml', line: 1, column: 1, message: /file is empty/ },
  {
    name: 'a list where a map is expected',
    files: { 'data/facts.yaml': `- id: a\n  statement: x\n` },
    file: 'data/facts.yaml',
    line: 1,
    column: 1,
    message: /expected a map of sections, got a list/,
  },
  {
    name: 'unknown field',
    files: { 'data/facts.yaml': `facts:\n${fact('a')}    statment: typo\n` },
    file: 'data/facts.yaml',
    line: 7,
    column: 5,
    message: /unknown field "statment"/,
  },
  {
    name: 'wrong type',
    files: { 'data/facts.yaml': `facts:\n${fact('a')}    tags: campaign\n` },
    file: 'data/facts.yaml',
    line: 7,
    column: 11,
    message: /expected array/,
  },
  {
    name: 'bad status value',
    files: { 'data/facts.yaml': `facts:\n${fact('a').replace('alleged', 'rumoured')}` },
    file: 'data/facts.yaml',
    line: 4,
    column: 13,
    message: /expected one of/,
  },
  {
    name: 'bad date',
    files: { 'data/facts.yaml': `facts:\n${fact('a')}    date: 2026-02-30\n` },
    file: 'data/facts.yaml',
    line: 7,
    column: 11,
    message: /not a real calendar date/,
  },
  {
    name: 'missing required field',
    files: { 'data/facts.yaml': `facts:\n  - id: a\n    statement: x\n    sensitivity: public\n    sources: [{ source: src.a }]\n` },
    file: 'data/facts.yaml',
    line: 2,
    column: 5,
    message: /missing required field "status"/,
  },
  {
    name: 'duplicate ids across files',
    files: { 'data/one.yaml': `facts:\n${fact('dup')}`, 'data/two.yaml': `facts:\n${fact('other')}${fact('dup')}` },
    file: 'data/two.yaml',
    line: 7,
    column: 9,
    message: /duplicate fact id "dup", first defined at data\/one.yaml:2:9/,
  },
  {
    name: 'dangling source reference',
    files: { 'data/facts.yaml': `facts:\n${fact('a').replace('src.b', 'src.bb')}` },
    file: 'data/facts.yaml',
    line: 6,
    column: 44,
    message: /unknown source "src.bb"/,
  },
  {
    name: 'fact with no source',
    files: { 'data/facts.yaml': `facts:\n  - id: a\n    statement: x\n    status: alleged\n    sensitivity: public\n` },
    file: 'data/facts.yaml',
    line: 2,
    column: 5,
    message: /fact "a" has no source/,
  },
  {
    name: 'alias bomb (billion laughs)',
    files: { 'data/bomb.yaml': bomb },
    file: 'data/bomb.yaml',
    line: 1,
    column: 1,
    message: /aliases expand too far/,
  },
  {
    name: 'nesting too deep',
    files: { 'data/deep.yaml': `facts: ${'['.repeat(40)}${']'.repeat(40)}\n` },
    file: 'data/deep.yaml',
    line: 1,
    column: 1,
    message: /nesting is 33 levels deep, over the limit of 32/,
  },
  {
    name: 'a 50 MB file',
    files: { 'data/huge.yaml': `facts:\n${'  # padding padding padding padding padding padding padding padding\n'.repeat(760_000)}` },
    file: 'data/huge.yaml',
    line: 1,
    column: 1,
    message: /file is \d\d\.\d MB, over the 8\.0 MB limit/,
  },
  {
    name: 'non-UTF-8 bytes',
    files: {
      'data/latin1.yaml': Buffer.concat([Buffer.from('facts:\n  - id: a\n    statement: caf'), Buffer.from([0xe9]), Buffer.from('\n')]),
    },
    file: 'data/latin1.yaml',
    line: 3,
    column: 19,
    message: /not valid UTF-8/,
  },
  {
    name: 'a blank statement (it would turn the line above it into a heading)',
    files: { 'data/facts.yaml': `facts:\n${fact('a').replace('A statement about a.', '" "')}` },
    file: 'data/facts.yaml',
    line: 3,
    column: 16,
    message: /the text is blank: it has no visible characters/,
  },
  {
    name: 'a question answered only with control characters',
    files: {
      'data/facts.yaml': `facts:\n${fact('a')}questions:\n  - id: q.a\n    question: Why?\n    answer: "\\u0007\\u200b \\t"\n    facts: [a]\n`,
    },
    file: 'data/facts.yaml',
    line: 10,
    column: 13,
    message: /the text is blank/,
  },
  {
    name: 'a range with min above max',
    files: { 'data/facts.yaml': `facts:\n${fact('a')}    value: { min: 5, max: 1, unit: accounts }\n` },
    file: 'data/facts.yaml',
    line: 7,
    column: 27,
    message: /max \(1\) is below min \(5\); a range runs from min up to max/,
  },
  {
    name: 'a BOM does not shift locations',
    files: { 'data/facts.yaml': `\uFEFFfacts:\n${fact('a')}    colour: red\n` },
    file: 'data/facts.yaml',
    line: 7,
    column: 5,
    message: /unknown field "colour"/,
  },
  {
    name: 'Windows line endings do not shift locations',
    files: { 'data/facts.yaml': `facts:\n${fact('a')}    colour: red\n`.replace(/\n/g, '\r\n') },
    file: 'data/facts.yaml',
    line: 7,
    column: 5,
    message: /unknown field "colour"/,
  },
];

describe('validate: bad input', () => {
  it.each(CASES)('$name → $file:$line:$column', (c) => {
    const root = testdir({ 'data/sources.yaml': SOURCES, ...c.files });
    const before = readdirSync(root, { recursive: true }).sort();
    const started = Date.now();
    const r = run(['-C', root, 'validate', '--json']);
    expect(Date.now() - started).toBeLessThan(20_000); // refusals are quick, never a hang
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.ok).toBe(false);
    const hit = report.errors.find((e: { message: string }) => c.message.test(e.message));
    expect(hit, `errors were: ${JSON.stringify(report.errors, null, 1)}`).toBeDefined();
    expect({ file: hit.file, line: hit.line, column: hit.column }).toEqual({ file: c.file, line: c.line, column: c.column });
    expect(hit.hint).not.toBe('');
    expect(readdirSync(root, { recursive: true }).sort()).toEqual(before);
    expect(existsSync(join(root, 'out'))).toBe(false);

    const human = run(['-C', root, 'validate']);
    expect(human.code).toBe(1);
    expect(human.stderr).toContain(`${c.file}:${c.line}:${c.column}: error:`);
  });

  it('reports every problem at once, across files', () => {
    const root = testdir({
      'data/sources.yaml': SOURCES,
      'data/a.yaml': `facts:\n${fact('a')}    colour: red\n`,
      'data/b.yaml': `facts:\n${fact('b').replace('alleged', 'rumoured')}`,
      'data/c.yaml': `events:\n  - id: e\n    date: 2026-06-10\n    title: T\n    facts: [missing]\n`,
    });
    const report = JSON.parse(run(['-C', root, 'validate', '--json']).stdout);
    expect(report.errors.map((e: { file: string }) => e.file)).toEqual(['data/a.yaml', 'data/b.yaml', 'data/c.yaml']);
  });

  it('does not cascade: references to an invalid item are not reported again', () => {
    const root = testdir({
      'data/sources.yaml': SOURCES,
      'data/a.yaml': `facts:\n${fact('a')}    colour: red\n`,
      'data/q.yaml': `questions:\n  - id: q\n    question: Q?\n    answer: A.\n    facts: [a]\n`,
    });
    const report = JSON.parse(run(['-C', root, 'validate', '--json']).stdout);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0].message).toMatch(/unknown field "colour"/);
  });

  it('bad command line exits 2', () => {
    const root = testdir({ 'data/sources.yaml': SOURCES });
    expect(run(['-C', root, 'validate', '--no-such-flag']).code).toBe(2);
    expect(run(['-C', root, 'frobnicate']).code).toBe(2);
  });
});
