// The plain objects block helpers hand to their bodies: `{{#facts}}{{statement}}{{/facts}}`
// reads these fields. Every string in them carries the taint of the item it came from
// (`[TAINT]`) and is escaped when printed (escape.ts: Text).
import type { Analysis, Entity, Event, Fact, Question, Term } from '../../../facts/schema.js';
import { TAINT, Text } from '../../escape.js';
import { formatValue } from '../numbers.js';
import { memberName } from '../roster.js';
import type { RenderState } from '../state.js';

export function factView(s: RenderState, f: Fact) {
  const p = s.provenance(f);
  return {
    [TAINT]: s.taint('facts', f),
    id: f.id,
    statement: f.statement,
    status: f.status,
    sensitivity: f.sensitivity,
    tags: f.tags,
    date: f.date ?? null,
    value: f.value ? formatValue(f.value, s.numbers) : null,
    sources: p.documents,
    origins: p.origins.map((o) => o.name),
    outlets: p.outlets.map((o) => o.name),
    corroboration: p.corroboration,
    singleSource: p.singleSource,
    variants: f.variants.map((v) => ({
      id: v.id ?? null,
      statement: v.statement,
      value: v.value ? formatValue(v.value, s.numbers) : null,
    })),
    // Internal at least, whatever the fact's level: its own taint, not the view's.
    note: s.noteOf(f) === undefined ? null : new Text(s.noteOf(f) as string, s.noteTaint(f), s),
  };
}

export const questionView = (s: RenderState, q: Question) => ({
  [TAINT]: s.taint('questions', q),
  id: q.id,
  question: q.question,
  answer: q.answer,
  facts: q.facts,
  difficulty: q.difficulty,
  hard: q.difficulty === 'hard',
  tags: q.tags,
});

export const analysisView = (s: RenderState, a: Analysis) => ({
  [TAINT]: s.taint('analysis', a),
  id: a.id,
  kind: a.kind,
  text: a.text,
  matters: a.matters ?? null,
  facts: a.facts,
  tags: a.tags,
});

export const termView = (s: RenderState, t: Term) => ({
  [TAINT]: s.taint('glossary', t),
  id: t.id,
  term: t.term,
  definition: t.definition,
  facts: t.facts,
});

export const eventView = (s: RenderState, e: Event) => ({
  [TAINT]: s.taint('events', e),
  id: e.id,
  date: e.date,
  end: e.end ?? null,
  title: e.title,
  facts: e.facts,
});

export const entityView = (s: RenderState, e: Entity) => ({
  [TAINT]: s.taint('entities', e),
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
