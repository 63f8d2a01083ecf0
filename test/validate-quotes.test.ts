// `validate --sources-dir`: quotes must appear verbatim in the documents they cite.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPO, run } from './helpers/cli.js';
import { testdir } from './helpers/testdir.js';

const project = (quote: string) => ({
  'sources/doc-a.txt': 'The company called it the “largest campaign” it had seen,\nand said it acted brazenly.',
  'data/sources.yaml':
    'sources:\n  - id: src.a\n    title: A\n    document: doc-a.txt\n  - id: src.b\n    title: B\n    document: missing.txt\n',
  'data/facts.yaml': `facts:\n  - id: f\n    statement: S.\n    status: alleged\n    sensitivity: public\n    sources:\n      - source: src.a\n        quote: ${JSON.stringify(quote)}\n`,
});

describe('validate --sources-dir', () => {
  it('accepts a quote found verbatim, across a line break', () => {
    const root = testdir(project('it had seen, and said it acted brazenly'));
    const r = run(['-C', root, 'validate', '--sources-dir', `${root}/sources`, '--json']);
    expect(JSON.parse(r.stdout).errors).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('reports a quote that is not in the document, at the quote', () => {
    const root = testdir(project('"largest campaign"'));
    const r = run(['-C', root, 'validate', '--sources-dir', `${root}/sources`, '--json']);
    expect(r.code).toBe(1);
    const [e] = JSON.parse(r.stdout).errors;
    expect(e).toMatchObject({ file: 'data/facts.yaml', line: 8, column: 16, path: 'facts[0].sources[0].quote' });
    expect(e.message).toBe('quote not found verbatim in doc-a.txt: ""largest campaign""');
    expect(e.hint).toMatch(/curly quotes/);
  });

  it('reports a document that cannot be read', () => {
    const files = project('brazenly');
    files['data/facts.yaml'] = files['data/facts.yaml']?.replace('source: src.a', 'source: src.b') ?? '';
    const root = testdir(files);
    const r = run(['-C', root, 'validate', '--sources-dir', `${root}/sources`, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).errors[0].message).toMatch(/cannot read .*missing\.txt for source "src\.b"/);
  });

  const seeds = `${REPO}../shared/seeds`;
  it.skipIf(!existsSync(seeds))('every quote and every cited figure of the shipped fact base is in its seed document', () => {
    const r = run(['validate', '--sources-dir', seeds]);
    expect(r.stdout).toMatch(/^ok: 0 error\(s\), .* \d+ quotes checked, \d+ cited figures checked$/m);
    expect(r.stderr).not.toMatch(/does not give/);
    expect(r.code).toBe(0);
  });
});
