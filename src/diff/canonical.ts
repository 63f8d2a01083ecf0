// The canonical form of an item: what a diff compares and what textconv prints. Lists
// that are sets (tags, entities…) are sorted; lists of records are matched by a key
// (a citation by its source id, a variant by its id or its statement), never by
// position, so reordering is not a change and one insertion is one change.
import { createHash } from 'node:crypto';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Canon = Json;

type Row = Record<string, unknown>;

/** How the elements of each keyed list are named in paths like `sources[src.reuters]`. */
const KEYED: Record<string, (el: Row) => string> = {
  sources: (c) => String(c.source),
  variants: (v) => (typeof v.id === 'string' ? v.id : `#${statementHash(v.statement)}`),
  links: (l) => String(l.url),
  memberships: (m) => String(m.committee),
};

export function statementHash(statement: unknown): string {
  return createHash('sha1')
    .update(String(statement ?? ''))
    .digest('hex')
    .slice(0, 8);
}

export const isKeyedList = (field: string) => field in KEYED;

/** The key an element of a keyed list is named by (`src.reuters` for a citation); undefined for other fields. */
export const elementKey = (field: string, el: unknown): string | undefined => (isRow(el) ? KEYED[field]?.(el) : undefined);

/** The field an element of a keyed list is named by, when it has one (textconv omits it as redundant). */
export const KEY_FIELD: Record<string, string> = { sources: 'source', variants: 'id', links: 'url', memberships: 'committee' };

/** Elements of a keyed list with their keys; a key repeated (the same source cited twice) gets " (2)", " (3)"… */
export function keyedEntries(field: string, list: readonly unknown[]): [string, unknown][] {
  const keyOf = KEYED[field];
  const seen = new Map<string, number>();
  const entries: [string, unknown][] = list.map((el, i) => {
    const base = keyOf && isRow(el) ? keyOf(el) : String(i);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return [n === 1 ? base : `${base} (${n})`, el];
  });
  return entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export interface CanonOptions {
  /** Drop every `note`: editorial notes are for internal readers only. */
  redact?: boolean;
}

/** Plain data in canonical order; undefined fields dropped. Field order is the schema's. */
export function canonical(value: unknown, opts: CanonOptions = {}, field = ''): Canon {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object' || v === null)) {
      return [...new Set(value as (string | number | boolean | null)[])].sort(compareScalars);
    }
    if (isKeyedList(field)) return keyedEntries(field, value).map(([, el]) => canonical(el, opts));
    return value.map((v) => canonical(v, opts));
  }
  if (isRow(value)) {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined || (opts.redact && k === 'note')) continue;
      out[k] = canonical(v, opts, k);
    }
    return out;
  }
  return value as Json;
}

/** JSON with object keys sorted: equal strings ⇔ equal canonical values. */
export function stableKey(value: Canon): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableKey).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableKey(value[k] as Canon)}`).join(',')}}`;
}

export function isRow(v: unknown): v is Row {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function compareScalars(a: unknown, b: unknown): number {
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
