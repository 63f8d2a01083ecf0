// The refusal limits of src/facts/limits.ts, each tested at its edge with real generated
// input: at the limit the file is accepted (or at least not refused for that reason), one
// over it is refused with a message that names the limit, at file:line:col.
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/facts/limits.js';
import { run } from '../helpers/cli.js';
import { testdir } from '../helpers/testdir.js';

interface Report {
  ok: boolean;
  errors: { file: string; line: number; column: number; message: string; hint: string }[];
}

function validate(files: Record<string, string>): Report {
  const root = testdir({ 'briefbook.yaml': 'title: Limits\n', ...files });
  // How fast a refusal comes is the benchmark's business; the test timeout only catches a hang.
  const r = run(['validate', '--json'], { cwd: root });
  expect(r.stderr).not.toContain('this is a bug');
  const report = JSON.parse(r.stdout) as Report;
  expect(r.code).toBe(report.ok ? 0 : 1);
  return report;
}

/** `n` minimal valid items (sources) in YAML flow style, ids from `from`. */
const sources = (n: number, from = 0) =>
  `sources:\n${Array.from({ length: n }, (_, i) => `  - {id: s${from + i}, title: t}`).join('\n')}\n`;

const hit = (report: Report, re: RegExp) => report.errors.find((e) => re.test(e.message));

describe('limits', () => {
  it(`items per file: ${LIMITS.itemsPerFile} accepted, one more refused`, () => {
    expect(validate({ 'data/s.yaml': sources(LIMITS.itemsPerFile) }).ok).toBe(true);
    const over = validate({ 'data/s.yaml': sources(LIMITS.itemsPerFile + 1) });
    expect(over.ok).toBe(false);
    expect(hit(over, /^file holds \d+ items, over the limit of \d+$/)).toMatchObject({
      file: 'data/s.yaml',
      line: 1,
      column: 1,
      message: `file holds ${LIMITS.itemsPerFile + 1} items, over the limit of ${LIMITS.itemsPerFile}`,
      hint: 'split it into several files',
    });
  });

  it(`items in the whole fact base: ${LIMITS.itemsTotal} accepted, one more refused`, () => {
    const files: Record<string, string> = {};
    for (let f = 0, from = 0; from < LIMITS.itemsTotal; f++, from += LIMITS.itemsPerFile) {
      files[`data/s${f}.yaml`] = sources(Math.min(LIMITS.itemsPerFile, LIMITS.itemsTotal - from), from);
    }
    const at = validate(files);
    expect(at.errors).toEqual([]);
    const over = validate({ ...files, 'data/z.yaml': sources(1, LIMITS.itemsTotal) });
    expect(over.ok).toBe(false);
    expect(hit(over, /fact base holds/)).toMatchObject({
      message: `the fact base holds ${LIMITS.itemsTotal + 1} items, over the limit of ${LIMITS.itemsTotal}`,
      hint: 'archive old hearings into a separate project',
    });
  }, 240_000);

  it(`file size: ${LIMITS.fileBytes} bytes accepted, one byte more refused unread`, () => {
    const head = sources(1);
    const line = `# ${'x'.repeat(97)}\n`;
    const pad = LIMITS.fileBytes - head.length;
    const exact = head + line.repeat(Math.floor(pad / line.length)) + '#'.padEnd(pad % line.length, '#');
    expect(Buffer.byteLength(exact)).toBe(LIMITS.fileBytes);
    expect(validate({ 'data/s.yaml': exact }).ok).toBe(true);
    const over = validate({ 'data/s.yaml': `${exact}#` });
    expect(hit(over, /over the 8\.0 MB limit/)).toMatchObject({
      file: 'data/s.yaml',
      line: 1,
      column: 1,
      message: `file is ${LIMITS.fileBytes + 1} bytes, over the 8.0 MB limit for one fact file`,
    });
  });

  it(`aliases: an anchored value used ${LIMITS.aliases} times in all is accepted, once more refused`, () => {
    const file = (aliases: number) =>
      `sources:\n  - {id: s0, title: &t Title}\n${Array.from({ length: aliases }, (_, i) => `  - {id: s${i + 1}, title: *t}`).join('\n')}\n`;
    expect(validate({ 'data/s.yaml': file(LIMITS.aliases - 1) }).ok).toBe(true);
    const over = validate({ 'data/s.yaml': file(LIMITS.aliases) });
    expect(hit(over, /YAML aliases expand too far/)).toMatchObject({
      file: 'data/s.yaml',
      line: 1,
      column: 1,
      hint: expect.stringContaining(`an anchored value may appear at most ${LIMITS.aliases} times in all`),
    });
  });

  it(`nesting: ${LIMITS.nesting} levels pass the nesting check, ${LIMITS.nesting + 1} are refused`, () => {
    // Nested lists fit nowhere in the schema, so the accepted file still fails validation, for that reason.
    const nested = (depth: number) => `sources: []\nextra: ${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}\n`;
    const at = validate({ 'data/s.yaml': nested(LIMITS.nesting) });
    expect(hit(at, /nesting/)).toBeUndefined();
    expect(hit(at, /unknown field "extra"/)).toBeDefined();
    const over = validate({ 'data/s.yaml': nested(LIMITS.nesting + 1) });
    expect(hit(over, /nesting/)?.message).toBe(`nesting is ${LIMITS.nesting + 1} levels deep, over the limit of ${LIMITS.nesting}`);
  });

  it.each([1_000, 100_000])('nesting: %i levels (deeper than the parser’s stack) are refused as nesting, not a crash', (depth) => {
    const over = validate({ 'data/s.yaml': `sources: ${'['.repeat(depth)}${']'.repeat(depth)}\n` });
    expect(over.ok).toBe(false);
    const e = hit(over, /nesting/);
    expect(e).toMatchObject({ file: 'data/s.yaml', line: 1, message: `nesting is too deep (over ${LIMITS.nesting} levels)` });
    expect(e?.column).toBeGreaterThan(1);
    expect(over.errors.map((x) => x.message).join('\n')).not.toMatch(/call stack/i);
  });
});
