// Check dates in a diff. Re-checking a fact touches its `checked:` (and maybe each
// citation's); listing each as a field change would bury the real edits, so the formats
// show one line per item — "re-checked 2026-06-20 → 2026-06-24", the item's last check
// before and after — and an item changed by nothing else takes one line in all.
import { type Canon, isRow } from './canonical.js';
import type { ChangedItem, FieldChange } from './compare.js';

export interface Recheck {
  /** The item's last check (its own or any citation's), YYYY-MM-DD, before and after; null for none. */
  from: string | null;
  to: string | null;
}

/** `checked`, `sources[src.ft].checked`, `variants[v].sources[src.ft].checked`. */
export const isCheckPath = (path: string): boolean => /(^|\.)checked$/.test(path);

/** The latest check date an item records: its own `checked` or any citation's. */
export function lastCheckIn(item: Canon): string | null {
  if (!isRow(item)) return null;
  const days: string[] = [];
  const take = (row: unknown) => {
    if (isRow(row) && typeof row.checked === 'string') days.push(row.checked);
  };
  take(item);
  const cites = (list: unknown) => (Array.isArray(list) ? list.forEach(take) : undefined);
  cites(item.sources);
  if (Array.isArray(item.variants)) for (const v of item.variants) if (isRow(v)) cites(v.sources);
  return days.sort().at(-1) ?? null;
}

/** The item's re-check, when its check dates changed. */
export function recheckOf(before: Canon, after: Canon, fields: readonly FieldChange[]): Recheck | undefined {
  const from = lastCheckIn(before);
  const to = lastCheckIn(after);
  return from !== to || fields.some((f) => isCheckPath(f.path)) ? { from, to } : undefined;
}

export function recheckText(r: Recheck): string {
  if (r.from === null) return `checked ${r.to} (no check recorded before)`;
  if (r.to === null) return `check date removed (was ${r.from})`;
  if (r.from === r.to) return `re-checked against some sources (last check still ${r.to})`;
  return `re-checked ${r.from} → ${r.to}`;
}

/** The fields to show of a changed item: its check dates are the re-check line instead. */
export const shownFields = (c: ChangedItem): FieldChange[] => (c.rechecked ? c.fields.filter((f) => !isCheckPath(f.path)) : c.fields);

/** Nothing but check dates changed: the item takes one line. */
export const onlyRechecked = (c: ChangedItem): boolean => c.rechecked !== undefined && shownFields(c).length === 0;
