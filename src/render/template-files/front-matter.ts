// What an audience file's front matter may say. One strict schema: a misspelt key is an
// error at its line, not a silently ignored setting.
import * as z from 'zod';
import { SENSITIVITIES, STATUSES } from '../../facts/kinds.js';

export const GENRES = ['memo', 'report', 'talking-points', 'q-and-a', 'brief'] as const;
export const PAGE_SIZES = ['Letter', 'A4'] as const;

/** A lead-in template may use only the names its case always has a value for. */
const leadIn = (names: readonly string[]) =>
  z.string().refine((t) => [...t.matchAll(/\{([^}]*)\}/g)].every((m) => names.includes(m[1] ?? '')), {
    message: names.length ? `a lead-in here may use only ${names.map((n) => `{${n}}`).join(', ')}` : 'a lead-in here takes no {names}',
  });
const byStatus = (names: readonly string[]) => z.strictObject(Object.fromEntries(STATUSES.map((st) => [st, leadIn(names).optional()])));

/** Per-audience overrides of hedged wording (render/template/hedge.ts has the defaults). */
export const hedgingSchema = z
  .strictObject({
    claimant: byStatus(['claimant']).optional().describe('The fact names who makes the claim: "{claimant} says".'),
    outlets: byStatus(['outlets']).optional().describe('News outlets stand behind it: "According to {outlets},".'),
    staff: byStatus([]).optional().describe('Its only sources are briefings given to staff: "Committee staff were told".'),
    press: byStatus([]).optional().describe('News reports that name no outlet: "According to press reports,".'),
    other: byStatus([]).optional().describe('Anything else: "Reportedly,".'),
  })
  .default({})
  .describe('Lead-ins of {{fact id hedge=true}}, by who stands behind the fact and by status; "" for none.');

const name = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and "-"');

export const frontMatterSchema = z.strictObject({
  title: z.string().min(1).describe('Document title: cover, running header, PDF title.'),
  subtitle: z.string().min(1).optional().describe('Line under the title.'),
  audience: z.string().min(1).describe('Who the packet is for, as printed: "Member", "Committee staff", "Press office".'),
  description: z.string().min(1).optional().describe('One line for `briefbook list audiences`.'),
  genre: z.enum(GENRES).describe('Document genre; picks the layout (memo head, cover page, Q&A styling).'),
  sensitivity: z.enum(SENSITIVITIES).describe('Highest sensitivity the packet may contain; anything above never reaches it.'),
  banner: z
    .string()
    .min(1)
    .optional()
    .describe(
      'Handling marking printed at the top and bottom of every page; starts with the marking (Public, Internal or Restricted). Default: from `sensitivity` (and `clearance`).',
    ),
  clearance: z
    .strictObject({
      by: z.string().min(1).describe('Who cleared the packet for release: name and role.'),
      date: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')
        .describe('When, YYYY-MM-DD.'),
    })
    .optional()
    .describe('Who cleared this public packet for release, and when; without it a public packet is a draft.'),
  sections: z.array(name).default([]).describe('Sections to include: the body wraps each in {{#section "name"}}…{{/section}}.'),
  tags: z
    .array(z.string().min(1))
    .default([])
    .describe('Topics this audience covers: listing helpers (facts, figureTable, timeline) keep only items with one of these tags.'),
  pageSize: z.enum(PAGE_SIZES).default('Letter').describe('Paper size of the PDF.'),
  pageLimit: z.number().int().positive().optional().describe('Most pages the PDF may have; more is a build error.'),
  contents: z.boolean().default(false).describe('Fill {{contents}} with a table of contents (page numbers in the PDF).'),
  cover: z.boolean().default(false).describe('Start the PDF with a cover page (the body marks it with {{#region "cover"}}).'),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')
    .optional()
    .describe("Date line; defaults to the fact base's last commit date (or SOURCE_DATE_EPOCH)."),
  from: z.string().min(1).optional().describe('FROM line (memos).'),
  to: z.string().min(1).optional().describe('TO line (memos).'),
  subject: z.string().min(1).optional().describe('SUBJECT line (memos); also the subject in the Word document properties.'),
  author: z.string().min(1).optional().describe('Author in the Word document properties (default "briefbook").'),
  blufChars: z.number().int().positive().default(400).describe('Longest BLUF, in characters of text (about four lines).'),
  hedging: hedgingSchema,
  styles: z
    .array(z.string().regex(/^[a-z0-9][a-z0-9-]*\.css$/, 'a file name in templates/styles/, e.g. "briefbook.css"'))
    .default(['briefbook.css'])
    .describe('Stylesheets from templates/styles/, inlined in this order.'),
});

/** Front matter as a packet uses it: the banner is always set (derived when the file leaves it out). */
export type FrontMatter = Omit<z.infer<typeof frontMatterSchema>, 'banner'> & { banner: string };
export const FRONT_MATTER_KEYS = Object.keys(frontMatterSchema.shape);
