// The plain objects block helpers hand to their bodies: `{{#facts}}{{statement}}{{/facts}}`
// reads these fields. Every string in them carries the taint of the item it came from
// (`[TAINT]`) and is escaped when printed (escape.ts: Text).
import { corroboration, factSourceIds } from '../../../facts/factbase.js';
import type { Analysis, Entity, Event, Fact, Question, Term } from '../../../facts/schema.js';
import { TAINT } from '../../escape.js';
import { formatValue } from '../format.js';
import { memberName } from '../roster.js';
import { type RenderState, taintOf } from '../state.js';

export function factView(s: RenderState, f: Fact) {
  return {
    [TAINT]: taintOf('facts', f),
    id: f.id,
    statement: f.statement,
    status: f.status,
    sensitivity: f.sensitivity,
    tags: f.tags,
    date: f.date ?? null,
    value: f.value ? formatValue(f.value) : null,
    sources: factSourceIds(f),
    corroboration: corroboration(f, s.fb.sources),
    singleSource: factSourceIds(f).length <= 1,
    variants: f.variants.map((v) => ({ id: v.id ?? null, statement: v.statement, value: v.value ? formatValue(v.value) : null })),
    note: s.noteOf(f) ?? null,
  };
}

export const questionView = (q: Question) => ({
  [TAINT]: taintOf('questions', q),
  id: q.id,
  question: q.question,
  answer: q.answer,
  facts: q.facts,
  difficulty: q.difficulty,
  hard: q.difficulty === 'hard',
  tags: q.tags,
});

export const analysisView = (a: Analysis) => ({
  [TAINT]: taintOf('analysis', a),
  id: a.id,
  kind: a.kind,
  text: a.text,
  facts: a.facts,
  tags: a.tags,
});

export const termView = (t: Term) => ({
  [TAINT]: taintOf('glossary', t),
  id: t.id,
  term: t.term,
  definition: t.definition,
  facts: t.facts,
});

export const eventView = (e: Event) => ({
  [TAINT]: taintOf('events', e),
  id: e.id,
  date: e.date,
  end: e.end ?? null,
  title: e.title,
  facts: e.facts,
});

export const entityView = (e: Entity) => ({
  [TAINT]: taintOf('entities', e),
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
