// The smallest pieces of the fact model, shared by its items (schema.ts): visible text and ids.
import * as z from 'zod';

/**
 * Text a reader will see: not empty, and not only spaces or invisible characters (a blank
 * statement printed as a list item turns the line above it into a heading).
 */
export const text = z
  .string()
  .min(1, 'is empty')
  .refine((s) => /[^\s\p{Cc}\p{Cf}]/u.test(s), {
    message: 'the text is blank: it has no visible characters (only spaces, line breaks or control characters)',
  });

export const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'ids use lower-case letters, digits, ".", "_" and "-", e.g. "campaign.accounts"')
  .describe('Stable identifier. Templates, diffs and citations use it; never reuse or renumber.');
