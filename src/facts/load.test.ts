import { describe, expect, it } from 'vitest';
import { loadFromFiles } from './load.js';

const file = (path: string, text: string) => ({ path, bytes: new TextEncoder().encode(text) });

const SOURCES = file(
  'data/sources.yaml',
  'sources:\n  - id: src.a\n    title: A\n    via: [Reuters]\n  - id: src.b\n    title: B\n    via: [Reuters]\n',
);

describe('loading a valid fact base', () => {
  it('locates warnings at the item id line (fast path) ', () => {
    const { report, factBase } = loadFromFiles([
      SOURCES,
      file(
        'data/f.yaml',
        'facts:\n  - id: one\n    statement: S.\n    status: alleged\n    sensitivity: public\n    sources: [{ source: src.a }]\n\n  - statement: T.\n    id: "two"\n    status: reported\n    sensitivity: public\n    sources: [{ source: src.a }, { source: src.b }]\n',
      ),
    ]);
    expect(report.errors).toEqual([]);
    expect(factBase.facts.size).toBe(2);
    expect(report.warnings.map((w) => [w.file, w.line, w.column, w.message])).toEqual([
      ['data/f.yaml', 2, 5, 'fact "one" rests on a single source: one origin (Reuters) in 1 document'],
      // Two reports that both repeat Reuters are one origin.
      ['data/f.yaml', 9, 5, 'fact "two" rests on a single source: one origin (Reuters) in 2 documents'],
    ]);
  });

  it('makes no warnings when only errors are wanted (a build), and the same fact base and errors', () => {
    const files = [
      SOURCES,
      file(
        'data/f.yaml',
        'facts:\n  - id: one\n    statement: S.\n    status: alleged\n    sensitivity: public\n    sources: [{ source: src.a }, { source: src.x }]\n',
      ),
    ];
    const full = loadFromFiles(files);
    const quiet = loadFromFiles(files, { warnings: false });
    expect(full.report.warnings.length).toBeGreaterThan(0);
    expect(quiet.report.warnings).toEqual([]);
    expect(quiet.report.errors).toEqual(full.report.errors);
    expect(quiet.report.errors.map((e) => e.message)).toEqual(['unknown source "src.x"']);
    expect([...quiet.factBase.facts.keys()]).toEqual([...full.factBase.facts.keys()]);
  });

  it('accepts anchors and aliases within the limit (slow path) and reads them the same', () => {
    const text =
      'facts:\n  - id: one\n    statement: S & T.\n    status: alleged\n    sensitivity: public\n    tags: &t [a, b]\n    sources: [{ source: src.a }, { source: src.b }]\n  - id: two\n    statement: U.\n    status: alleged\n    sensitivity: public\n    tags: *t\n    sources: [{ source: src.a }, { source: src.b }]\n';
    const { report, factBase } = loadFromFiles([SOURCES, file('data/f.yaml', text)]);
    expect(report.errors).toEqual([]);
    expect(factBase.facts.get('two')?.tags).toEqual(['a', 'b']);
    expect(factBase.facts.get('one')?.statement).toBe('S & T.');
  });

  it('reads dates as text, never as timestamps, on both paths', () => {
    const fast =
      'facts:\n  - id: d\n    statement: S.\n    date: 2026-06-10\n    status: alleged\n    sensitivity: public\n    sources: [{ source: src.a }]\n';
    for (const text of [fast, `${fast}# forces the slow path: &\n`]) {
      const { factBase, report } = loadFromFiles([SOURCES, file('data/f.yaml', text)]);
      expect(report.errors).toEqual([]);
      expect(factBase.facts.get('d')?.date).toBe('2026-06-10');
    }
  });
});

describe('locations after items that failed the schema', () => {
  // A fact that fails the schema is left out of the fact base; every later problem in the
  // same file must still be reported at its own line, not at the item before it.
  const fact = (id: string, extra = '', source = 'src.a') =>
    `  - id: ${id}\n    statement: S ${id}.\n${extra}    status: alleged\n    sensitivity: public\n    sources: [{ source: ${source} }, { source: src.b }]\n\n`;
  const text = `facts:\n${fact('one', '    statment: typo\n')}${fact('two')}${fact('three', '    date: yesterday\n')}${fact('four', '', 'src.nope')}${fact('five', '', 'src.zzz')}`;
  const lines = text.split('\n');
  const lineOf = (needle: string, from = 0) => lines.findIndex((l, i) => i >= from && l.includes(needle)) + 1;

  for (const path of ['fast', 'slow'] as const) {
    it(`keeps every error and warning at its own line (${path} path)`, () => {
      const body = path === 'fast' ? text : `${text}# an anchor sign forces the slow path: &\n`;
      const { report } = loadFromFiles([SOURCES, file('data/f.yaml', body)]);
      const shown = (d: { line: number; column: number; message: string; path: string }) => [d.line, d.column, d.path, d.message];
      expect(report.errors.map(shown)).toEqual([
        [lineOf('statment'), 5, 'facts[0].statment', 'unknown field "statment"'],
        [lineOf('yesterday'), 11, 'facts[2].date', expect.any(String)],
        [lineOf('src.nope'), 25, 'facts[3].sources[0].source', 'unknown source "src.nope"'],
        [lineOf('src.zzz'), 25, 'facts[4].sources[0].source', 'unknown source "src.zzz"'],
      ]);
      // The one valid fact that rests on Reuters alone is warned about at its own id line.
      expect(report.warnings.map(shown)).toEqual([
        [lineOf('id: two'), 5, 'facts[1]', 'fact "two" rests on a single source: one origin (Reuters) in 2 documents'],
        [lineOf('id: four'), 5, 'facts[3]', expect.stringContaining('fact "four" rests on a single source')],
        [lineOf('id: five'), 5, 'facts[4]', expect.stringContaining('fact "five" rests on a single source')],
      ]);
    });
  }
});
