// The schema of a fact file taken apart: the file's outline, and each section's item schema,
// so the loader can check items one at a time and one bad item does not hide the rest.
import * as z from 'zod';
import { KINDS, type Kind } from './kinds.js';
import { analysis, entity, event, fact, question, source, term } from './schema.js';

export type { FactFile } from './schema.js';

/** The item schema of each section, for validating items one at a time. */
export const ITEM_SCHEMAS = {
  facts: fact,
  sources: source,
  entities: entity,
  events: event,
  questions: question,
  glossary: term,
  analysis,
};

/** A fact file's outline with the items unchecked: one bad item must not hide the rest. */
export const fileOutline = z.strictObject({
  generated: z.string().optional(),
  ...Object.fromEntries(KINDS.map((k) => [k, z.array(z.unknown()).optional()])),
}) as unknown as z.ZodType<{ generated?: string } & Partial<Record<Kind, unknown[]>>>;
