// The "Changes since REV" section: what the `changes` partial displays. diff/since.ts
// yields the changes each sensitivity level may see; here they become a view for one
// audience (`changesFor`), which the partial only lays out. The leak guard still checks
// the rendered output afterwards. Everything here is plain text: the template context
// escapes every string, so fact text cannot turn into markup.
import type { Canon } from '../../diff/canonical.js';
import type { ChangedItem, FieldChange, ItemEntry } from '../../diff/compare.js';
import { badges, headline, isLongText, noun } from '../../diff/describe.js';
import { onlyRechecked, shownFields } from '../../diff/rechecks.js';
import type { DiffResult } from '../../diff/result.js';
import type { Since } from '../../diff/since.js';
import type { FactBase } from '../../facts/factbase.js';
import { type Kind, type Sensitivity, SINGULAR } from '../../facts/kinds.js';
import { levelOf } from '../../facts/levels.js';
import { excludedFacts } from '../../facts/select.js';
import { squash } from '../../util/text.js';
import { TAINT, type Taint } from '../escape.js';
import { brief, clip } from './changes-brief.js';
import { dateValue, type RecheckEntry, recheckDetails, recheckEntry } from './changes-time.js';
import { formatDate } from './format.js';
import { formatNumber } from './numbers.js';

export interface ChangeDetail {
  /** The field, as `briefbook diff` names it: `status`, `statement`, `variants[low].value.number`. */
  field: string;
  from: string | null;
  to: string | null;
  /** The change on one line: "alleged → confirmed", "added", "added src.ft; removed src.wsj". */
  text: string;
  /** Long text on either side: shown as a before/after pair instead of `text`. */
  long: boolean;
}

export interface ChangeEntry {
  /** The item's sensitivity: every string of the entry carries it into the template. */
  [TAINT]: Taint;
  kind: Kind;
  /** "fact", "source", "glossary term"… */
  noun: string;
  id: string;
  /** The line a reader knows the item by (a statement, a title); null when it has none. */
  headline: string | null;
  /** "alleged, public" for added and removed items that carry a status or sensitivity. */
  badges: string | null;
  details: ChangeDetail[];
}

export interface RenamedEntry {
  [TAINT]: Taint;
  kind: Kind;
  noun: string;
  from: string;
  to: string;
}

/** One line of the short form (packets with a page limit): a label and the item's headline. */
export interface BriefLine {
  [TAINT]: Taint;
  label: string;
  text: string | null;
}

export interface ChangesView {
  /** The revision as the user named it ("HEAD~2", "v-june-10"). */
  since: string;
  /** Its short commit id and commit date ("June 24, 2026"); null for a side that is not a commit. */
  commit: string | null;
  date: string | null;
  /** What it was compared with: "working tree", i.e. the fact base this build read. */
  to: string;
  /** Items listed below, all groups together. */
  total: number;
  /** "1 status or sensitivity change, 2 revised, 1 added"; empty when there are none. */
  counts: string;
  /** Items whose status or sensitivity changed (all their fields shown), first. */
  called: ChangeEntry[];
  /** Other changed items. */
  changed: ChangeEntry[];
  /** Items whose only change is a check date: one line each ("re-checked June 20, 2026 → June 24, 2026"). */
  rechecked: RecheckEntry[];
  added: ChangeEntry[];
  removed: ChangeEntry[];
  renamed: RenamedEntry[];
  /** Items this audience saw at REV that are now above its sensitivity: counted, never named. */
  withdrawn: number;
  /** The short form: at most BRIEF_LINES lines, the last one "and N more" when cut. */
  brief: { lines: BriefLine[]; more: number };
}

export interface ChangesContext {
  /** The commit REV names: short id and commit date (YYYY-MM-DD, or a full ISO date). */
  commit?: { short: string; date: string };
  /** The item as it is now in the fact base being built (for the headline of a changed item). */
  current: (kind: Kind, id: string) => unknown;
  /** True for text of a fact this audience may not see now (say, a fact renamed and made internal at once). */
  hidden?: (text: string) => boolean;
}

const HEADLINE = 160;

/**
 * The view for each sensitivity level, against the fact base being built: the headline of a
 * changed item is its current text, and text that lives on only in facts hidden from the
 * level is withheld.
 */
export function changesFor(since: Since, factBase: FactBase): (max: Sensitivity) => ChangesView {
  const current = (kind: Kind, id: string) => (factBase[kind] as Map<string, unknown>).get(id);
  const memo = new Map<Sensitivity, ChangesView>();
  return (max) => {
    let view = memo.get(max);
    if (!view) {
      const hiddenTexts = new Set(excludedFacts(factBase, max).flatMap((x) => x.texts.map(squash)));
      view = changesView(since.forLevel(max), { commit: since.commit, current, hidden: (text) => hiddenTexts.has(squash(text)) });
      memo.set(max, view);
    }
    return view;
  };
}

