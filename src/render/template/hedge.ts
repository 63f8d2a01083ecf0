// Hedged wording for {{fact id hedge=true}}: a lead-in chosen by who stands behind the
// fact and by its status — "Anthropic alleges …", "According to the Financial Times, …",
// "Committee staff were told …" — unless the statement already attributes itself ("…
// says", "according to", "estimated"), which would make a second attribution. An audience
// overrides any lead-in in its front matter (`hedging:`, docs/packets.md).
import { STATES_INFERENCE } from '../../facts/date-rules.js';
import type { Status } from '../../facts/kinds.js';
import type { Provenance } from '../../facts/provenance.js';
import type { Fact } from '../../facts/schema.js';
import type { FrontMatter } from '../template-files/front-matter.js';
import { andList } from './provenance-text.js';
import type { RenderState } from './state.js';

/** Who stands behind a fact, in the order tried: the first that applies gives the lead-in. */
export const WHO = ['claimant', 'outlets', 'staff', 'press', 'other'] as const;
export type Who = (typeof WHO)[number];

/**
 * Confirmed facts and "no comment" records need no lead-in; "" means none. A staff inference
 * is ours whoever else stands behind its facts: "It appears that …" in every case.
 */
export const DEFAULT_HEDGING: Record<Who, Partial<Record<Status, string>>> = {
  claimant: {
    reported: '{claimant} says',
    alleged: '{claimant} alleges',
    disputed: 'In a disputed account, {claimant} says',
    denied: 'In an account that has been denied, {claimant} says',
    inferred: 'It appears that',
  },
  outlets: {
    reported: 'According to {outlets},',
    alleged: 'According to {outlets}, it is alleged that',
    disputed: 'In a disputed account reported by {outlets},',
    denied: 'In an account reported by {outlets} and since denied,',
    inferred: 'It appears that',
  },
  staff: {
    reported: 'Committee staff were told',
    alleged: 'Committee staff were told of an allegation that',
    disputed: 'In a disputed account, committee staff were told',
    denied: 'In an account that has since been denied, committee staff were told',
    inferred: 'It appears that',
  },
  press: {
    reported: 'According to press reports,',
    alleged: 'Allegedly,',
    disputed: 'In a disputed account,',
    denied: 'In an account that has been denied,',
    inferred: 'It appears that',
  },
  other: {
    reported: 'Reportedly,',
    alleged: 'Allegedly,',
    disputed: 'In a disputed account,',
    denied: 'In an account that has been denied,',
    inferred: 'It appears that',
  },
};

/** Statements that already say whose account they are. */
const ATTRIBUTED =
  /\b(alleg\w*|report\w*|claim\w*|accus\w*|according|says?|said|told|argues?|believes?|contends?|insists?|estimat\w*|describ\w*|portray\w*|suggests?|calls?|puts?|reads?|position|view|disputed|denie[sd])\b/i;

export interface Standing {
  who: Who;
  /** How a sentence names the claimant or the outlets, for {claimant} and {outlets}. */
  claimant?: string;
  outlets?: string;
}

/** Who stands behind a fact: its claimant, else the outlets, else the kind of its documents. */
export function standing(s: RenderState, p: Provenance): Standing {
  const docs = p.documents.map((id) => s.fb.sources.get(id)).filter((d) => d !== undefined);
  // A party's own statement (a press release, a blog post) speaks for its publisher.
  const publishers = new Set(docs.map((d) => (d.kind === 'statement' ? d.publisher : undefined)));
  const [publisher] = publishers;
  const claimant = p.claimant?.called ?? (docs.length > 0 && publishers.size === 1 ? publisher : undefined);
  if (claimant) return { who: 'claimant', claimant };
  if (p.outlets.length > 0) return { who: 'outlets', outlets: andList(p.outlets.map((o) => o.called)) };
  if (docs.length > 0 && docs.every((d) => d.kind === 'briefing')) return { who: 'staff' };
  if (docs.length > 0 && docs.every((d) => d.kind === 'news' || d.kind === 'aggregator')) return { who: 'press' };
  return { who: 'other' };
}

/** The lead-in for a fact in this audience ("" for none). */
export function leadIn(s: RenderState, f: Fact, hedging: FrontMatter['hedging']): string {
  // An inference needs no lead-in only when it already says it is one; attribution is not enough.
  if (f.status === 'inferred' ? STATES_INFERENCE.test(f.statement) : ATTRIBUTED.test(f.statement)) return '';
  const st = standing(s, s.provenance(f));
  const template = hedging[st.who]?.[f.status] ?? DEFAULT_HEDGING[st.who][f.status] ?? '';
  return template.replace(/\{(claimant|outlets)\}/g, (_, k: 'claimant' | 'outlets') => st[k] ?? '').trim();
}

/** Capitalised in names ("The White House") but never proper nouns on their own. */
const ARTICLES = new Set(['The', 'A', 'An']);

/** "Anthropic alleges the operators …": the statement behind its lead-in, if it needs one. */
export function hedged(s: RenderState, f: Fact): string {
  const lead = leadIn(s, f, s.audience.front.hedging);
  if (!lead) return f.statement;
  const [first = '', ...rest] = f.statement.split(' ');
  // No capital after a lead-in, unless the word is a proper noun or an acronym.
  const word = first.replace(/[^\w'\u2019-]/g, '').replace(/['\u2019]s$/, '');
  const keep = (s.properNouns.has(word) && !ARTICLES.has(word)) || /^[A-Z0-9]{2,}/.test(first);
  const head = lead.charAt(0).toUpperCase() + lead.slice(1);
  return `${head} ${keep ? first : first.charAt(0).toLowerCase() + first.slice(1)} ${rest.join(' ')}`.trim();
}
