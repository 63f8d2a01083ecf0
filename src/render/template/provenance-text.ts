// How provenance reads in a packet: each document with whom it credits for the claim,
// then one sentence of origins, documents and outlets. Footnotes, the figures table and
// the sources appendix all print their figures from one Provenance (facts/provenance.ts),
// so they cannot disagree. Everything returned is Markdown with fact-base text escaped.
import type { FactBase } from '../../facts/factbase.js';
import type { Party, Provenance } from '../../facts/provenance.js';
import { escapeMarkdown as md } from '../escape.js';
import { sourceReference } from './sources-text.js';

export const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "A", "A and B", "A, B and C". */
export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** A credited party as a footnote names it: a forum or aggregator says so, since it is no outlet. */
function creditLabel(p: Party): string {
  if (p.outlet || !p.kind) return p.called;
  if (p.kind === 'forum') return `${p.called} (a forum)`;
  if (p.kind === 'aggregator') return `${p.called} (an aggregator)`;
  return p.called;
}

/** Whom one document credits for this claim, across all its citations of it. */
export function creditsOf(p: Provenance, source: string): Party[] {
  const seen = new Map<string, Party>();
  for (const c of p.citations) if (c.source === source) for (const x of c.credits) seen.set(x.key, x);
  return [...seen.values()];
}

/** “Title” (outlet, date), citing Reuters and the Financial Times; … — one entry per document. */
export function documentsText(fb: FactBase, p: Provenance): string {
  return p.documents
    .map((id) => {
      const src = fb.sources.get(id);
      if (!src) return '';
      const credits = creditsOf(p, id);
      return `${sourceReference(src)}${credits.length > 0 ? `, citing ${md(andList(credits.map(creditLabel)))}` : ''}`;
    })
    .filter(Boolean)
    .join('; ');
}

/**
 * "One origin (Anthropic's letter); 5 documents, through 3 outlets, 2 naming none" — plain
 * text. The document count is left out where the origins already give it (each document
 * its own reporting). The outlets are those the documents are said to cite (documentsText
 * names them); `names` lists them too, for use without the documents, e.g. {{corroboration}}.
 */
export function provenanceText(p: Provenance, names = false): string {
  const k = p.outlets.length;
  const u = p.unattributed.length;
  const listed = names ? ` (${p.outlets.map((o) => o.name).join(', ')})` : '';
  const outlets = k === 0 ? 'no outlet named' : `through ${count(k, 'outlet')}${listed}${u > 0 ? `, ${u} naming none` : ''}`;
  const docs = p.documents.length === p.origins.length ? '' : `${count(p.documents.length, 'document')}, `;
  return `${originsText(p)}; ${docs}${outlets}`;
}

function originsText(p: Provenance): string {
  const [only] = p.origins;
  if (p.origins.length <= 1)
    return `One origin (${!only ? 'none' : only.self && p.documents.length === 1 ? 'its own reporting' : only.name})`;
  const own = p.origins.filter((o) => o.self).length;
  const ownText =
    own === p.origins.length ? 'each document’s own reporting' : count(own, 'document’s own reporting', 'documents’ own reporting');
  const names = [...p.origins.filter((o) => !o.self).map((o) => o.name), ...(own > 0 ? [ownText] : [])];
  return `${p.origins.length} independent origins (${names.join('; ')})`;
}

/** " *(single source)*", naming the one origin when it is not the document itself; "" when corroborated. */
export function singleSourceFlag(p: Provenance): string {
  if (!p.singleSource) return '';
  const [o] = p.origins;
  return o && !o.self ? ` *(single source: ${md(o.name)})*` : ' *(single source)*';
}

const notes = new WeakMap<Provenance, string>();

/** A footnote: the documents, then the provenance sentence (once per provenance: many facts cite the same). */
export function provenanceNote(fb: FactBase, p: Provenance): string {
  let note = notes.get(p);
  if (note === undefined) {
    note = `${documentsText(fb, p)}. ${md(provenanceText(p))}.`;
    notes.set(p, note);
  }
  return note;
}
