// `briefbook validate --format github|sarif|json` end to end, for CI: the SARIF log passes
// the SARIF 2.1.0 JSON Schema (the copy @microsoft/jest-sarif ships, as published on
// SchemaStore), and files are named from the repository top, where CI annotates them.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { run } from './helpers/cli.js';
import { testRepo } from './helpers/git-repo.js';
import { testdir } from './helpers/testdir.js';

const require = createRequire(import.meta.url);
const SCHEMA = join(dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib/schemas/sarif-2.1.0-rtm.5.json');

function sarifValidator() {
  // CommonJS packages: their default export is under `.default` for TypeScript's NodeNext.
  // The schema's `language` pattern is not a valid Unicode regex: compile patterns without the u flag.
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  ajvFormats.default(ajv);
  return ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
}

const SOURCES = 'sources:\n  - id: src.a\n    title: A\n';
/** One of each: a bad value, a dangling reference, a single-source warning, an unresolved conflict. */
const BROKEN = {
  'brief/briefbook.yaml': 'title: T\n',
  'brief/data/sources.yaml': SOURCES,
  'brief/data/facts.yaml':
    'facts:\n  - id: b\n    statement: B.\n    status: alleged\n    sensitivity: public\n    sources: [{ source: src.a }]\n' +
    '  - id: a\n    statement: A, "50%" sure.\n    status: rumoured\n    sensitivity: public\n',
  'brief/data/questions.yaml': 'questions:\n  - id: q\n    question: Q?\n    answer: A.\n    facts: [missing]\n',
  'brief/data/conflict.yaml': 'events:\n<<<<<<< ours: event e field title\n  - id: e\n=======\n  - id: f\n>>>>>>> theirs\n',
};

describe('validate --format sarif', () => {
  it('passes the SARIF 2.1.0 schema and reports every problem at its repository path and line', () => {
    const repo = testRepo(BROKEN);
    const r = repo.briefbook(['validate', '--format', 'sarif'], join(repo.root, 'brief'));
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors, null, 1)).toBe(true);

    const json = JSON.parse(repo.briefbook(['validate', '--json'], join(repo.root, 'brief')).stdout);
    const results = log.runs[0].results;
    expect(results).toHaveLength(json.errors.length + json.warnings.length);
    const where = (x: { locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }) =>
      `${x.locations[0]?.physicalLocation.artifactLocation.uri}:${x.locations[0]?.physicalLocation.region.startLine}`;
    expect(results.map(where)).toEqual(
      [...json.errors, ...json.warnings].map((d: { file: string; line: number }) => `brief/${d.file}:${d.line}`),
    );
    expect(results.map((x: { ruleId: string; level: string }) => `${x.level} ${x.ruleId}`)).toEqual([
      'error merge-conflict',
      'error invalid',
      'error dangling-reference',
      'warning sourcing',
    ]);
  });

  it('is a valid, empty log for a clean fact base', () => {
    const root = testdir({ 'data/sources.yaml': SOURCES });
    const r = run(['-C', root, 'validate', '--format', 'sarif']);
    expect(r.code).toBe(0);
    const log = JSON.parse(r.stdout);
    expect(sarifValidator()(log)).toBe(true);
    expect(log.runs[0].results).toEqual([]);
  });

  it('the schema check fails a log that is not SARIF (the test can fail)', () => {
    expect(sarifValidator()({ version: '2.1.0', runs: [{ tool: { driver: {} }, results: [{ level: 'fatal' }] }] })).toBe(false);
  });
});

describe('validate --format github and json', () => {
  it('prints an annotation per problem, named from the repository top', () => {
    const repo = testRepo(BROKEN);
    const r = repo.briefbook(['validate', '--format', 'github'], join(repo.root, 'brief'));
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(
      '::error file=brief/data/conflict.yaml,line=2,col=1::unresolved merge conflict in event e field title (lines 2–6)%0Ahint: keep one side: delete from `<<<<<<<` to `=======` to keep theirs, or from `=======` to `>>>>>>>` to keep ours, and the marker lines; `briefbook merge` resolves what it can across the fact base; then `git add` the file',
    );
    expect(lines[3]).toMatch(/^::warning file=brief\/data\/facts\.yaml,line=2,col=5::fact "b" rests on a single source/);
    expect(r.stderr).toContain('invalid: 3 error(s), 1 warning(s)');
  });

  it('--json is --format json', () => {
    const root = testdir({ 'data/sources.yaml': SOURCES });
    const a = run(['-C', root, 'validate', '--json']);
    const b = run(['-C', root, 'validate', '--format', 'json']);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout)).toMatchObject({ ok: true, errors: [], warnings: [] });
  });
});