/** A diff, already filtered for one audience, as the section shows it. */
export function changesView(result: DiffResult, ctx: ChangesContext): ChangesView {
  const called = result.changed.filter(isCalledOut);
  const changed = result.changed.filter((c) => !isCalledOut(c) && !onlyRechecked(c));
  const rechecked = result.changed.filter((c) => !isCalledOut(c) && onlyRechecked(c));
  // An item that left this audience's view but still exists was moved above its level;
  // naming it (or quoting its old text) would tell the audience what it may not see.
  // The same goes for old text that lives on in a fact now hidden from it.
  const withheld = (e: ItemEntry) => ctx.current(e.kind, e.id) !== undefined || ctx.hidden?.(headline(e.kind, e.item)) === true;
  const removed = result.removed.filter((e) => !withheld(e));
  const withdrawn = result.removed.length - removed.length;
  const view = {
    called: called.map((c) => changedEntry(c, ctx)),
    changed: changed.map((c) => changedEntry(c, ctx)),
    rechecked: rechecked.map((c) => recheckEntry(c, taint(c.kind, c.id, ctx.current(c.kind, c.id)))),
    added: result.added.map(listedEntry),
    removed: removed.map(listedEntry),
    renamed: result.renamed.map((r) => ({
      [TAINT]: taint(r.kind, r.to, ctx.current(r.kind, r.to)),
      kind: r.kind,
      noun: noun(r.kind),
      from: r.from,
      to: r.to,
    })),
  };
  const total =
    view.called.length + view.changed.length + view.rechecked.length + view.added.length + view.removed.length + view.renamed.length;
  return {
    since: result.from,
    commit: ctx.commit?.short ?? null,
    date: ctx.commit ? formatDate(ctx.commit.date.slice(0, 10)) : null,
    to: result.to,
    total,
    counts: counts([
      [view.called.length, 'status or sensitivity change', 'status or sensitivity changes'],
      [view.changed.length, 'revised', 'revised'],
      [view.rechecked.length, 're-checked', 're-checked'],
      [view.added.length, 'added', 'added'],
      [view.removed.length, 'removed', 'removed'],
      [view.renamed.length, 'renamed', 'renamed'],
    ]),
    ...view,
    withdrawn,
    brief: brief(view, ctx),
  };
}

/** An entry's taint: the sensitivity of the item it shows (as it is now, or as it was when gone). */
function taint(kind: Kind, id: string, item: unknown): Taint {
  const sensitivity = (item as { sensitivity?: Sensitivity } | undefined)?.sensitivity;
  return { level: levelOf({ sensitivity }), what: `the change to ${SINGULAR[kind]} "${id}"` };
}

const isCalledOut = (c: ChangedItem) => c.fields.some((f) => f.path === 'status' || f.path === 'sensitivity');

function changedEntry(c: ChangedItem, ctx: ChangesContext): ChangeEntry {
  const statementChanged = c.fields.some((f) => f.path === 'statement');
  const now = headline(c.kind, ctx.current(c.kind, c.id) as Canon);
  return {
    [TAINT]: taint(c.kind, c.id, ctx.current(c.kind, c.id)),
    kind: c.kind,
    noun: noun(c.kind),
    id: c.id,
    // A changed statement is shown as before/after; repeating it as the headline adds nothing.
    headline: statementChanged || !now ? null : clip(now, HEADLINE),
    badges: null,
    details: [...shownFields(c).map(detail), ...recheckDetails(c)],
  };
}

function listedEntry(e: ItemEntry): ChangeEntry {
  const b = badges(e.item);
  return {
    [TAINT]: taint(e.kind, e.id, e.item),
    kind: e.kind,
    noun: noun(e.kind),
    id: e.id,
    headline: headline(e.kind, e.item) || null,
    badges: b.join(', ') || null,
    details: [],
  };
}

function detail(f: FieldChange): ChangeDetail {
  const value = (v: Canon) => dateValue(f, v) ?? show(v);
  const from = f.from === null ? null : value(f.from);
  const to = f.to === null ? null : value(f.to);
  const long = !f.added && !f.removed && f.from !== null && f.to !== null && isLongText(f.from, f.to);
  return { field: f.path, from, to, text: oneLine(f, from, to), long };
}

function oneLine(f: FieldChange, from: string | null, to: string | null): string {
  if (f.added || f.removed) {
    return [
      f.added?.length ? `added ${f.added.map(show).join(', ')}` : '',
      f.removed?.length ? `removed ${f.removed.map(show).join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('; ');
  }
  // An element of a keyed list (`sources[src.ft]`, `variants[low]`) came or went whole.
  const element = /\]$/.test(f.path);
  if (from === null) return element ? 'added' : `added: ${to}`;
  if (to === null) return element ? 'removed' : `removed (was ${from})`;
  return `${from} → ${to}`;
}

/** A value as a reader wants it: text as it is, figures grouped, records as "key value" pairs. */
function show(v: Canon): string {
  if (v === null) return '(none)';
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return v.map(show).join(', ');
  return Object.entries(v)
    .map(([k, x]) => `${k} ${show(x)}`)
    .join(', ');
}

function counts(parts: [number, string, string][]): string {
  return parts
    .filter(([n]) => n > 0)
    .map(([n, one, many]) => `${n} ${n === 1 ? one : many}`)
    .join(', ');
}
