// The fact model: the one source of truth for what a fact file may hold.
// `schema/briefbook.schema.json` is generated from it (scripts/gen-schema), and a test
// keeps the two in sync, so editors complete and check the same rules `validate` does.
import * as z from 'zod';
import { checkedDay, dateText, partialDate } from './date-schema.js';
import { ENTITY_KINDS, SENSITIVITIES, SOURCE_KINDS, STATUSES } from './kinds.js';
import { id, text } from './schema-base.js';
import { unknownNeedsMatters } from './schema-refinements.js';

export { partialDate } from './date-schema.js';

const period = z
  .strictObject({
    from: dateText.optional(),
    to: dateText.optional(),
    text: text.optional().describe('How the sources put it, e.g. "late April to early June".'),
  })
  .describe('A span of time; either end may be open.');

const sensitivity = z.enum(SENSITIVITIES).describe('Who may see it: public < internal < restricted.');
const status = z
  .enum(STATUSES)
  .describe(
    'How established it is: confirmed, reported, alleged (one party claims it), disputed, denied, no-comment, inferred (staff inference).',
  );
const tags = z.array(text).describe('Topics, used by templates to pick facts.');

const httpUrl = z
  .string()
  .refine((u) => /^https?:\/\//i.test(u) && URL.canParse(u), {
    message: 'links must be absolute http(s) URLs',
  })
  .describe('An http(s) link; other schemes (javascript:, file:) are refused.');

/** Who a document credits: an entity id, or a name (an outlet not in the fact base). */
const party = text.describe('An entity id ("outlet.ft"), or the name of a news outlet that is not an entity.');
const origin = id.describe('The source the claim comes from (a letter, a statement, an official act), when this document relays it.');

export const citation = z
  .strictObject({
    source: id.describe('The id of a source in the fact base.'),
    quote: text.optional().describe('Exact words a party is reported to have said, as they appear in the source document.'),
    origin: origin.optional(),
    per: z
      .array(party)
      .optional()
      .describe('Who the document credits for this claim ("the FT, per 001"), instead of its `via`; [] for no one.'),
    checked: checkedDay.optional(),
    note: text.optional().describe('Where in the document, or how it puts it; for reviewers (printed in internal packets only).'),
  })
  .describe('One source backing a statement, with an optional exact short quote.');

export const value = z
  .strictObject({
    number: z.number().optional().describe('A single figure.'),
    min: z.number().optional().describe('Lower bound of a range.'),
    max: z.number().optional().describe('Upper bound of a range.'),
    unit: text.describe('What is counted, e.g. "accounts", "exchanges", "USD".'),
    qualifier: z
      .enum(['exact', 'approximately', 'about', 'nearly', 'more-than', 'at-least', 'up-to', 'thousands', 'millions'])
      .optional()
      .describe('How the source hedges the figure ("nearly 25,000", "more than 28.8m").'),
  })
  .refine((v) => v.number !== undefined || v.min !== undefined || v.max !== undefined || v.qualifier !== undefined, {
    message: 'a value needs number, or min/max, or a qualifier such as "thousands"',
  })
  .superRefine((v, ctx) => {
    if (v.min !== undefined && v.max !== undefined && v.min > v.max) {
      ctx.addIssue({ code: 'custom', path: ['max'], message: `max (${v.max}) is below min (${v.min}); a range runs from min up to max` });
    }
  })
  .describe('A typed figure: a number or a range, with its unit.');

const variant = z
  .strictObject({
    id: id.optional().describe('Optional stable id for the variant, unique within the fact.'),
    statement: text.describe('This version of the fact, in our own words.'),
    value: value.optional(),
    date: dateText.optional(),
    period: period.optional(),
    sources: z.array(citation).min(1),
  })
  .describe('One version of a fact as some sources give it, where sources disagree or differ in precision.');

export const fact = z
  .strictObject({
    id,
    statement: text.describe('The fact in our own words; never a source sentence.'),
    value: value.optional(),
    date: dateText.optional(),
    period: period.optional(),
    status,
    sensitivity,
    claimant: id.optional().describe('The entity that makes the claim; packets attribute it ("Anthropic says …").'),
    origin: origin.optional().describe('The origin of every citation that names none.'),
    checked: checkedDay.optional(),
    tags: tags.default([]),
    entities: z.array(id).default([]).describe('Entities the fact is about.'),
    sources: z.array(citation).default([]),
    variants: z.array(variant).default([]),
    links: z.array(z.strictObject({ title: text, url: httpUrl })).default([]),
    note: text.optional().describe('Editorial note for reviewers; rendered only for internal audiences.'),
  })
  .describe('A single sourced fact.');

export const source = z
  .strictObject({
    id,
    title: text,
    publisher: text.optional().describe('Who published this document (outlet, site, agency).'),
    date: dateText.optional(),
    document: text.optional().describe('The document file it is, relative to the sources folder.'),
    url: httpUrl.optional(),
    via: z.array(party).default([]).describe('Who it credits (outlets, forums): entity ids, or outlet names. See `relays`.'),
    relays: z.array(id).optional().describe('The origins `via` stands behind; unset: all it says. Its own account credits no one.'),
    kind: z.enum(SOURCE_KINDS).default('news'),
    sensitivity: sensitivity.default('public'),
    note: text.optional().describe('Editorial note on the source, for reviewers; printed in internal packets only.'),
  })
  .describe('A document facts cite.');

