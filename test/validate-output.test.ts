// What `briefbook validate` prints: the summary (its result) on stdout, problems on stderr,
// and a warning repeated more than three times as one group — a count, the first three
// locations, the hint once — unless --verbose asks for every one.
import { describe, expect, it } from 'vitest';
import { run } from './helpers/cli.js';
import { testdir } from './helpers/testdir.js';

const SOURCES = `sources:
  - id: src.a
    title: Report A
    via: [Reuters]
`;
const fact = (id: string, quote = '') => `  - id: ${id}
    statement: A statement about ${id}.
    status: alleged
    sensitivity: public
    sources: [{ source: src.a${quote ? `, quote: "${quote}"` : ''} }]
`;
const LONG = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');

function project(n: number) {
  const facts = Array.from({ length: n }, (_, i) => fact(`f${i + 1}`, i === 0 ? LONG : '')).join('');
  return testdir({ 'data/sources.yaml': SOURCES, 'data/facts.yaml': `facts:\n${facts}` });
}

describe('validate output', () => {
  it('prints the summary on stdout and groups a repeated warning by its rule', () => {
    const r = run(['-C', project(6), 'validate']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'ok: 0 error(s), 7 warning(s) in 6 facts, 1 sources, 0 entities, 0 events, 0 questions, 0 glossary, 0 analysis\n',
    );
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toEqual([
      // In the place of its first warning.
      'warning: single-source, 6 times:',
      '  data/facts.yaml:2:5: fact "f1" rests on a single source: one origin (Reuters) in 1 document (facts[0])',
      '  data/facts.yaml:7:5: fact "f2" rests on a single source: one origin (Reuters) in 1 document (facts[1])',
      '  data/facts.yaml:12:5: fact "f3" rests on a single source: one origin (Reuters) in 1 document (facts[2])',
      '  … and 3 more like them (--verbose lists every one)',
      expect.stringMatching(/^ {2}hint: find an independent source/),
      // One long quote: printed as it is.
      'data/facts.yaml:6:39: warning: quote is 30 words long (facts[0].sources[0].quote)',
      expect.stringMatching(/^ {2}hint: quote only the few words/),
    ]);
  });

  it('lists every warning with --verbose, and three or fewer of a kind one by one', () => {
    const verbose = run(['-C', project(6), 'validate', '--verbose']);
    expect(verbose.stderr.match(/warning: fact "f\d" rests on a single source/g)).toHaveLength(6);
    expect(verbose.stderr).not.toContain('more like them');
    const few = run(['-C', project(3), 'validate']);
    expect(few.stderr.match(/warning: fact "f\d" rests on a single source/g)).toHaveLength(3);
    expect(few.stderr).not.toContain('times:');
  });

  it('names the rule of each warning in --json', () => {
    const report = JSON.parse(run(['-C', project(4), 'validate', '--json']).stdout);
    expect(report.warnings.map((w: { rule: string }) => w.rule)).toEqual([
      'single-source',
      'long-quote',
      'single-source',
      'single-source',
      'single-source',
    ]);
  });
});
