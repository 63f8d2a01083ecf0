// What every helper needs: the options Handlebars passes, argument splitting and
// reading, and running a block once per item.
import Handlebars from 'handlebars/runtime';
import { UserError } from '../../../errors.js';
import type { Fact } from '../../../facts/schema.js';
import { raw, UNTAINTED, wrapStrings } from '../../escape.js';
import { enterBlock, leaveBlock } from '../limits.js';
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

/**
 * Runs a block once per item with @index, @position (1-based), @first, @last; or its
 * {{else}} when empty. Each item's strings carry its taint (the view's `[TAINT]`) and answer
 * to the render's guard; the block counts towards the render's nesting limits.
 */
export function each(this: unknown, s: RenderState, items: readonly unknown[], o: Options): string {
  if (items.length === 0) return o.inverse ? o.inverse(this) : '';
  enterBlock(s, o.loc, items.length);
  try {
    return items
      .map((item, i) => {
        const data = Handlebars.createFrame(o.data ?? {});
        Object.assign(data, { index: i, position: i + 1, first: i === 0, last: i === items.length - 1 });
        const view = loopItem(wrapStrings(item, UNTAINTED, s));
        const block = s.blocks.at(-1);
        if (block && view && typeof view === 'object') block.item = view;
        try {
          return o.fn ? o.fn(view, { data }) : '';
        } catch (e) {
          throw withFields(e, view);
        }
      })
      .join('');
  } finally {
    leaveBlock(s);
  }
}

/** Keeps items that have any of the wanted tags; no wanted tags keeps all. */
export function tagged(item: { tags: readonly string[] }, wanted: readonly string[]): boolean {
  return wanted.length === 0 || item.tags.some((t) => wanted.includes(t));
}

/** The items list blocks hand to their bodies, and the objects inside them (a fact's variants). */
const LOOP_ITEMS = new WeakSet<object>();

function loopItem<T>(view: T): T {
  if (Array.isArray(view)) view.forEach(loopItem);
  else if (view && typeof view === 'object' && Object.getPrototypeOf(view) === Object.prototype) {
    LOOP_ITEMS.add(view);
    Object.values(view).forEach(loopItem);
  }
  return view;
}

/**
 * The field `name` of the loop item a bare {{name}} runs on, when it has one: inside
 * {{#events}}, {{date}} is the event's date, not the date helper (docs/packets.md, "Names
 * inside loops"). Undefined when `name` should run as the helper.
 */
export function ownField(context: unknown, name: string): { value: unknown } | undefined {
  if (!context || typeof context !== 'object' || !LOOP_ITEMS.has(context) || !Object.hasOwn(context, name)) return undefined;
  return { value: (context as Record<string, unknown>)[name] };
}

/** The fields of the innermost loop item an error came from, for "unknown name" hints (template-errors.ts). */
export const ITEM_FIELDS = Symbol('item fields');

function withFields(e: unknown, view: unknown): unknown {
  if (e instanceof Error && !(ITEM_FIELDS in e) && view && typeof view === 'object') {
    Object.defineProperty(e, ITEM_FIELDS, { value: Object.keys(view) });
  }
  return e;
}

/** The facts named by `ids`; every id that is unknown or too sensitive is reported at once, not the first alone. */
export function factsOf(s: RenderState, list: readonly string[], loc: Loc | undefined): Fact[] {
  const found: Fact[] = [];
  const errors: UserError[] = [];
  for (const id of list) {
    try {
      found.push(s.fact(id, loc));
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      errors.push(e);
    }
  }
  const [first] = errors;
  if (first && errors.length === 1) throw first;
  if (first) throw new UserError(first.message, { hint: first.hint, diagnostics: errors.flatMap((e) => e.diagnostics) });
  return found;
}
