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
