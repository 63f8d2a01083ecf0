// `validate --sources-dir`: a document cited for a figure must give it, in any of the ways
// documents write figures; a miss is a warning at the citation.
import { describe, expect, it } from 'vitest';
import { run } from './helpers/cli.js';
import { testdir } from './helpers/testdir.js';

const FILES = {
  'sources/wire.txt': 'Acme says more than 28.8m requests came from nearly 25,000 accounts over six weeks.',
  'sources/blog.txt': 'Thousands of accounts were involved, a blog says: 28,800,000 requests.',
  'data/sources.yaml': `sources:
  - { id: src.wire, title: Wire, document: wire.txt }
  - { id: src.blog, title: Blog, document: blog.txt }
`,
  'data/facts.yaml': `facts:
  - id: f.accounts
    statement: Acme gives the number of accounts.
    status: alleged
    sensitivity: public
    variants:
      - id: nearly-25000
        statement: Nearly 25,000 accounts.
        value: { number: 25000, unit: accounts, qualifier: nearly }
        sources:
          - source: src.wire
          - source: src.blog
      - id: thousands
        statement: Thousands of accounts.
        value: { unit: accounts, qualifier: thousands }
        sources: [{ source: src.blog }]
  - id: f.requests
    statement: About 28.8 million requests.
    value: { number: 28800000, unit: requests, qualifier: about }
    period: { text: six weeks }
    status: alleged
    sensitivity: public
    sources: [{ source: src.wire }, { source: src.blog }]
`,
};

describe('validate --sources-dir checks cited figures', () => {
  it('warns, at the citation, when the document does not give the figure it is cited for', () => {
    const root = testdir(FILES);
    const r = run(['-C', root, 'validate', '--sources-dir', `${root}/sources`, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.errors).toEqual([]);
    const figureWarnings = report.warnings;
    expect(figureWarnings).toEqual([
      expect.objectContaining({
        file: 'data/facts.yaml',
        line: 12,
        path: 'facts[0].variants[0].sources[1].source',
        message: 'blog.txt does not give 25,000, the figure this citation backs',
      }),
    ]);
    expect(figureWarnings[0].hint).toMatch(/cite the document only for a version whose figure it gives .*"25,000"/);
  });

  it('reads "28.8m" and "28,800,000" as the same figure, and counts what it checked', () => {
    const root = testdir(FILES);
    const r = run(['-C', root, 'validate', '--sources-dir', `${root}/sources`]);
    expect(r.stdout).toMatch(/; 0 quotes checked, 4 cited figures checked$/m);
    expect(r.stderr).not.toMatch(/wire\.txt does not give|28,800,000, the figure/);
  });

  it('fails with --strict', () => {
    const root = testdir(FILES);
    expect(run(['-C', root, 'validate', '--sources-dir', `${root}/sources`, '--strict']).code).toBe(1);
  });
});
