// Committee rosters from entity memberships: majority and minority by rank, and the
// order members usually question witnesses (chair, ranking member, then alternating
// sides by seniority). Generic: works the same for two recipients or a full imported roster.
import type { FactBase } from '../../facts/factbase.js';
import type { Entity } from '../../facts/schema.js';
import { compareText } from '../../util/collate.js';

export interface Member {
  entity: Entity;
  title?: string;
  side?: 'majority' | 'minority';
  rank?: number;
}

export interface Roster {
  committee: Entity;
  majority: Member[];
  minority: Member[];
  /** Members whose side is not recorded. */
  other: Member[];
}

const byRank = (a: Member, b: Member) =>
  (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) || compareText(a.entity.name, b.entity.name);

/**
 * A hand-written entity may name the generated record it is (`record:`, e.g. an imported
 * legislator). The two are one person or committee: ids map to the record, details come
 * from the record first, and memberships are merged (one per committee).
 */
export function resolveRecords(fb: FactBase): { idOf: (id: string) => string; merged: Map<string, Entity> } {
  const alias = new Map<string, string>();
  for (const e of fb.entities.values()) if (e.record && fb.entities.has(e.record)) alias.set(e.id, e.record);
  const idOf = (id: string) => alias.get(id) ?? id;
  const merged = new Map<string, Entity>();
  for (const e of fb.entities.values()) {
    const id = idOf(e.id);
    const prior = merged.get(id);
    const [record, hand] = e.id === id ? [e, prior] : [prior, e];
    const base: Entity = record && hand ? { ...hand, ...definedOnly(record), id } : { ...e, id };
    const memberships = [...(record?.memberships ?? []), ...(hand?.memberships ?? [])].map((m) => ({ ...m, committee: idOf(m.committee) }));
    base.memberships = memberships.filter((m, i) => memberships.findIndex((x) => x.committee === m.committee) === i);
    merged.set(id, base);
  }
  return { idOf, merged };
}

function definedOnly(e: Entity): Partial<Entity> {
  return Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));
}

/** Rosters of the given committee, or of every committee that is not a subcommittee. */
export function rosters(fb: FactBase, committeeId?: string): Roster[] {
  const { idOf, merged } = resolveRecords(fb);
  const byCommittee = new Map<string, Member[]>();
  for (const e of merged.values()) {
    for (const m of e.memberships) {
      const list = byCommittee.get(m.committee) ?? [];
      list.push({ entity: e, title: m.title, side: m.side, rank: m.rank });
      byCommittee.set(m.committee, list);
    }
  }
  const wanted = committeeId === undefined ? undefined : idOf(committeeId);
  const out: Roster[] = [];
  for (const [id, members] of [...byCommittee].sort((a, b) => compareText(a[0], b[0]))) {
    const committee = merged.get(id);
    if (!committee) continue;
    const parent = committee.parent ? merged.get(idOf(committee.parent)) : undefined;
    if (wanted ? id !== wanted : parent?.kind === 'committee') continue;
    out.push({
      committee,
      majority: members.filter((m) => m.side === 'majority').sort(byRank),
      minority: members.filter((m) => m.side === 'minority').sort(byRank),
      other: members.filter((m) => !m.side).sort(byRank),
    });
  }
  return out;
}

/** Chair, ranking member, then majority and minority alternating by rank. */
export function questioningOrder(r: Roster): Member[] {
  const order: Member[] = [];
  for (let i = 0; i < Math.max(r.majority.length, r.minority.length); i++) {
    const maj = r.majority[i];
    const min = r.minority[i];
    if (maj) order.push(maj);
    if (min) order.push(min);
  }
  return [...order, ...r.other];
}

/** "R-SC" from party "Republican" and state "SC"; empty when neither is known. */
export function partyState(e: Entity): string {
  const party = e.party ? (e.party.match(/[A-Za-z]/)?.[0] ?? '').toUpperCase() : '';
  return [party, e.state].filter(Boolean).join('-');
}

/** "Sen. Tim Scott (R-SC)" */
export function memberName(e: Entity): string {
  const prefix = e.chamber === 'senate' ? 'Sen. ' : e.chamber === 'house' ? 'Rep. ' : '';
  const ps = partyState(e);
  return `${prefix}${e.name}${ps ? ` (${ps})` : ''}`;
}
