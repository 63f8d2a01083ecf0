// What every validation rule gets: the fact base and located error and warning reporters,
// plus the reference check they share. Apart from rules.ts so rule files need not import
// each other.
import { nearest } from '../util/closest.js';
import { type FactBase, originKey } from './factbase.js';
import { type Kind, SINGULAR } from './kinds.js';

export type Report = (kind: Kind, id: string, sub: readonly (string | number)[], message: string, hint: string, rule?: string) => void;

export interface RuleContext {
  fb: FactBase;
  error: Report;
  warn: Report;
  /** False when no one reads the warnings (a build): a rule that only warns need not run. */
  warns: boolean;
}

export type Rule = (ctx: RuleContext) => void;

/** Quotes are for a few words a party said; longer ones are probably copied prose. */
export const LONG_QUOTE_WORDS = 25;

const refHint = (target: Kind, id: string, fb: FactBase) => {
  const near = nearest(id, (fb[target] as Map<string, unknown>).keys());
  return near.length ? `did you mean ${near.map((n) => `"${n}"`).join(' or ')}?` : `add it to the ${target} or fix the id`;
};

export function checkRef(ctx: RuleContext, from: Kind, id: string, sub: readonly (string | number)[], target: Kind, ref: string): void {
  if (!(ctx.fb[target] as Map<string, unknown>).has(ref) && !ctx.fb.broken.has(originKey(target, ref))) {
    ctx.error(from, id, sub, `unknown ${SINGULAR[target]} "${ref}"`, refHint(target, ref, ctx.fb));
  }
}
