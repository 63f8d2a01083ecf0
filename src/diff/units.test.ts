import { describe, expect, it } from 'vitest';
import { fileItems, splitItems } from './units.js';

describe('splitItems', () => {
  it('cuts a block-style file into its items, keeping every line', () => {
    const text =
      '# header\nfacts:\n  - id: a\n    statement: A\n\n  # about b\n  - id: b\n    statement: |\n      two\n      lines\nsources:\n- id: s\n  title: S\n';
    expect(splitItems(text)).toEqual([
      { section: 'facts', text: '  - id: a\n    statement: A\n\n  # about b', line: 3 },
      { section: 'facts', text: '  - id: b\n    statement: |\n      two\n      lines', line: 7 },
      { section: 'sources', text: '- id: s\n  title: S\n', line: 12 },
    ]);
  });

  it('keeps CRLF line ends and non-ASCII text inside each item, exactly as in the file', () => {
    const text = 'facts:\r\n  - id: a\r\n    statement: Café — “quoted”\r\n  # note\r\n  - id: b\r\n';
    expect(splitItems(text)).toEqual([
      { section: 'facts', text: '  - id: a\r\n    statement: Café — “quoted”\r\n  # note\r', line: 2 },
      { section: 'facts', text: '  - id: b\r\n', line: 5 },
    ]);
  });

  it('counts an indent as trimStart does: a non-breaking space is indentation, a tab stops the split', () => {
    expect(splitItems('facts:\n  - id: a\n  \u00a0statement: x\n')?.map((i) => i.text)).toEqual(['  - id: a\n  \u00a0statement: x\n']);
    expect(splitItems('facts:\n  - id: a\n  \tstatement: x\n')).toBeUndefined();
  });

  it('accepts a leading document marker and a one-line generated: key', () => {
    expect(splitItems('---\ngenerated: by import\nfacts:\n  - id: a\n')?.map((i) => i.text)).toEqual(['  - id: a\n']);
  });

  it.each([
    ['an anchor', 'facts:\n  - id: a\n    sources: &s\n      - source: x\n'],
    ['an alias', 'facts:\n  - id: a\n    sources: *s\n'],
    ['a tag', 'facts:\n  - id: a\n    statement: !!str A\n'],
    ['a flow-style section', 'facts: [{id: a}]\n'],
    ['an empty section', 'facts:\nsources:\n  - id: s\n'],
    ['a section given twice', 'facts:\n  - id: a\nfacts:\n  - id: b\n'],
    ['a second document', 'facts:\n  - id: a\n---\nfacts:\n  - id: b\n'],
    ['a directive', '%YAML 1.2\n---\nfacts:\n  - id: a\n'],
    ['an item less indented than the first', 'facts:\n    - id: a\n  - id: b\n'],
    ['a continuation less indented than its item', 'facts:\n  - id: a\n statement: x\n'],
    ['tab indentation', 'facts:\n\t- id: a\n'],
    ['content before any section', '- id: a\n'],
    ['a multi-line generated value', 'generated: >\n  by import\nfacts:\n  - id: a\n'],
  ])('leaves a file with %s whole', (_, text) => {
    expect(splitItems(text)).toBeUndefined();
  });
});

describe('fileItems', () => {
  it('splits the bytes of a file once, and leaves text that is not UTF-8 to the whole-file parse', () => {
    const bytes = new TextEncoder().encode('facts:\n  - id: a\n');
    const items = fileItems(bytes);
    expect(items?.map((i) => i.text)).toEqual(['  - id: a\n']);
    expect(fileItems(bytes)).toBe(items);
    expect(fileItems(new Uint8Array([0x66, 0x3a, 0x0a, 0xff]))).toBeUndefined();
  });
});
