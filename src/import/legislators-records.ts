// The dataset → fact-base records: one committee, its subcommittees, and every member of
// either. Pure and deterministic: the same snapshot always gives the same records in the
// same order with the same keys, so a re-import's diff is exactly what changed upstream.
import type { z } from 'zod';
import type { entity, source } from '../facts/schema.js';
import type { Committee, Dataset, Legislator, Member, Subcommittee } from './legislators-format.js';
import type { Snapshot } from './snapshot.js';
import { US_STATES } from './us-states.js';

type EntityRecord = z.input<typeof entity>;
type SourceRecord = z.input<typeof source>;
type MembershipRecord = NonNullable<EntityRecord['memberships']>[number];

/**
 * Generated ids live under their own prefix so they can never collide with hand-written
 * ids (`committee.ssbk`); hand-written entities point at them with `record:`.
 */
export const GENERATED_PREFIX = 'cl.';
export const SOURCE_ID = 'cl.source.congress-legislators';
export const committeeId = (code: string) => `${GENERATED_PREFIX}committee.${code.toLowerCase()}`;
export const memberId = (bioguide: string) => `${GENERATED_PREFIX}member.${bioguide.toLowerCase()}`;

const UPSTREAM_REPO = 'https://github.com/unitedstates/congress-legislators';
const SIDES = ['majority', 'minority'] as const;

export interface Records {
  sources: SourceRecord[];
  entities: EntityRecord[];
  /** Things the importer had to work around, for the command to report. */
  warnings: string[];
  counts: { committees: number; subcommittees: number; members: Record<(typeof SIDES)[number], number> };
}

interface Seat {
  committee: string;
  /** Sort key: the committee first, then subcommittees by code. */
  order: string;
  member: Member;
  label: string;
  main: boolean;
}

export function buildRecords(dataset: Dataset, committees: readonly Committee[], snapshot: Snapshot, fromUrl?: string): Records {
  const warnings: string[] = [];
  const entities: EntityRecord[] = [];
  const seats = new Map<string, Seat[]>();
  const counts: Records['counts'] = { committees: 0, subcommittees: 0, members: { majority: 0, minority: 0 } };
  const seat = (s: Seat) => seats.set(s.member.bioguide, [...(seats.get(s.member.bioguide) ?? []), s]);

  for (const c of committees) {
    entities.push(committeeRecord(c));
    counts.committees++;
    const members = dataset.membership[c.thomas_id];
    if (!members) warnings.push(`${c.thomas_id} has no members listed in committee-membership-current.yaml`);
    for (const m of members ?? []) {
      seat({ committee: committeeId(c.thomas_id), order: c.thomas_id, member: m, label: c.name, main: true });
      counts.members[m.party]++;
    }
    for (const s of [...(c.subcommittees ?? [])].sort((a, b) => a.thomas_id.localeCompare(b.thomas_id))) {
      const code = c.thomas_id + s.thomas_id;
      entities.push(subcommitteeRecord(c, s));
      counts.subcommittees++;
      for (const m of dataset.membership[code] ?? [])
        seat({ committee: committeeId(code), order: code, member: m, label: `${subcommitteeName(s)}, ${c.name}`, main: false });
    }
  }

  const people = new Map(dataset.legislators.map((l) => [l.id.bioguide, l]));
  const byBioguide = [...seats.entries()].map(([bioguide, list]) => {
    const sorted = list.sort((a, b) => (a.main === b.main ? a.order.localeCompare(b.order) : a.main ? -1 : 1));
    return { bioguide, seats: sorted, first: sorted[0] as Seat };
  });
  // Members by side, then rank on the committee; members only of subcommittees after them.
  byBioguide.sort(
    (a, b) =>
      SIDES.indexOf(a.first.member.party) - SIDES.indexOf(b.first.member.party) ||
      Number(b.first.main) - Number(a.first.main) ||
      a.first.member.rank - b.first.member.rank ||
      a.bioguide.localeCompare(b.bioguide),
  );
  for (const { bioguide, seats: list } of byBioguide) {
    const person = people.get(bioguide);
    if (!person) {
      warnings.push(
        `${bioguide} (${list[0]?.member.name}) sits on ${list.map((s) => s.order).join(', ')} but is not in legislators-current.yaml; recorded with name and seats only`,
      );
    }
    entities.push(memberRecord(bioguide, list, person, warnings));
  }

  return { sources: [sourceRecord(snapshot, fromUrl)], entities, warnings, counts };
}

