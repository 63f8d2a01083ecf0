// The plain objects block helpers hand to their bodies: `{{#facts}}{{statement}}{{/facts}}`
// reads these fields. Every string in them is escaped when printed (escape.ts: Text).
import type { Analysis, Entity, Event, Fact, Question, Term } from '../../../facts/schema.js';
import { formatValue } from '../format.js';
import { memberName } from '../roster.js';
import type { RenderState } from '../state.js';

export function factView(s: RenderState, f: Fact) {
  const p = s.provenance(f);
  return {
    id: f.id,
    statement: f.statement,
    status: f.status,
    sensitivity: f.sensitivity,
    tags: f.tags,
    date: f.date ?? null,
    value: f.value ? formatValue(f.value) : null,
    sources: p.documents,
    origins: p.origins.map((o) => o.name),
    outlets: p.outlets.map((o) => o.name),
    corroboration: p.corroboration,
    singleSource: p.singleSource,
    variants: f.variants.map((v) => ({ id: v.id ?? null, statement: v.statement, value: v.value ? formatValue(v.value) : null })),
    note: s.showsInternal ? (f.note ?? null) : null,
  };
}

export const questionView = (q: Question) => ({
  id: q.id,
  question: q.question,
  answer: q.answer,
  facts: q.facts,
  difficulty: q.difficulty,
  hard: q.difficulty === 'hard',
  tags: q.tags,
});

export const analysisView = (a: Analysis) => ({ id: a.id, kind: a.kind, text: a.text, facts: a.facts, tags: a.tags });

export const termView = (t: Term) => ({ id: t.id, term: t.term, definition: t.definition, facts: t.facts });

export const eventView = (e: Event) => ({ id: e.id, date: e.date, end: e.end ?? null, title: e.title, facts: e.facts });

export const entityView = (e: Entity) => ({
  id: e.id,
  name: e.name,
  kind: e.kind,
  description: e.description ?? null,
  roles: e.roles,
  party: e.party ?? null,
  state: e.state ?? null,
  display: e.kind === 'person' && e.chamber ? memberName(e) : e.name,
  website: e.website ?? null,
});
