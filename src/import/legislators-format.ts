// The upstream format of unitedstates/congress-legislators, as far as briefbook reads it.
// Objects are loose: upstream adds fields now and then (youtube_id, caucus…), and a new
// field must not break an import. What we read is required and typed, so a renamed or
// restructured field fails with the file, line and field instead of importing blanks.
import * as z from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

export const term = z.looseObject({
  type: z.enum(['sen', 'rep']),
  start: isoDate,
  end: isoDate,
  state: z.string().length(2),
  party: z.string().min(1),
  url: z.string().optional(),
  phone: z.string().optional(),
});

export const legislator = z.looseObject({
  id: z.looseObject({ bioguide: z.string().regex(/^[A-Z]\d{6}$/, 'expected a bioguide id such as S001184') }),
  name: z.looseObject({
    first: z.string().min(1),
    last: z.string().min(1),
    official_full: z.string().min(1).optional(),
  }),
  terms: z.array(term).min(1),
});

export const legislatorsFile = z.array(legislator);

export const subcommittee = z.looseObject({
  name: z.string().min(1),
  thomas_id: z.string().regex(/^\d{2}$/, 'expected a two-digit subcommittee code as a quoted string, e.g. "04"'),
  phone: z.string().optional(),
});

export const committee = z.looseObject({
  type: z.enum(['house', 'senate', 'joint']),
  name: z.string().min(1),
  thomas_id: z.string().regex(/^[A-Z]{4}$/, 'expected a four-letter committee code such as SSBK'),
  url: z.string().optional(),
  phone: z.string().optional(),
  jurisdiction: z.string().optional(),
  subcommittees: z.array(subcommittee).optional(),
});

export const committeesFile = z.array(committee);

export const member = z.looseObject({
  name: z.string().min(1),
  party: z.enum(['majority', 'minority']),
  rank: z.number().int().positive(),
  title: z.string().min(1).optional(),
  bioguide: z.string().regex(/^[A-Z]\d{6}$/, 'expected a bioguide id such as S001184'),
  chamber: z.enum(['senate', 'house']).optional(),
});

/** Committee code (SSBK, or SSBK04 for a subcommittee) → its members. */
export const membershipFile = z.record(
  z.string().regex(/^[A-Z]{4}(\d{2})?$/, 'expected a committee code such as SSBK or SSBK04'),
  z.array(member),
);

export type Term = z.infer<typeof term>;
export type Legislator = z.infer<typeof legislator>;
export type Committee = z.infer<typeof committee>;
export type Subcommittee = z.infer<typeof subcommittee>;
export type Member = z.infer<typeof member>;

/** The three files an import reads, by upstream file name, with the schema each must match. */
export const DATASET_FILES = {
  legislators: { name: 'legislators-current.yaml', schema: legislatorsFile },
  committees: { name: 'committees-current.yaml', schema: committeesFile },
  membership: { name: 'committee-membership-current.yaml', schema: membershipFile },
} as const;

export type DatasetKey = keyof typeof DATASET_FILES;

export interface Dataset {
  legislators: Legislator[];
  committees: Committee[];
  membership: Record<string, z.infer<typeof member>[]>;
}
