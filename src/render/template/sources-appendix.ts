// {{sourcesAppendix}}: every source this packet may show, with a reference (S1, S2…) and
// whom it draws on, then each fact with its documents, origins and outlets — the same
// Provenance the footnotes print, so the two agree figure for figure.

import type { FactBase } from '../../facts/factbase.js';
import type { Provenance } from '../../facts/provenance.js';
import { resolveParty } from '../../facts/provenance.js';
import type { Fact, Source } from '../../facts/schema.js';
import { escapeMarkdown as md } from '../escape.js';
import { tagged } from './helpers/args.js';
import { count } from './provenance-text.js';
import { sourceReference } from './sources-text.js';
import type { RenderState } from './state.js';

/** Kinds of source that report others' claims, so naming no outlet says something. */
const REPORTS = new Set(['news', 'aggregator', 'forum']);

/**
 * The sources table, then (unless `withFacts` is false) each fact's documents, origins and
 * outlets. `all`: every fact in scope, not only those cited.
 */
export function sourcesAppendix(s: RenderState, all: boolean, links: (f: Fact) => string, withFacts = true): string {
  // s.fb holds only the sources this audience may see (facts/select.ts).
  const sources = [...s.fb.sources.values()];
  for (const src of sources) s.holdItem('sources', src);
  const rows = rowsOf(s, sources);
  const facts = !withFacts
    ? []
    : all
      ? [...s.fb.facts.values()].filter((f) => tagged(f, s.audience.front.tags))
      : s.cited.map((id) => s.fb.facts.get(id)!);
  const factRows = facts.map((f) => {
    s.holdItem('facts', f);
    return rows.fact(f);
  });
  const linked = facts.filter((f) => f.links.length > 0).map((f) => `- **${md(f.id)}:** ${links(f)}`);
  // Editorial notes, on facts and on sources, are for internal readers only (levels.ts).
  const notes = [
    ...sources.flatMap((src) => {
      const note = s.noteOf(src);
      if (!note) return [];
      s.hold(s.noteTaint(src, 'source'));
      return [`- **${rows.code.get(src.id)}:** ${md(note)}`];
    }),
    ...facts.flatMap((f) => {
      const note = s.noteOf(f);
      if (!note) return [];
      s.hold(s.noteTaint(f));
      return [`- **${md(f.id)}:** ${md(note)}`];
    }),
  ];
  return [
    '| Ref. | Source (outlet, title, date, document) | Draws on |',
    '|:--|:--|:--|',
    ...rows.sources,
    '',
    'Corroboration counts independent origins — where a claim comes from: a letter, a statement, an official act, or a report’s own reporting — and, separately, the news outlets that stand behind the documents for it. Five reports retelling one letter are one origin; forums and digests are not outlets, and a report that names no outlet confirms nothing beyond itself. A *single source* has one origin.',
    ...(withFacts
      ? [
          '',
          `${all ? 'Every fact in this packet’s scope' : 'Every fact cited above'} is listed with the documents that back it.`,
          '',
          '| Fact | Status | Documents | Origins | Outlets |',
          '|:--|:--|:--|:--|:--|',
          ...factRows,
        ]
      : []),
    ...(linked.length > 0 ? ['', '**Links**', '', ...linked] : []),
    ...(notes.length > 0 ? ['', '**Editorial notes**', '', ...notes] : []),
  ].join('\n');
}

interface Rows {
  /** Each source's reference, S1, S2…, in the fact base's order. */
  code: Map<string, string>;
  sources: string[];
  fact: (f: Fact) => string;
}

const shared = new WeakMap<FactBase, Rows>();

/**
 * The table rows, the same in every packet of one level (they read only the selection for
 * that level and its provenance): made once per selection, each fact's row when first asked.
 * The first packet of a level reads them through its guarded view, so the guard sees each
 * party named; later packets of the level share its ceiling and would pass the same.
 */
function rowsOf(s: RenderState, sources: readonly Source[]): Rows {
  const cached = shared.get(s.visible);
  if (cached) return cached;
  const code = new Map(sources.map((src, i) => [src.id, `S${i + 1}`]));
  const factRows = new Map<Fact, string>();
  const rows: Rows = {
    code,
    sources: sources.map((src) => sourceRow(s, src, code)),
    fact: (f) => {
      let row = factRows.get(f);
      if (row === undefined) {
        const p = s.provenance(f);
        const docs = p.documents.map((id) => code.get(id)).join(', ');
        // Joined, not concatenated: one flat string kept per fact, not a tree of its pieces.
        const cells = [
          md(f.id),
          md(f.status),
          docs,
          md(originsCell(p, code)),
          `${md(outletsCell(p))}${p.singleSource ? ' — *single source*' : ''}`,
        ];
        row = ['| ', cells.join(' | '), ' |'].join('');
        factRows.set(f, row);
      }
      return row;
    },
  };
  shared.set(s.visible, rows);
  return rows;
}

function sourceRow(s: RenderState, src: Source, code: Map<string, string>): string {
  const drawsOn = src.via
    .map((ref) => resolveParty(s.fb, ref))
    .filter((p) => p !== undefined)
    .map((p) => (p.outlet ? p.name : `${p.name} (${p.kind ?? 'not an outlet'}, not an outlet)`));
  // A letter or statement known only through the reports that relay it: say we hold no copy.
  const doc = src.document ? ` (${md(src.document)})` : src.url ? '' : ' (no copy held)';
  const none = REPORTS.has(src.kind) ? 'none named' : '—';
  return `| ${code.get(src.id)} | ${sourceReference(src)}${doc} | ${md(drawsOn.join(', ') || none)} |`;
}

/** "1: S6", "2: Reuters, Financial Times", "5: own reporting of S1, S2, S3, S4, S5". */
function originsCell(p: Provenance, code: Map<string, string>): string {
  const named = p.origins.filter((o) => !o.self).map((o) => (o.kind === 'source' ? (code.get(o.id) ?? o.name) : o.name));
  const own = p.origins.filter((o) => o.self).map((o) => code.get(o.id) ?? o.name);
  const ownText = own.length > 0 ? `own reporting of ${own.join(', ')}` : '';
  return `${p.origins.length}: ${[named.join(', '), ownText].filter(Boolean).join('; ')}`;
}

/** "3: Bloomberg, Financial Times, Reuters; 2 of 5 documents name none", "0: none named". */
function outletsCell(p: Provenance): string {
  const k = p.outlets.length;
  if (k === 0) return '0: none named';
  const u = p.unattributed.length;
  const unnamed = u > 0 ? `; ${u} of ${count(p.documents.length, 'document')} name${u === 1 ? 's' : ''} none` : '';
  return `${k}: ${p.outlets.map((o) => o.name).join(', ')}${unnamed}`;
}
