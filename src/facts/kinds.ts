// The fact model's fixed vocabularies, apart from the schema so that code which only needs
// the names (the CLI's option parsing, diffs, watch) does not load zod.

/** Ordered lowest to highest: an audience cleared for a level sees it and everything below. */
export const SENSITIVITIES = ['public', 'internal', 'restricted'] as const;
export const STATUSES = ['confirmed', 'reported', 'alleged', 'disputed', 'denied', 'no-comment'] as const;

export type Sensitivity = (typeof SENSITIVITIES)[number];
export type Status = (typeof STATUSES)[number];

/** The sections of a fact file that hold id-keyed items, in the order they are reported. */
export const KINDS = ['facts', 'sources', 'entities', 'events', 'questions', 'glossary', 'analysis'] as const;
export type Kind = (typeof KINDS)[number];

export const SINGULAR: Record<Kind, string> = {
  facts: 'fact',
  sources: 'source',
  entities: 'entity',
  events: 'event',
  questions: 'question',
  glossary: 'glossary term',
  analysis: 'analysis item',
};
