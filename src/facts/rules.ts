// Cross-item rules. Each is a small function that pushes located errors or warnings;
// `assemble` runs them all so `validate` reports every problem at once.
import { DATE_RULES } from './date-rules.js';
import { factSourceIds } from './factbase.js';
import type { Kind } from './kinds.js';
import { PROVENANCE_RULES } from './provenance-rules.js';
import { checkRef, LONG_QUOTE_WORDS, type Rule, type RuleContext } from './rule-context.js';
import type { Citation, Value } from './schema.js';

export type { Rule, RuleContext } from './rule-context.js';

function checkCitations(ctx: RuleContext, from: Kind, id: string, sub: readonly (string | number)[], cites: readonly Citation[]): void {
  cites.forEach((c, i) => {
    checkRef(ctx, from, id, [...sub, i, 'source'], 'sources', c.source);
    if (c.quote && c.quote.trim().split(/\s+/).length > LONG_QUOTE_WORDS) {
      ctx.warn(
        from,
        id,
        [...sub, i, 'quote'],
        `quote is ${c.quote.trim().split(/\s+/).length} words long`,
        `quote only the few words a party is reported to have said (at most ${LONG_QUOTE_WORDS}); put the rest in our own words in the statement`,
        'long-quote',
      );
    }
  });
}

const references: Rule = (ctx) => {
  const { fb } = ctx;
  for (const [id, f] of fb.facts) {
    checkCitations(ctx, 'facts', id, ['sources'], f.sources);
    f.variants.forEach((v, i) => checkCitations(ctx, 'facts', id, ['variants', i, 'sources'], v.sources));
    f.entities.forEach((e, i) => checkRef(ctx, 'facts', id, ['entities', i], 'entities', e));
  }
  for (const [id, e] of fb.entities) {
    checkCitations(ctx, 'entities', id, ['sources'], e.sources);
    e.statements.forEach((st, i) => checkCitations(ctx, 'entities', id, ['statements', i, 'sources'], st.sources));
    if (e.parent) checkRef(ctx, 'entities', id, ['parent'], 'entities', e.parent);
    if (e.record) checkRef(ctx, 'entities', id, ['record'], 'entities', e.record);
    e.memberships.forEach((m, i) => checkRef(ctx, 'entities', id, ['memberships', i, 'committee'], 'entities', m.committee));
  }
  for (const [id, ev] of fb.events) {
    checkCitations(ctx, 'events', id, ['sources'], ev.sources);
    ev.facts.forEach((f, i) => checkRef(ctx, 'events', id, ['facts', i], 'facts', f));
  }
  for (const [id, q] of fb.questions) q.facts.forEach((f, i) => checkRef(ctx, 'questions', id, ['facts', i], 'facts', f));
  for (const [id, t] of fb.glossary) {
    checkCitations(ctx, 'glossary', id, ['sources'], t.sources);
    t.facts.forEach((f, i) => checkRef(ctx, 'glossary', id, ['facts', i], 'facts', f));
  }
  for (const [id, a] of fb.analysis) a.facts.forEach((f, i) => checkRef(ctx, 'analysis', id, ['facts', i], 'facts', f));
};

const sourced: Rule = (ctx) => {
  for (const [id, f] of ctx.fb.facts) {
    const n = factSourceIds(f).length;
    if (n === 0) {
      ctx.error(
        'facts',
        id,
        [],
        `fact "${id}" has no source`,
        'add `sources: [{ source: <source id> }]` naming the document it comes from',
      );
    }
  }
};

const variants: Rule = (ctx) => {
  for (const [id, f] of ctx.fb.facts) {
    const seen = new Set<string>();
    f.variants.forEach((v, i) => {
      if (v.id && seen.has(v.id))
        ctx.error('facts', id, ['variants', i, 'id'], `duplicate variant id "${v.id}"`, 'variant ids must be unique within a fact');
      if (v.id) seen.add(v.id);
    });
    const ranged = f.variants.map((v, i) => ({ i, r: v.value && span(v.value), unit: v.value?.unit })).filter((x) => x.r);
    for (let a = 0; a < ranged.length; a++) {
      for (let b = a + 1; b < ranged.length; b++) {
        const x = ranged[a];
        const y = ranged[b];
        if (!x?.r || !y?.r || x.unit !== y.unit) continue;
        if (x.r[1] < y.r[0] || y.r[1] < x.r[0]) {
          ctx.warn(
            'facts',
            id,
            ['variants', y.i, 'value'],
            `variants ${x.i + 1} and ${y.i + 1} of "${id}" conflict (their figures cannot both be true)`,
            'keep both if the sources really differ, and say so in the statement; otherwise correct the figure',
            'conflicting-variants',
          );
        }
      }
    }
  }
};

/** The range of numbers a hedged figure allows, for spotting variants that cannot both hold. */
export function span(v: Value): [number, number] | undefined {
  const n = v.number;
  if (v.min !== undefined || v.max !== undefined) return [v.min ?? Number.NEGATIVE_INFINITY, v.max ?? Number.POSITIVE_INFINITY];
  switch (v.qualifier) {
    case 'thousands':
      return [1_000, 999_999];
    case 'millions':
      return [1_000_000, 999_999_999];
  }
  if (n === undefined) return undefined;
  switch (v.qualifier) {
    case 'approximately':
    case 'about':
      return [n * 0.9, n * 1.1];
    case 'nearly':
      return [n * 0.9, n];
    case 'more-than':
    case 'at-least':
      return [n, Number.POSITIVE_INFINITY];
    case 'up-to':
      return [0, n];
    default:
      return [n, n];
  }
}

export const RULES: Rule[] = [references, sourced, variants, ...PROVENANCE_RULES, ...DATE_RULES];
