// Which snapshot of the dataset an import read: its date (cited as the source's date)
// and, when the folder's README records it, the upstream commit.
import { UserError } from '../errors.js';
import { partialDate } from '../facts/schema.js';
import type { RawDataset } from './read-dataset.js';

export interface Snapshot {
  date: string;
  commit?: string;
  /** How the date was found, for the command's report. */
  dateFrom: 'option' | 'readme' | 'modified' | 'today';
}

export function snapshotOf(raw: Pick<RawDataset, 'readme' | 'modified'>, override?: string, now = new Date()): Snapshot {
  const commit = raw.readme?.match(/\bcommit\s+`?([0-9a-f]{7,40})\b/i)?.[1];
  if (override !== undefined) {
    if (!partialDate.safeParse(override).success) {
      throw new UserError(`--date ${override} is not a date`, { hint: 'give the snapshot date as YYYY-MM-DD, e.g. --date 2026-06-15' });
    }
    return { date: override, commit, dateFrom: 'option' };
  }
  const fromReadme = raw.readme?.match(/\blast change\s+(\d{4}-\d{2}-\d{2})\b/i)?.[1];
  if (fromReadme && partialDate.safeParse(fromReadme).success) return { date: fromReadme, commit, dateFrom: 'readme' };
  if (raw.modified) return { date: isoDay(raw.modified), commit, dateFrom: 'modified' };
  return { date: isoDay(now), commit, dateFrom: 'today' };
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
