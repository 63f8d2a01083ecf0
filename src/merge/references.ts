// The references an item makes to other items, by the fields the validation rules check
// (facts/rules.ts): what a merge must not leave pointing at an item it removed.
import type { Kind } from '../facts/kinds.js';

export interface Reference {
  kind: Kind;
  id: string;
  /** Where in the item, as a data path: ['facts', 0], ['sources', 1, 'source']. */
  at: (string | number)[];
}

type Row = Record<string, unknown>;

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export function referencesOf(kind: Kind, item: Row): Reference[] {
  const out: Reference[] = [];
  const ids = (field: string, target: Kind) =>
    list(item[field]).forEach((id, i) => typeof id === 'string' && out.push({ kind: target, id, at: [field, i] }));
  const cites = (rows: unknown, at: (string | number)[]) =>
    list(rows).forEach((c, i) => {
      const id = (c as Row | null)?.source;
      if (typeof id === 'string') out.push({ kind: 'sources', id, at: [...at, i, 'source'] });
    });
  cites(item.sources, ['sources']);
  if (kind === 'facts') {
    ids('entities', 'entities');
    list(item.variants).forEach((v, i) => cites((v as Row | null)?.sources, ['variants', i, 'sources']));
  }
  if (kind === 'entities') {
    for (const f of ['parent', 'record']) if (typeof item[f] === 'string') out.push({ kind: 'entities', id: item[f] as string, at: [f] });
    list(item.memberships).forEach((m, i) => {
      const id = (m as Row | null)?.committee;
      if (typeof id === 'string') out.push({ kind: 'entities', id, at: ['memberships', i, 'committee'] });
    });
  }
  if (kind === 'events' || kind === 'questions' || kind === 'glossary' || kind === 'analysis') ids('facts', 'facts');
  return out;
}
