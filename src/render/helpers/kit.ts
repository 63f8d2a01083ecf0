// Shared plumbing for helpers: the options Handlebars passes, argument splitting, and
// the views (plain objects) that block helpers hand to their bodies.
import Handlebars from 'handlebars';
import { corroboration, factSourceIds } from '../../facts/factbase.js';
import type { Analysis, Entity, Event, Fact, Question, Term } from '../../facts/schema.js';
import { raw, wrapStrings } from '../escape.js';
import { formatValue } from '../format.js';
import { memberName } from '../roster.js';
import type { Loc, RenderState } from '../state.js';

export interface Options {
  hash: Record<string, unknown>;
  fn?: (context: unknown, opts?: { data?: unknown }) => string;
  inverse?: (context: unknown) => string;
  data?: unknown;
  loc?: Loc;
}

export type Helper = (this: unknown, ...args: unknown[]) => unknown;

/** Splits Handlebars' (...params, options) calling convention. */
export function split(args: unknown[]): [unknown[], Options] {
  const o = args.at(-1) as Options;
  return [args.slice(0, -1), o];
}

export const safe = (s: string) => new Handlebars.SafeString(s);

/** Flattens string, Text and array arguments into ids; "a b" also splits. */
export function ids(params: unknown[]): string[] {
  const out: string[] = [];
  const add = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(add);
    else for (const s of raw(v).split(/[\s,]+/)) if (s) out.push(s);
  };
  params.forEach(add);
  return [...new Set(out)];
}

export function str(o: Options, key: string): string | undefined {
  const v = o.hash[key];
  return v === undefined || v === null ? undefined : raw(v);
}

export function int(o: Options, key: string): number | undefined {
  const v = o.hash[key];
  return typeof v === 'number' ? v : v === undefined ? undefined : Number(raw(v));
}

/** Runs a block once per item with @index, @position (1-based), @first, @last; or its {{else}} when empty. */
export function each(this: unknown, items: readonly unknown[], o: Options): string {
  if (items.length === 0) return o.inverse ? o.inverse(this) : '';
  return items
    .map((item, i) => {
      const data = Handlebars.createFrame(o.data ?? {});
      Object.assign(data, { index: i, position: i + 1, first: i === 0, last: i === items.length - 1 });
      return o.fn ? o.fn(wrapStrings(item), { data }) : '';
    })
    .join('');
}

/** Keeps items that have any of the wanted tags; no wanted tags keeps all. */
export function tagged(item: { tags: readonly string[] }, wanted: readonly string[]): boolean {
  return wanted.length === 0 || item.tags.some((t) => wanted.includes(t));
}

export function factView(s: RenderState, f: Fact) {
  return {
    id: f.id,
    statement: f.statement,
    status: f.status,
    sensitivity: f.sensitivity,
    tags: f.tags,
    date: f.date ?? null,
    value: f.value ? formatValue(f.value) : null,
    sources: factSourceIds(f),
    corroboration: corroboration(f, s.fb.sources),
    singleSource: factSourceIds(f).length <= 1,
    variants: f.variants.map((v) => ({ id: v.id ?? null, statement: v.statement, value: v.value ? formatValue(v.value) : null })),
    note: s.showsInternal ? (f.note ?? null) : null,
  };
}

export const questionView = (q: Question) => ({
  id: q.id,
  question: q.question,
  answer: q.answer,
  facts: q.facts,
  difficulty: q.difficulty,
  hard: q.difficulty === 'hard',
  tags: q.tags,
});

export const analysisView = (a: Analysis) => ({ id: a.id, kind: a.kind, text: a.text, facts: a.facts, tags: a.tags });

export const termView = (t: Term) => ({ id: t.id, term: t.term, definition: t.definition, facts: t.facts });

export const eventView = (e: Event) => ({ id: e.id, date: e.date, end: e.end ?? null, title: e.title, facts: e.facts });

export const entityView = (e: Entity) => ({
  id: e.id,
  name: e.name,
  kind: e.kind,
  description: e.description ?? null,
  roles: e.roles,
  party: e.party ?? null,
  state: e.state ?? null,
  display: e.kind === 'person' && e.chamber ? memberName(e) : e.name,
  website: e.website ?? null,
});