export const membership = z.strictObject({
  committee: id.describe('Entity id of the committee or subcommittee.'),
  title: text.optional().describe('Chairman, Ranking Member…'),
  side: z.enum(['majority', 'minority']).optional(),
  rank: z.number().int().positive().optional(),
});

/** A prior statement or position on the issue (a member profile): in our words, sourced. */
const priorStatement = z.strictObject({
  text,
  date: dateText.optional(),
  sources: z.array(citation).min(1, 'a prior statement must cite its sources'),
});

export const entity = z
  .strictObject({
    id,
    name: text,
    kind: z.enum(ENTITY_KINDS).describe('An `outlet` is a news organisation; a `forum` or `aggregator` is not one.'),
    called: text.optional().describe('How a sentence names it, when not by its bare name: "the Financial Times".'),
    description: text.optional(),
    roles: z.array(text).default([]).describe('Roles in plain words, e.g. "Chairman, Senate Banking Committee".'),
    parent: id.optional().describe('Entity this one belongs to (a lab to its company, a subcommittee to its committee).'),
    record: id
      .optional()
      .describe('The generated record (e.g. an imported legislator) this hand-written entity is the same as; packets use its details.'),
    party: text.optional(),
    state: text.optional(),
    chamber: z.enum(['senate', 'house']).optional(),
    bioguide: text.optional(),
    termStart: partialDate.optional(),
    website: httpUrl.optional(),
    phone: text.optional(),
    memberships: z.array(membership).default([]),
    statements: z.array(priorStatement).default([]).describe('Prior statements and positions on the issue; `{{profiles}}` prints them.'),
    sensitivity: sensitivity.default('public'),
    tags: tags.default([]),
    sources: z.array(citation).default([]),
  })
  .describe('A person or organisation.');

export const event = z
  .strictObject({
    id,
    date: dateText,
    end: dateText.optional().describe('The last day of a span begun on `date` (or write the span in `date`: "A .. B").'),
    title: text.describe('What happened, in a line.'),
    facts: z.array(id).default([]).describe('Facts this event rests on.'),
    sources: z.array(citation).default([]),
    sensitivity: sensitivity.default('public'),
    tags: tags.default([]),
  })
  .describe('A dated entry for the timeline.');

export const question = z
  .strictObject({
    id,
    question: text,
    answer: text.describe('Suggested answer; cite the facts it rests on in `facts`.'),
    facts: z.array(id).min(1, 'an answer must cite at least one fact id'),
    difficulty: z.enum(['routine', 'hard']).default('routine'),
    sensitivity: sensitivity.default('public'),
    tags: tags.default([]),
  })
  .describe('An anticipated hearing question with a suggested answer.');

export const term = z
  .strictObject({
    id,
    term: text,
    definition: text,
    facts: z.array(id).default([]),
    sources: z.array(citation).default([]),
    sensitivity: sensitivity.default('public'),
    tags: tags.default([]),
  })
  .describe('A glossary term.');

export const analysis = z
  .strictObject({
    id,
    kind: z
      .enum(['assessment', 'recommendation', 'follow-up', 'option', 'unknown'])
      .describe('`option`: a course open to Congress; `unknown`: what is not known.'),
    text: text,
    matters: text.optional().describe('Why it matters (required for an `unknown`).'),
    facts: z.array(id).min(1, 'staff analysis must cite the facts it rests on'),
    sensitivity: sensitivity.default('internal'),
    tags: tags.default([]),
  })
  .superRefine(unknownNeedsMatters)
  .describe('Staff analysis: an assessment, recommended position, open follow-up, option for Congress or unknown. Internal by default.');

/** A fact file: any mix of sections, so a fact base can be split however its editors like. */
export const factFile = z
  .strictObject({
    generated: z
      .string()
      .optional()
      .describe('Set by importers (e.g. "briefbook import legislators"): the file is rewritten on re-import.'),
    sources: z.array(source).optional(),
    facts: z.array(fact).optional(),
    entities: z.array(entity).optional(),
    events: z.array(event).optional(),
    questions: z.array(question).optional(),
    glossary: z.array(term).optional(),
    analysis: z.array(analysis).optional(),
  })
  .describe('A briefbook fact file.');

export type Citation = z.infer<typeof citation>;
export type Value = z.infer<typeof value>;
export type Variant = z.infer<typeof variant>;
export type Fact = z.infer<typeof fact>;
export type Source = z.infer<typeof source>;
export type Entity = z.infer<typeof entity>;
export type Event = z.infer<typeof event>;
export type Question = z.infer<typeof question>;
export type Term = z.infer<typeof term>;
export type Analysis = z.infer<typeof analysis>;
export type FactFile = z.infer<typeof factFile>;
