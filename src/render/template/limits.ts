// Limits on what one template may make the renderer do. A partial that includes itself, or
// list blocks nested four deep over the whole fact base, would otherwise run until the
// stack or the machine gives out; each is refused at once with a located error instead.
// Far above what a real packet needs.
import type { Loc } from './state.js';

export const TEMPLATE_LIMITS = {
  /** Partials inside partials; the shipped templates nest two deep. */
  partialDepth: 16,
  /** List blocks ({{#facts}}, {{#questions}}, …) inside one another; a packet needs two. */
  listNesting: 3,
  /** Runs of a nested list block's body: its items times those of every block around it. */
  nestedRuns: 100_000,
} as const;

interface Blocks {
  readonly blocks: { loc: Loc | undefined; count: number }[];
  fail(loc: Loc | undefined, message: string, hint: string): never;
}

/** Starts a list block of `count` items, within the nesting limits; the caller pops `s.blocks` after. */
export function enterBlock(s: Blocks, loc: Loc | undefined, count: number): void {
  const depth = s.blocks.length + 1;
  if (depth > TEMPLATE_LIMITS.listNesting) {
    s.fail(
      loc,
      `list blocks nested ${depth} deep, over the limit of ${TEMPLATE_LIMITS.listNesting}`,
      'a list inside a list is as deep as a packet needs; take this block out of the ones around it',
    );
  }
  const runs = s.blocks.reduce((n, b) => n * b.count, count);
  if (depth > 1 && runs > TEMPLATE_LIMITS.nestedRuns) {
    s.fail(
      loc,
      `this block would run ${runs} times (its ${count} items for every item of the blocks around it), over the limit of ${TEMPLATE_LIMITS.nestedRuns}`,
      'narrow the lists with tag=, status= or limit=, or take this block out of the ones around it',
    );
  }
  s.blocks.push({ loc, count });
}
