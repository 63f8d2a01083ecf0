// Property-based hardening of the loader and validator: whatever bytes arrive, loading
// ends (quickly) in a fact base or in located diagnostics — never a crash or a hang.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFromFiles } from './load.js';

const DATA = new URL('../../data/', import.meta.url).pathname;
const realFiles = readdirSync(DATA, { recursive: true })
  .map(String)
  .filter((p) => p.endsWith('.yaml'))
  .sort()
  .map((p) => ({ path: `data/${p}`, bytes: new Uint8Array(readFileSync(join(DATA, p))) }));

function expectLocatedOutcome(files: { path: string; bytes: Uint8Array }[]): void {
  const started = performance.now();
  const { report } = loadFromFiles(files);
  expect(performance.now() - started).toBeLessThan(5_000);
  for (const d of [...report.errors, ...report.warnings]) {
    expect(files.some((f) => f.path === d.file) || d.file === 'data').toBe(true);
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(d.message.length).toBeGreaterThan(0);
  }
}

const yamlish = fc.string({ maxLength: 400, unit: 'binary' });
const yamlTokens = fc
  .array(
    fc.constantFrom(
      'facts:',
      'sources:',
      '\n',
      '  ',
      '- ',
      'id: ',
      'a',
      '&x ',
      '*x',
      '[',
      ']',
      '{',
      '}',
      ':',
      '"',
      "'",
      '\t',
      '#',
      '|',
      '>',
      '---',
      '!!str ',
      '? ',
      '1e9',
      'null',
    ),
    { maxLength: 120 },
  )
  .map((parts) => parts.join(''));

describe('loader never crashes', () => {
  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(yamlish, yamlTokens), (text) => {
        expectLocatedOutcome([{ path: 'data/x.yaml', bytes: new TextEncoder().encode(text) }]);
      }),
      { numRuns: 400 },
    );
  });

  it('on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        expectLocatedOutcome([{ path: 'data/x.yaml', bytes }]);
      }),
      { numRuns: 300 },
    );
  });

  it('on mutations of the real fact base (flipped, inserted and deleted bytes)', () => {
    const mutation = fc.record({
      file: fc.nat({ max: realFiles.length - 1 }),
      edits: fc.array(
        fc.record({
          at: fc.double({ min: 0, max: 1, noNaN: true }),
          op: fc.constantFrom('flip', 'insert', 'delete'),
          byte: fc.integer({ min: 0, max: 255 }),
        }),
        {
          minLength: 1,
          maxLength: 8,
        },
      ),
    });
    fc.assert(
      fc.property(mutation, ({ file, edits }) => {
        const files = realFiles.map((f) => ({ ...f, bytes: f.bytes.slice() }));
        const target = files[file];
        if (!target) return;
        let bytes = Array.from(target.bytes);
        for (const e of edits) {
          const i = Math.floor(e.at * bytes.length);
          if (e.op === 'flip') bytes[i] = e.byte;
          else if (e.op === 'insert') bytes.splice(i, 0, e.byte);
          else bytes.splice(i, 1);
        }
        bytes = bytes.filter((b) => b !== undefined);
        target.bytes = new Uint8Array(bytes);
        expectLocatedOutcome(files);
      }),
      { numRuns: 150 },
    );
  });

  it('the shipped fact base is valid (the mutations above start from a good base)', () => {
    const { report } = loadFromFiles(realFiles);
    expect(report.errors).toEqual([]);
  });
});
