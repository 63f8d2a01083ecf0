import type { ItemChanges } from './compare.js';

/** What `briefbook diff --format json` prints and `changesSince` returns. */
export interface DiffResult extends ItemChanges {
  /** The FROM side as given: a revision ("HEAD~2"), "working tree", or a path. */
  from: string;
  to: string;
  /** The commit each side names, when it is a revision; otherwise null. */
  fromCommit: string | null;
  toCommit: string | null;
}

export const hasChanges = (r: ItemChanges) => r.added.length + r.removed.length + r.renamed.length + r.changed.length > 0;
