// Checks on the fact model that one field's schema cannot express, kept apart so schema.ts
// stays a readable model.
import type { z } from 'zod';

/**
 * Staff analysis of kind `unknown` must say why it matters.
 */
export function unknownNeedsMatters(a: { kind: string; matters?: string }, ctx: z.RefinementCtx): void {
  if (a.kind === 'unknown' && a.matters === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['kind'],
      message: 'an unknown must say why it matters (`matters:`)',
      params: { hint: 'add `matters:` — what a reader should do or beware of while it is not known' },
    });
  }
}
