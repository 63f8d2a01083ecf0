// One side of a diff as it is loaded: items by kind and id, and the ids defined twice.
import type { Diagnostic } from '../errors.js';
import { emptyFactBase, type FactBase, originKey } from '../facts/factbase.js';
import { KINDS, type Kind, SINGULAR } from '../facts/kinds.js';

export interface Entry {
  kind: Kind;
  id: string;
  item: unknown;
  where: () => { file: string; line: number; column: number };
}

/** One side's items by kind and id, noting ids defined twice. */
export class Items {
  readonly maps = Object.fromEntries(KINDS.map((k) => [k, new Map<string, unknown>()])) as Record<Kind, Map<string, unknown>>;
  readonly duplicates: Diagnostic[] = [];
  private readonly where = new Map<string, Entry['where']>();

  add(entries: readonly Entry[]): void {
    for (const e of entries) {
      const key = originKey(e.kind, e.id);
      const first = this.where.get(key);
      if (first) {
        const f = first();
        this.duplicates.push({
          ...e.where(),
          path: '',
          message: `duplicate ${SINGULAR[e.kind]} id "${e.id}", first defined at ${f.file}:${f.line}:${f.column}`,
          hint: 'ids must be unique across all files; rename one of them',
        });
        continue;
      }
      this.where.set(key, e.where);
      this.maps[e.kind].set(e.id, e.item);
    }
  }

  ids(): string[] {
    return KINDS.flatMap((k) => [...this.maps[k].keys()]);
  }

  factBase(): FactBase {
    return Object.assign(emptyFactBase(), this.maps) as FactBase;
  }
}
