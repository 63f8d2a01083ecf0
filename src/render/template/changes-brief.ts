// The short form of the "Changes since" section, for packets with a page limit: the most
// important changes first, one line each, cut with "and N more".

import type { Canon } from '../../diff/canonical.js';
import { headline } from '../../diff/describe.js';
import { TAINT, UNTAINTED } from '../escape.js';
import type { BriefLine, ChangeDetail, ChangeEntry, ChangesContext, ChangesView } from './changes-view.js';

/** Lines of the short form, the "and N more" line included; keeps a two-page memo at two pages. */
export const BRIEF_LINES = 8;
const BRIEF_TEXT = 100;

type View = Pick<ChangesView, 'called' | 'changed' | 'rechecked' | 'added' | 'removed' | 'renamed'>;

/** The short form: the most important changes first, one line each, cut with "and N more". */
export function brief(view: View, ctx: ChangesContext): ChangesView['brief'] {
  const lines: BriefLine[] = [
    ...view.called.map((e) => ({
      [TAINT]: e[TAINT],
      label: capital(e.details.filter(isStatusOrSensitivity).map(nowWas).join('; ')),
      text: briefText(e, ctx),
    })),
    ...view.changed.map((e) => ({ [TAINT]: e[TAINT], label: revision(e), text: briefText(e, ctx) })),
    ...view.added.map((e) => ({ [TAINT]: e[TAINT], label: `New ${e.noun}`, text: e.headline && clip(e.headline, BRIEF_TEXT) })),
    ...view.removed.map((e) => ({ [TAINT]: e[TAINT], label: `Dropped ${e.noun}`, text: e.headline && clip(e.headline, BRIEF_TEXT) })),
    ...view.renamed.map((e) => ({ [TAINT]: e[TAINT], label: `Renamed ${e.noun}`, text: `${e.from} → ${e.to}` })),
    // Re-checks change no wording: one line for them all, last.
    ...rechecks(view.rechecked, ctx),
  ];
  if (lines.length <= BRIEF_LINES) return { lines, more: 0 };
  return { lines: lines.slice(0, BRIEF_LINES - 1), more: lines.length - (BRIEF_LINES - 1) };
}

/** Re-checks change no wording: one line for them all, last. */
function rechecks(list: View['rechecked'], ctx: ChangesContext): BriefLine[] {
  const [only] = list;
  if (!only) return [];
  // The count names no item, so it carries no item's sensitivity.
  if (list.length > 1) return [{ [TAINT]: UNTAINTED, label: `Re-checked: ${list.length} items`, text: 'no wording changed' }];
  return [{ [TAINT]: only[TAINT], label: capital(only.text), text: briefText(only, ctx) }];
}

const isStatusOrSensitivity = (d: ChangeDetail) => d.field === 'status' || d.field === 'sensitivity';
const nowWas = (d: ChangeDetail) => `now ${d.to} (was ${d.from})`;

/** "Figure revised (28.8 million → 29.1 million)", "Date revised (June 2026 → after June 10, 2026)", "Reworded"… */
function revision(e: ChangeEntry): string {
  const figure = e.details.find((d) => /(^|\.)value\.number$/.test(d.field) && d.from !== null && d.to !== null);
  const date = e.details.find((d) => d.field === 'date' && d.from !== null && d.to !== null);
  const parts = [
    figure ? `figure revised (${figure.from} → ${figure.to})` : '',
    date ? `date revised (${date.from} → ${date.to})` : '',
    e.details.some((d) => d.field === 'statement') ? 'reworded' : '',
  ].filter(Boolean);
  return capital(parts.length > 0 ? parts.join('; ') : 'revised');
}

function briefText(e: Pick<ChangeEntry, 'kind' | 'id'>, ctx: ChangesContext): string | null {
  const now = headline(e.kind, ctx.current(e.kind, e.id) as Canon);
  return now ? clip(now, BRIEF_TEXT) : null;
}

/** Cuts text at a word boundary, with an ellipsis. */
export function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.\u2014\u2013-]+$/, '')}…`;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
