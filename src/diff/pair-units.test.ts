// How two sides' content is paired before anything is parsed: whole files by blob id,
// then items by their text, in order first and by a map for the rest.
import { describe, expect, it } from 'vitest';
import { gitBlobId } from './git-objects.js';
import { pairUnits, type SideFile } from './pair-units.js';

const file = (path: string, text: string, oid?: string): SideFile => {
  const bytes = new TextEncoder().encode(text);
  return { path, bytes, ...(oid ? { oid } : {}) };
};
const items = (ids: string[]) => `facts:\n${ids.map((id) => `  - id: ${id}\n    statement: About ${id}.\n`).join('')}`;
const ids = (units: { item?: { text: string } }[]) => units.map((u) => /id: (\S+)/.exec(u.item?.text ?? '')?.[1]);

describe('pairUnits', () => {
  it('pairs a file read from a revision with the same bytes read from disk by blob id, unsplit', () => {
    const text = items(['a', 'b']);
    const fromGit = file('HEAD:data/a.yaml', text, gitBlobId(new TextEncoder().encode(text)));
    const onDisk = file('data/a.yaml', text);
    const { shared, ownA, ownB } = pairUnits([fromGit], [onDisk], true);
    expect(shared).toEqual([{ key: `file:${fromGit.oid}`, file: fromGit }]);
    expect([ownA, ownB]).toEqual([[], []]);
  });

  it('never takes different bytes for the same file, whatever the blob ids claim elsewhere', () => {
    const a = file('HEAD~1:data/a.yaml', items(['a', 'b']), '1'.repeat(40));
    const b = file('HEAD:data/a.yaml', items(['a', 'c']), '2'.repeat(40));
    const { shared, ownA, ownB } = pairUnits([a], [b], true);
    expect(ids(shared)).toEqual(['a']);
    expect([ids(ownA), ids(ownB)]).toEqual([['b'], ['c']]);
  });

  it('pairs items edited, inserted, removed, reordered and moved between files, keeping each side in file order', () => {
    const before = [file('A:1.yaml', items(['a', 'b', 'c', 'd', 'e', 'f', 'z'])), file('A:2.yaml', items(['g', 'h']))];
    const after = [
      // b removed, x inserted, e and d swapped, c edited; f moved to 2.yaml. (A file's
      // last item ends with its final newline, so z and h stay last.)
      file('B:1.yaml', `${items(['a', 'x', 'e', 'd'])}  - id: c\n    statement: Edited.\n${items(['z']).slice('facts:\n'.length)}`),
      file('B:2.yaml', items(['g', 'f', 'h'])),
    ];
    const { shared, ownA, ownB } = pairUnits(before, after, true);
    expect(ids(shared)).toEqual(['a', 'd', 'e', 'f', 'z', 'g', 'h']);
    expect(ids(ownA)).toEqual(['b', 'c']);
    expect(ids(ownB)).toEqual(['x', 'c']);
  });

  it('keeps files whole when asked not to split', () => {
    const { shared, ownA, ownB } = pairUnits([file('A:1.yaml', items(['a']))], [file('B:1.yaml', items(['b']))], false);
    expect(shared).toEqual([]);
    expect([ownA.map((u) => u.item), ownB.map((u) => u.item)]).toEqual([[undefined], [undefined]]);
  });
});
