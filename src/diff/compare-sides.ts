// Two sides read from disk or git → the id-keyed, field-level result `briefbook diff`
// prints and `build --since` lays out. Shared by both, so they can never disagree.
import { KINDS, type Kind } from '../facts/kinds.js';
import { rank } from '../facts/select.js';
import { compareItems } from './compare.js';
import { type LoadOptions, loadPair, type Pair, type Side } from './load-pair.js';
import type { DiffResult } from './result.js';
import type { SideSpec } from './sides.js';

export interface CompareOptions extends LoadOptions {
  kinds?: readonly Kind[];
  tag?: string;
  /** Report identical items under a new id as renamed (default true). */
  renames?: boolean;
}

export function compareSides(specs: readonly [SideSpec, SideSpec], sides: readonly [Side, Side], opts: CompareOptions = {}): DiffResult {
  return comparePair(specs, loadPair(sides[0], sides[1], { max: opts.max }), opts);
}

/** The same, for sides already loaded (loadPair with the same `max`). */
export function comparePair(specs: readonly [SideSpec, SideSpec], pair: Pair, opts: CompareOptions = {}): DiffResult {
  const changes = compareItems(pair.from, pair.to, {
    kinds: opts.kinds && opts.kinds.length > 0 ? KINDS.filter((k) => opts.kinds?.includes(k)) : undefined,
    tag: opts.tag,
    renames: opts.renames,
    // Editorial notes are for internal readers only.
    redact: opts.max !== undefined && rank(opts.max) < rank('internal'),
  });
  const commit = (s: SideSpec) => (s.type === 'revision' ? s.commit : null);
  return {
    from: specs[0].label,
    to: specs[1].label,
    fromCommit: commit(specs[0]),
    toCommit: commit(specs[1]),
    ...changes,
  };
}
