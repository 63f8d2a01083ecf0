// When a build's facts are current ("as of"), the hearing it prepares for, and how old a
// check may be: from briefbook.yaml, `--as-of`, and the build stamp. Packets print the
// as-of date and tell a hearing ahead from one held by comparing the two; validate ages
// check dates against the same as-of date (staleness.ts).
import { NOT_YET_KNOWN, type ProjectConfig } from '../project.js';
import { type DateInterval, parseDate } from '../util/dates.js';
import type { Sensitivity } from './kinds.js';
import { rank } from './select.js';

export interface Hearing {
  title?: string;
  committee?: string;
  /** The date as an interval; undefined when not set or "not yet known" (see `dateKnown`). */
  date?: DateInterval;
  /** Set and not "not yet known". */
  dateKnown: boolean;
  /** "not yet known" as written, or unset. */
  dateText?: string;
  time?: string;
  room?: string;
  witnesses?: readonly string[] | typeof NOT_YET_KNOWN;
}

export interface PacketTime {
  /** YYYY-MM-DD: the day the packets' facts are current as of. */
  asOf: string;
  /** Where it came from, for messages. */
  asOfFrom: 'option' | 'config' | 'stamp';
  /** Facts last checked more than this many days before `asOf` are stale. */
  staleAfterDays: number;
  hearing?: Hearing;
}

/**
 * The as-of date: `--as-of`, else `asOf:` in briefbook.yaml, else the build stamp's date.
 * With `level` (an audience's), the hearing only when its `sensitivity` is within it.
 */
export function packetTime(
  config: Partial<Pick<ProjectConfig, 'asOf' | 'hearing' | 'staleAfterDays'>>,
  stampDate: string,
  asOf?: string,
  level: Sensitivity = 'restricted',
): PacketTime {
  const h = config.hearing && rank(config.hearing.sensitivity ?? 'public') <= rank(level) ? config.hearing : undefined;
  const dateKnown = h?.date !== undefined && h.date !== NOT_YET_KNOWN;
  return {
    asOf: asOf ?? config.asOf ?? stampDate,
    asOfFrom: asOf ? 'option' : config.asOf ? 'config' : 'stamp',
    staleAfterDays: config.staleAfterDays ?? 14,
    hearing: h && {
      title: h.title,
      committee: h.committee,
      // Checked when the config was read (project.ts): it parses.
      date: dateKnown ? parseDate(h.date as string) : undefined,
      dateKnown,
      dateText: h.date,
      time: h.time,
      room: h.room,
      witnesses: h.witnesses,
    },
  };
}

/**
 * Whether the hearing is ahead of the as-of date or past it: `upcoming` before its earliest
 * possible day, `held` after its latest, `today` on its one day; `unknown` when it has no
 * date, or the as-of date falls within the days it may be on.
 */
export type HearingStatus = 'upcoming' | 'today' | 'held' | 'unknown';

export function hearingStatus(h: Hearing, asOf: string): HearingStatus {
  const d = h.date;
  if (!d) return 'unknown';
  if (d.earliest !== undefined && asOf < d.earliest) return 'upcoming';
  if (d.latest !== undefined && asOf > d.latest) return 'held';
  if (d.earliest === asOf && d.latest === asOf) return 'today';
  return 'unknown';
}
