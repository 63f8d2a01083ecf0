import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../errors.js';
import { conflictBlock, findConflictMarkers, takeSide } from './conflict-markers.js';
import { parseFactFile } from './parse-file.js';

const FILE = `facts:
  - id: a
<<<<<<< ours: fact a field status
    status: confirmed
||||||| base
    status: alleged
=======
    status: disputed
>>>>>>> theirs
    sensitivity: public
`;

describe('conflict markers', () => {
  it('finds each conflict with its lines and the driver’s label, CRLF or not', () => {
    const expected = [{ line: 3, endLine: 9, label: 'ours: fact a field status' }];
    expect(findConflictMarkers(FILE)).toEqual(expected);
    expect(findConflictMarkers(FILE.replace(/\n/g, '\r\n'))).toEqual(expected);
    expect(findConflictMarkers('a:\n<<<<<<< HEAD\n  b: 1\n')).toEqual([{ line: 2, endLine: 4, label: 'HEAD' }]);
  });

  it('ignores text that only looks like a marker: indented, or not seven characters', () => {
    expect(findConflictMarkers('note: |\n  <<<<<<< not a marker\nx: <<<<<<<\n<<<<<< six\n')).toEqual([]);
  });

  it('takes one side, dropping a diff3 base section', () => {
    expect(takeSide(FILE, 'ours')).toBe('facts:\n  - id: a\n    status: confirmed\n    sensitivity: public\n');
    expect(takeSide(FILE, 'theirs')).toBe('facts:\n  - id: a\n    status: disputed\n    sensitivity: public\n');
  });

  it('writes blocks git and editors recognise, with the marker size git asks for', () => {
    const block = conflictBlock('fact a field status', '  x: 1\n', '  x: 2\n', 9);
    expect(block).toBe('<<<<<<<<< ours: fact a field status\n  x: 1\n=========\n  x: 2\n>>>>>>>>> theirs\n');
    expect(findConflictMarkers(`a:\n${block}`)).toEqual([{ line: 2, endLine: 6, label: 'ours: fact a field status' }]);
  });

  it('makes a fact file with markers one located error per conflict, not YAML errors', () => {
    const diags: Diagnostic[] = [];
    const parsed = parseFactFile({ path: 'f.yaml', bytes: new TextEncoder().encode(FILE) }, diags);
    expect(diags).toEqual([
      expect.objectContaining({
        file: 'f.yaml',
        line: 3,
        column: 1,
        message: 'unresolved merge conflict in fact a field status (lines 3–9)',
      }),
    ]);
    // Its items still count as defined, so references to them do not cascade into more errors.
    expect(parsed.broken).toContainEqual({ kind: 'facts', id: 'a' });
  });
});
