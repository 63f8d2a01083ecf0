// Fuzzing the merge with random line edits on both sides of a shipped fact file: it never
// throws, and whatever it returns is YAML that parses — the merged file itself when it is
// clean, and each side of it (ours, theirs) when it holds conflict markers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findConflictMarkers, takeSide } from '../facts/conflict-markers.js';
import { packageRoot } from '../util/package-root.js';
import { mergeFactFile } from './merge-file.js';
import { readVersion } from './version.js';

const BASE = readFileSync(join(packageRoot(), 'data/facts/responses.yaml'), 'utf8');
const LINES = BASE.split('\n');

/** A line deleted, duplicated, or with a value changed; or a new fact appended. */
const lineEdit = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(LINES.length - 1) }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(LINES.length - 1) }),
  fc.record({
    op: fc.constant('reword' as const),
    at: fc.nat(LINES.length - 1),
    word: fc.constantFrom('edited', 'x: y', '"q"', '[a, b]', ''),
  }),
  fc.record({ op: fc.constant('append' as const), id: fc.constantFrom('fuzz.a', 'fuzz.b') }),
);

function apply(edits: { op: string; at?: number; word?: string; id?: string }[]): string {
  const lines = [...LINES];
  for (const e of edits) {
    const at = Math.min(e.at ?? 0, lines.length - 1);
    if (e.op === 'delete') lines.splice(at, 1);
    if (e.op === 'duplicate') lines.splice(at, 0, lines[at] ?? '');
    if (e.op === 'reword') lines[at] = (lines[at] ?? '').replace(/:\s.*$/, `: ${e.word}`);
    if (e.op === 'append')
      lines.splice(lines.length - 1, 0, `  - id: ${e.id}`, '    statement: Fuzz.', '    status: alleged', '    sensitivity: public');
  }
  return lines.join('\n');
}

const enc = (s: string) => new TextEncoder().encode(s);
const parses = (s: string) => s.trim() === '' || !('problem' in readVersion(enc(s)));

describe('merge fuzzing', () => {
  it('never throws, and returns YAML that parses (each side of any conflict too)', () => {
    fc.assert(
      fc.property(fc.array(lineEdit, { maxLength: 3 }), fc.array(lineEdit, { maxLength: 3 }), (a, b) => {
        const ours = apply(a);
        const theirs = apply(b);
        const r = mergeFactFile({ base: enc(BASE), ours: enc(ours), theirs: enc(theirs), path: 'f.yaml' });
        if (!r.ok) {
          // Left to git only when a side itself cannot be read.
          expect(parses(ours) && parses(theirs)).toBe(false);
          return;
        }
        const text = new TextDecoder().decode(r.text);
        if (findConflictMarkers(text).length === 0) expect(parses(text), text).toBe(true);
        else {
          expect(parses(takeSide(text, 'ours')), text).toBe(true);
          expect(parses(takeSide(text, 'theirs')), text).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
