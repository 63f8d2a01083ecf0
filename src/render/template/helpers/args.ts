// What every helper needs: the options Handlebars passes, argument splitting and
// reading, and running a block once per item.
import Handlebars from 'handlebars';
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
        return o.fn ? o.fn(wrapStrings(item, UNTAINTED, s), { data }) : '';
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
