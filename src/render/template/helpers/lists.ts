// Block helpers that iterate over what the audience may see:
// {{#facts tag="key"}}…{{/facts}}, {{#questions}}, {{#analysis}}, {{#glossary}}, {{#entities}}, {{#events}}.
import { eventInterval } from '../../../facts/item-dates.js';
import { STATUSES } from '../../../facts/kinds.js';
import type { Fact } from '../../../facts/schema.js';
import { nearest } from '../../../util/closest.js';
import { compareText } from '../../../util/collate.js';
import { compareDates } from '../../../util/dates.js';
import type { RenderState } from '../state.js';
import { each, factsOf, type Helper, ids, int, type Options, split, str, tagged } from './args.js';
import { analysisView, entityView, eventView, factView, questionView, termView } from './views.js';

/** Tags asked for by `tag=` (or `topic=`; space-separated: any of them), else the audience's own. */
function wantedTags(s: RenderState, o: Options): string[] {
  const t = str(o, 'tag') ?? str(o, 'topic');
  if (t) return t.split(/[\s,]+/).filter(Boolean);
  return o.hash.all === true ? [] : s.audience.front.tags;
}

/**
 * For a list that selected nothing: warns of tags asked for with tag= that no item of the
 * kind has in the whole fact base (a list copied from another hearing). Only then, so that
 * a render reads (and `watch` tracks) no item it does not print.
 */
function checkTags(s: RenderState, o: Options, kind: 'facts' | 'events' | 'questions' | 'analysis' | 'entities'): void {
  const asked = (str(o, 'tag') ?? str(o, 'topic') ?? '').split(/[\s,]+/).filter(Boolean);
  if (asked.length === 0) return;
  const known = new Set([...s.full[kind].values()].flatMap((x) => x.tags ?? []));
  for (const tag of asked.filter((t) => !known.has(t))) {
    const near = nearest(tag, known);
    const hint = near.length
      ? `did you mean ${near.map((n) => `"${n}"`).join(' or ')}?`
      : `tag some ${kind} "${tag}", or ask for a tag they have`;
    s.warn(o.loc, `tag "${tag}" selects nothing: no item of ${kind} has it`, hint, 'unused-tag');
  }
}

function limited<T>(s: RenderState, o: Options, items: T[], what: string): T[] {
  const min = int(o, 'min');
  if (min !== undefined && items.length < min) {
    s.fail(
      o.loc,
      `only ${items.length} ${what} match, at least ${min} wanted`,
      'add items to the fact base, widen the filter, or lower `min`',
    );
  }
  const limit = int(o, 'limit');
  return limit === undefined ? items : items.slice(0, limit);
}

/**
 * How many matching items decide a list with `limit=` (and `min=` no higher): the first
 * `limit` are printed and `min` is met, whatever follows. At least one, so that a list
 * with `limit=0` still knows it selected something (no unused-tag warning). Otherwise
 * every item is needed.
 */
function enough(o: Options): number {
  const limit = int(o, 'limit');
  const min = int(o, 'min');
  if (limit === undefined || !Number.isInteger(limit) || limit < 0) return Number.POSITIVE_INFINITY;
  return min === undefined || min <= limit ? Math.max(limit, 1) : Number.POSITIVE_INFINITY;
}

/** The first `count` items that pass `keep`, in order: a limited list over a big fact base stops early. */
function firstOf<T>(items: Iterable<T>, keep: (item: T) => boolean, count: number): T[] {
  const out: T[] = [];
  for (const item of items) {
    if (!keep(item)) continue;
    if (out.push(item) >= count) break;
  }
  return out;
}

