// The template values about time: the as-of date and the hearing, in words. The template
// context gets `asOf`, `factsAsOf` and `hearing` (docs/packets.md, Context values); the PDF's
// running header and footer get `running`. Only the as-of line and the hearing's
// upcoming/held wording depend on the as-of date, so a packet built for another as-of date
// differs in those words and nothing else.
import { type HearingStatus, hearingStatus, type PacketTime } from '../../facts/packet-time.js';
import { NOT_YET_KNOWN } from '../../project.js';
import { dateWords } from '../../util/date-words.js';
import { parseDate } from '../../util/dates.js';

export interface HearingView {
  title: string | null;
  committee: string | null;
  /** "June 30, 2026", "after June 10, 2026", "not yet known"; null when not set. */
  date: string | null;
  time: string | null;
  room: string | null;
  /** One per line; null when not set (see witnessesText for "not yet known"). */
  witnesses: string[] | null;
  /** "A; B", or "not yet known"; null when not set. */
  witnessesText: string | null;
  /** "upcoming", "today", "held", "date not yet known", or "may already have been held". */
  status: string;
  /** The date with its status: "June 30, 2026 (upcoming)", "after June 10, 2026 (may already have been held)", "not yet known". */
  when: string | null;
  upcoming: boolean;
  today: boolean;
  held: boolean;
  /**
   * Title, committee and date (with its status) on one line, then time and room once known:
   * "Oversight hearing; Senate Committee on Testing; June 30, 2026 (upcoming); 10:00 a.m.".
   */
  line: string;
  /** For the running header: "Hearing June 30, 2026 (upcoming)", "Hearing date not yet known". */
  running: string;
}

export interface TimeView {
  /** "June 25, 2026". */
  asOf: string;
  /** "Facts as of June 25, 2026". */
  factsAsOf: string;
  hearing: HearingView | null;
}

const STATUS_WORDS: Record<Exclude<HearingStatus, 'unknown'>, string> = { upcoming: 'upcoming', today: 'today', held: 'held' };

export function timeView(t: PacketTime): TimeView {
  const asOf = dateWords(parseDate(t.asOf));
  return { asOf, factsAsOf: `Facts as of ${asOf}`, hearing: t.hearing ? hearingView(t, t.hearing) : null };
}

function hearingView(t: PacketTime, h: NonNullable<PacketTime['hearing']>): HearingView {
  const st = hearingStatus(h, t.asOf);
  const date = h.date ? dateWords(h.date) : (h.dateText ?? null);
  const status = st !== 'unknown' ? STATUS_WORDS[st] : h.dateKnown ? 'may already have been held' : 'date not yet known';
  const witnesses = Array.isArray(h.witnesses) ? [...h.witnesses] : null;
  const witnessesText = witnesses ? witnesses.join('; ') : h.witnesses === NOT_YET_KNOWN ? NOT_YET_KNOWN : null;
  // "committee not yet known" reads on its own; a known value needs no label.
  const said = (value: string | undefined, label: string) => (value === NOT_YET_KNOWN ? `${label} not yet known` : value);
  const known = (value: string | undefined) => (value === NOT_YET_KNOWN ? undefined : value);
  const when = h.date ? `${date} (${status})` : (h.dateText ?? null);
  return {
    title: h.title ?? null,
    committee: h.committee ?? null,
    date,
    time: h.time ?? null,
    room: h.room ?? null,
    witnesses,
    witnessesText,
    status,
    when,
    upcoming: st === 'upcoming',
    today: st === 'today',
    held: st === 'held',
    // Time and room only once known: a one-line summary has no room for what is missing there.
    line: [h.title, said(h.committee, 'committee'), h.date ? when : said(h.dateText, 'date'), known(h.time), known(h.room)]
      .filter(Boolean)
      .join('; '),
    running: h.date ? `Hearing ${when}` : 'Hearing date not yet known',
  };
}
