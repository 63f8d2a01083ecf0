// Time in the "Changes since" section: an item only re-checked takes one line ("re-checked
// June 20, 2026 → June 24, 2026"), a revised item's check dates one detail, and a revised
// date reads in words ("June 2026 → after June 10, 2026"). Apart from changes-view.ts,
// which lays out everything else.
import type { Canon } from '../../diff/canonical.js';
import type { ChangedItem, FieldChange } from '../../diff/compare.js';
import { noun } from '../../diff/describe.js';
import type { Recheck } from '../../diff/rechecks.js';
import type { Kind } from '../../facts/kinds.js';
import { TAINT, type Taint } from '../escape.js';
import { formatDate } from './format.js';

export interface RecheckEntry {
  /** The item's sensitivity: the line carries it into the template. */
  [TAINT]: Taint;
  kind: Kind;
  noun: string;
  id: string;
  /** "re-checked June 20, 2026 → June 24, 2026". */
  text: string;
}

/** A re-check in a packet's words. */
export function recheckWords(r: Recheck): string {
  const day = (d: string | null) => (d === null ? '' : formatDate(d));
  if (r.from === null) return `checked ${day(r.to)}`;
  if (r.to === null) return `check date removed (was ${day(r.from)})`;
  if (r.from === r.to) return `re-checked against some sources (last check still ${day(r.to)})`;
  return `re-checked ${day(r.from)} → ${day(r.to)}`;
}

/** An item whose only change is a re-check, as its one line. */
export const recheckEntry = (c: ChangedItem, taint: Taint): RecheckEntry => ({
  [TAINT]: taint,
  kind: c.kind,
  noun: noun(c.kind),
  id: c.id,
  text: c.rechecked ? recheckWords(c.rechecked) : '',
});

/** A revised item's check dates as one detail, in place of a field per `checked:`. */
export const recheckDetails = (c: ChangedItem) =>
  c.rechecked ? [{ field: 'checked', from: c.rechecked.from, to: c.rechecked.to, text: recheckWords(c.rechecked), long: false }] : [];

/** Fields that hold a date. */
const DATE_FIELD = /(^|\.)(date|end|period\.from|period\.to)$/;

/** A field's value in words when it is a date ("after June 10, 2026"); undefined otherwise. */
export const dateValue = (f: FieldChange, v: Canon): string | undefined =>
  typeof v === 'string' && DATE_FIELD.test(f.path) ? formatDate(v) : undefined;