export function listHelpers(s: RenderState): Record<string, Helper> {
  return {
    /**
     * {{#facts tag="key"}}…{{/facts}}: facts with any of the tags (default: the audience's `tags`), in file order.
     * Also except="tag …", status="alleged", single=true (single-source only: one origin), limit=N, min=N,
     * all=true (ignore the audience's tags); or {{#facts "id1" "id2"}} for a fixed list.
     */
    facts(this: unknown, ...args) {
      const [params, o] = split(args);
      const status = str(o, 'status');
      const except = (str(o, 'except') ?? '').split(/[\s,]+/).filter(Boolean);
      if (status && !(STATUSES as readonly string[]).includes(status)) {
        s.fail(o.loc, `unknown status "${status}"`, `use one of ${STATUSES.join(', ')}`);
      }
      const tags = wantedTags(s, o);
      const wanted = (f: Fact) =>
        tagged(f, tags) &&
        !f.tags.some((t) => except.includes(t)) &&
        (!status || f.status === status) &&
        (o.hash.single !== true || s.provenance(f).singleSource);
      const picked = params.length > 0 ? factsOf(s, ids(params), o.loc) : firstOf(s.fb.facts.values(), wanted, enough(o));
      if (picked.length === 0) checkTags(s, o, 'facts');
      const shown = each.call(
        this,
        s,
        limited(s, o, picked, 'facts').map((f) => factView(s, f)),
        o,
      );
      // With tracked changes, the facts this list printed at REV that are gone since follow
      // it, to be shown as deletions (marks.ts); the packet's own Markdown never has them.
      const tracker = params.length > 0 ? undefined : s.tracker;
      const removed = tracker ? [...tracker.revisions.removed.values()].filter(wanted) : [];
      if (!tracker || removed.length === 0) return shown;
      return (
        shown +
        tracker.removedItems(() =>
          each.call(
            this,
            s,
            removed.map((f) => factView(s, f)),
            o,
          ),
        )
      );
    },
    /** {{#questions tag="member" [difficulty="hard"] [order="hard-first"] [limit=5] [min=3]}} */
    questions(this: unknown, ...args) {
      const [, o] = split(args);
      const tag = str(o, 'tag');
      const difficulty = str(o, 'difficulty');
      let list = [...s.fb.questions.values()].filter((q) => (!tag || q.tags.includes(tag)) && (!difficulty || q.difficulty === difficulty));
      if (list.length === 0) checkTags(s, o, 'questions');
      if (str(o, 'order') === 'hard-first') {
        list = [...list.filter((q) => q.difficulty === 'hard'), ...list.filter((q) => q.difficulty !== 'hard')];
      }
      return each.call(
        this,
        s,
        limited(s, o, list, 'questions').map((x) => questionView(s, x)),
        o,
      );
    },
    /** {{#analysis kind="recommendation"}}: staff analysis (internal audiences only see any). */
    analysis(this: unknown, ...args) {
      const [, o] = split(args);
      const kind = str(o, 'kind');
      const tag = str(o, 'tag');
      const list = [...s.fb.analysis.values()].filter((a) => (!kind || a.kind === kind) && (!tag || a.tags.includes(tag)));
      return each.call(
        this,
        s,
        limited(s, o, list, 'analysis items').map((x) => analysisView(s, x)),
        o,
      );
    },
    glossary(this: unknown, ...args) {
      const [, o] = split(args);
      const list = [...s.fb.glossary.values()].sort((a, b) => compareText(a.term, b.term));
      return each.call(
        this,
        s,
        limited(s, o, list, 'glossary terms').map((x) => termView(s, x)),
        o,
      );
    },
    /** {{#entities kind="company lab" [tag="industry"]}} */
    entities(this: unknown, ...args) {
      const [params, o] = split(args);
      const kinds = (str(o, 'kind') ?? '').split(/[\s,]+/).filter(Boolean);
      const tag = str(o, 'tag');
      const list =
        params.length > 0
          ? ids(params).map((id) => s.entity(id, o.loc))
          : [...s.fb.entities.values()].filter((e) => (kinds.length === 0 || kinds.includes(e.kind)) && (!tag || e.tags.includes(tag)));
      return each.call(
        this,
        s,
        limited(s, o, list, 'entities').map((x) => entityView(s, x)),
        o,
      );
    },
    /** {{#events [tag="letter"]}} in date order. */
    events(this: unknown, ...args) {
      const [, o] = split(args);
      const events = sortedEvents(s, wantedTags(s, o));
      if (events.length === 0) checkTags(s, o, 'events');
      return each.call(
        this,
        s,
        limited(s, o, events, 'events').map((x) => eventView(s, x)),
        o,
      );
    },
  };
}

/** Events in timeline order (util/dates.ts, compareDates): never one before an event it must follow; ties in file order. */
export function sortedEvents(s: RenderState, tags: readonly string[]) {
  return [...s.fb.events.values()]
    .filter((e) => tagged(e, tags))
    .map((e, i) => ({ e, i, when: eventInterval(e) }))
    .sort((a, b) => compareDates(a.when, b.when) || a.i - b.i)
    .map(({ e }) => e);
}

/** The events a timeline prints: `tag=` (space-separated), else all with `all=true`, else the audience's tags; then `limit=`. */
export function timelineEvents(s: RenderState, o: Options) {
  const t = str(o, 'tag');
  const events = sortedEvents(s, t ? t.split(/[\s,]+/) : o.hash.all === true ? [] : s.audience.front.tags);
  const limit = int(o, 'limit');
  return limit === undefined ? events : events.slice(0, limit);
}
