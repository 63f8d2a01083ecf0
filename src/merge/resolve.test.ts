import { describe, expect, it } from 'vitest';
import { applyCarried, indexTree, newState, resolveAcross } from './resolve.js';
import type { MergeState } from './three-way.js';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);
const FACT = '  - id: a\n    statement: A.\n    status: alleged\n    sensitivity: public\n';
const OTHER = '  - id: b\n    statement: B.\n    status: alleged\n    sensitivity: public\n';

describe('resolveAcross', () => {
  it('merges ours’ edit into where theirs moved the fact, keeping ours first in a conflict there', () => {
    const old = {
      path: 'old.yaml',
      base: enc(`facts:\n${FACT}${OTHER}`),
      ours: enc(`facts:\n${FACT.replace('A.', 'A, edited.').replace('alleged', 'confirmed')}${OTHER}`),
      theirs: enc(`facts:\n${OTHER}`),
    };
    const target = { path: 'new.yaml', bytes: enc(`# Moved here.\nfacts:\n${FACT.replace('alleged', 'disputed')}`) };
    const states = new Map<string, MergeState>();
    const r = resolveAcross(old, indexTree([target]), states);
    if ('why' in r) throw new Error(r.why);
    expect(r.carried).toEqual([{ kind: 'facts', id: 'a', from: 'old.yaml', to: 'new.yaml', edit: 'ours' }]);
    expect(r.conflicts).toEqual([]);
    expect(dec(r.text)).toBe(`facts:\n${OTHER}`);
    const moved = applyCarried(target, states.get('new.yaml') ?? newState(7));
    expect(moved.conflicts).toMatchObject([{ what: 'fact a field status', ours: '"confirmed"', theirs: '"disputed"', line: 5 }]);
    expect(dec(moved.text)).toBe(
      '# Moved here.\nfacts:\n  - id: a\n    statement: A, edited.\n<<<<<<< ours: fact a field status\n    status: confirmed\n=======\n    status: disputed\n>>>>>>> theirs\n    sensitivity: public\n',
    );
  });

  it('leaves the conflict when the fact is nowhere else (really removed)', () => {
    const old = {
      path: 'old.yaml',
      base: enc(`facts:\n${FACT}`),
      ours: enc(`facts:\n${FACT.replace('A.', 'A!')}`),
      theirs: enc('facts: []\n'),
    };
    const r = resolveAcross(old, indexTree([]), new Map());
    if ('why' in r) throw new Error(r.why);
    expect(r.carried).toEqual([]);
    expect(r.conflicts).toMatchObject([{ what: 'fact a', ours: 'changed it', theirs: 'removed it (or moved it to another file)' }]);
  });
});
