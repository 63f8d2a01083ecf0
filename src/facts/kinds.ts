// The fact model's fixed vocabularies, apart from the schema so that code which only needs
// the names (the CLI's option parsing, diffs, watch) does not load zod.

/** Ordered lowest to highest: an audience cleared for a level sees it and everything below. */
export const SENSITIVITIES = ['public', 'internal', 'restricted'] as const;
/** `inferred`: staff's own inference from the facts, printed as such ("It appears that …"). */
export const STATUSES = ['confirmed', 'reported', 'alleged', 'disputed', 'denied', 'no-comment', 'inferred'] as const;

/**
 * What a source is. `briefing` is a call, meeting or briefing given to staff; `statement` a
 * party's own words (press release, blog post); a `forum` thread or an `aggregator` digest
 * is no news outlet's work.
 */
export const SOURCE_KINDS = ['news', 'aggregator', 'forum', 'letter', 'statement', 'official', 'briefing', 'dataset', 'other'] as const;
/** `outlet` is a news organisation: the only kind that counts as an outlet standing behind a report. */
export const ENTITY_KINDS = [
  'person',
  'organisation',
  'company',
  'lab',
  'committee',
  'agency',
  'office',
  'legislature',
  'outlet',
  'forum',
  'aggregator',
] as const;

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
