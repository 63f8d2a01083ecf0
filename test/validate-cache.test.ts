// validate's report on the fact base, kept between runs (facts/report-cache.ts): the same
// report with the cache off, cold and warm; a change to a fact file, briefbook.yaml or the
// as-of date gives the report of the new input; corrupt entries and a deleted folder are
// harmless; a check against source documents is never taken from the cache.
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './helpers/cli.js';
import { testdir } from './helpers/testdir.js';

const SOURCES = `sources:
  - id: s.one
    title: One report
    via: [Reuters]
  - id: s.two
    title: Another report
    via: [Financial Times]
`;

const FACTS = `facts:
  - id: f.old
    statement: Checked in May.
    checked: "2026-05-01"
    status: reported
    sensitivity: public
    sources: [{ source: s.one }, { source: s.two }]
  - id: f.single
    statement: One source.
    status: reported
    sensitivity: public
    sources: [{ source: s.one }]
`;

const FILES = { 'briefbook.yaml': 'asOf: 2026-06-25\nstaleAfterDays: 14\n', 'data/sources.yaml': SOURCES, 'data/facts.yaml': FACTS };

type Report = { ok: boolean; counts: Record<string, number>; errors: { message: string }[]; warnings: { message: string }[] };

function validator(root: string) {
  const cache = testdir({});
  const entries = (kind: string) => readdirSync(cache).filter((e) => e.startsWith(`${kind}-`));
  const validate = (args: string[] = [], dir = cache) => {
    const r = run(['validate', '--no-templates', '--format', 'json', ...args], { cwd: root, env: { BRIEFBOOK_CACHE_DIR: dir } });
    return { code: r.code, stdout: r.stdout, report: JSON.parse(r.stdout) as Report };
  };
  return { cache, entries, validate };
}

const messages = (r: Report) => [...r.errors, ...r.warnings].map((d) => d.message);

describe('validate: report cache', () => {
  it('gives the same report with the cache off, cold and warm, and reuses its entries', () => {
    const root = testdir(FILES);
    const v = validator(root);
    const off = v.validate([], 'off');
    expect(messages(off.report)).toEqual([
      'fact "f.old" was last checked 2026-05-01, 55 days before the as-of date 2026-06-25 (more than 14)',
      expect.stringMatching(/^fact "f\.single" rests on a single source/),
    ]);
    const cold = v.validate();
    expect([v.entries('vfacts').length, v.entries('vstale').length]).toEqual([1, 1]);
    const warm = v.validate();
    expect([v.entries('vfacts').length, v.entries('vstale').length]).toEqual([1, 1]);
    expect(cold.stdout).toBe(off.stdout);
    expect(warm.stdout).toBe(off.stdout);
  });

  it('reports afresh when a fact file, briefbook.yaml or the as-of date changes', () => {
    const root = testdir(FILES);
    const v = validator(root);
    expect(v.validate().report.counts.facts).toBe(2);
    writeFileSync(join(root, 'data/more.yaml'), FACTS.replace('id: f.old', 'id: f.other'));
    const dup = v.validate();
    expect(dup.code).toBe(1);
    expect(messages(dup.report)).toContainEqual(expect.stringMatching(/^duplicate fact id "f\.single"/));
    rmSync(join(root, 'data/more.yaml'));
    expect(v.validate().code).toBe(0);

    writeFileSync(join(root, 'briefbook.yaml'), 'asOf: 2026-06-25\nstaleAfterDays: 60\n');
    expect(messages(v.validate().report).filter((m) => m.includes('last checked'))).toEqual([]);
    writeFileSync(join(root, 'briefbook.yaml'), FILES['briefbook.yaml']);
    expect(messages(v.validate(['--as-of', '2026-07-25']).report)).toContainEqual(
      'fact "f.old" was last checked 2026-05-01, 85 days before the as-of date 2026-07-25 (more than 14)',
    );
    expect(messages(v.validate().report)).toContainEqual(
      'fact "f.old" was last checked 2026-05-01, 55 days before the as-of date 2026-06-25 (more than 14)',
    );
  });

  it('is harmless when entries are corrupt or the folder is deleted', () => {
    const root = testdir(FILES);
    const v = validator(root);
    const first = v.validate();
    for (const e of [...v.entries('vfacts'), ...v.entries('vstale')]) writeFileSync(join(v.cache, e), '{"errors":[],"warnings":[]}');
    expect(v.validate().stdout).toBe(first.stdout);
    rmSync(v.cache, { recursive: true, force: true });
    expect(v.validate().stdout).toBe(first.stdout);
  });

  it('never takes a check against source documents from the cache', () => {
    const root = testdir({
      ...FILES,
      'data/sources.yaml': SOURCES.replace('title: One report', 'title: One report\n    document: one.txt'),
      'data/facts.yaml': FACTS.replace('sources: [{ source: s.one }]', 'sources: [{ source: s.one, quote: "every word" }]'),
    });
    const docs = testdir({ 'one.txt': 'Not the words.\n' });
    const v = validator(root);
    const missing = () => v.validate(['--sources-dir', docs]).report.errors.map((d) => d.message);
    expect(missing()).toEqual(['quote not found verbatim in one.txt: "every word"']);
    writeFileSync(join(docs, 'one.txt'), 'It said every word.\n');
    expect(missing()).toEqual([]);
    expect(v.entries('vfacts')).toEqual([]);
  });
});