function sourceRecord(snapshot: Snapshot, fromUrl?: string): SourceRecord {
  const url = fromUrl ?? (snapshot.commit?.length === 40 ? `${UPSTREAM_REPO}/tree/${snapshot.commit}` : UPSTREAM_REPO);
  return {
    id: SOURCE_ID,
    title: 'congress-legislators: current members of Congress, committees and committee membership',
    publisher: 'unitedstates/congress-legislators',
    date: snapshot.date,
    url,
    kind: 'dataset',
    note: [
      snapshot.commit ? `Snapshot at upstream commit ${snapshot.commit}.` : undefined,
      'Files legislators-current.yaml, committees-current.yaml and committee-membership-current.yaml, read as published.',
      'Public domain (CC0 1.0).',
    ]
      .filter(Boolean)
      .join(' '),
  };
}

const cite = () => [{ source: SOURCE_ID }];
const chamberOf = (c: Committee) => (c.type === 'joint' ? undefined : c.type);
const subcommitteeName = (s: Subcommittee) => (/^subcommittee\b/i.test(s.name) ? s.name : `Subcommittee on ${s.name}`);

function committeeRecord(c: Committee): EntityRecord {
  return prune({
    id: committeeId(c.thomas_id),
    name: c.name,
    kind: 'committee',
    description: [`Thomas id ${c.thomas_id}.`, c.jurisdiction].filter(Boolean).join(' '),
    chamber: chamberOf(c),
    website: httpUrl(c.url),
    phone: c.phone,
    sensitivity: 'public',
    sources: cite(),
  });
}

function subcommitteeRecord(c: Committee, s: Subcommittee): EntityRecord {
  return prune({
    id: committeeId(c.thomas_id + s.thomas_id),
    name: subcommitteeName(s),
    kind: 'committee',
    description: `Subcommittee of the ${c.name} (Thomas id ${c.thomas_id}${s.thomas_id}).`,
    parent: committeeId(c.thomas_id),
    chamber: chamberOf(c),
    phone: s.phone,
    sensitivity: 'public',
    sources: cite(),
  });
}

function memberRecord(bioguide: string, seats: readonly Seat[], person: Legislator | undefined, warnings: string[]): EntityRecord {
  const term = person?.terms[person.terms.length - 1];
  const chamber = term ? (term.type === 'sen' ? 'senate' : 'house') : seats[0]?.member.chamber;
  const name = person ? (person.name.official_full ?? `${person.name.first} ${person.name.last}`) : (seats[0]?.member.name ?? bioguide);
  const website = httpUrl(term?.url);
  if (term?.url && !website) warnings.push(`${bioguide}: website "${term.url}" is not an http(s) URL; left out`);
  const memberships: MembershipRecord[] = seats.map((s) =>
    prune({ committee: s.committee, title: s.member.title, side: s.member.party, rank: s.member.rank }),
  );
  // Ex officio seats come with the chair; listing them as roles would bury the real ones.
  const roles = seats
    .filter((s) => s.main || (s.member.title && !/^ex officio$/i.test(s.member.title)))
    .map((s) => `${s.member.title ?? 'Member'}, ${s.label}`);
  return prune({
    id: memberId(bioguide),
    name,
    kind: 'person',
    description: term ? describe(term.party, chamber, term.state) : undefined,
    roles,
    party: term?.party,
    state: term?.state,
    chamber,
    bioguide,
    termStart: term?.start,
    website,
    phone: term?.phone,
    memberships,
    sensitivity: 'public',
    sources: cite(),
  });
}

function describe(party: string, chamber: 'senate' | 'house' | undefined, state: string): string {
  const office = chamber === 'senate' ? 'senator' : 'member of the House';
  return `${party} ${office} from ${US_STATES[state] ?? state}.`;
}

function httpUrl(u: string | undefined): string | undefined {
  return u && /^https?:\/\//i.test(u) && URL.canParse(u) ? u : undefined;
}

/** Drops undefined fields so they never reach the YAML; key order is the literal's order. */
function prune<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
