// Helpers that print whole Markdown blocks built from the fact base: the timeline, the
// figures table, committee rosters, the order of questioning, the sources appendix.
import { itemProvenance, type Provenance } from '../../../facts/provenance.js';
import type { Fact } from '../../../facts/schema.js';
import { escapeMarkdown as md, raw } from '../../escape.js';
import { formatRange } from '../format.js';
import { documentsText } from '../provenance-text.js';
import { memberName, questioningOrder, rosters } from '../roster.js';
import { sourcesAppendix } from '../sources-appendix.js';
import type { RenderState } from '../state.js';
import { type Helper, int, type Options, safe, split, str, tagged } from './args.js';
import { linksOf } from './facts.js';
import { timelineEvents } from './lists.js';

const cap = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

/** One footnote listing the documents behind an event (or the facts it rests on), shared by rows with the same. */
export function documentsNote(s: RenderState, p: Provenance): string {
  for (const id of p.documents) {
    const source = s.fb.sources.get(id);
    if (source) s.holdItem('sources', source);
  }
  const text = documentsText(s.fb, p);
  return text ? s.note(`text:${text}.`, () => `${text}.`) : '';
}

function figureRows(s: RenderState, f: Fact, label: string): string[] {
  s.holdItem('facts', f);
  if (f.variants.length === 0) {
    return [`| ${md(label)} | ${s.track(f, (x) => md(x.statement))} | ${s.cite(f)} |`];
  }
  return f.variants.map((v, i) => `| ${i === 0 ? md(label) : ''} | ${s.track(f, (x) => variantText(x, v.id, i))} | ${s.cite(f, v)} |`);
}

/** A variant's statement, found by its id (or, without one, its place), in either version of the fact. */
function variantText(f: Fact, id: string | undefined, index: number): string | undefined {
  const v = id === undefined ? f.variants[index] : f.variants.find((w) => w.id === id);
  return v && md(v.statement);
}

function unitLabel(f: Fact): string {
  const unit = f.value?.unit ?? f.variants.find((v) => v.value)?.value?.unit;
  return unit ? cap(unit) : f.id;
}

export function blockHelpers(s: RenderState): Record<string, Helper> {
  return {
    /** {{timeline [tag="letter"] [limit=10]}}: Date | Event table from dated events, each event's note after its title. */
    timeline: (...args) => {
      const [, o] = split(args);
      const rows = timelineEvents(s, o).map((e) => {
        s.holdItem('events', e);
        const facts = e.facts.map((id) => s.fb.facts.get(id)).filter((f) => f !== undefined);
        // The note follows the event's title: a column of bare note numbers reads as stray marks.
        return `| ${md(formatRange(e.date, e.end, true, true))} | ${md(e.title)}${documentsNote(s, itemProvenance(s.fb, e.sources, facts))} |`;
      });
      if (rows.length === 0) return safe('*No dated events.*');
      return safe(['| Date | Event |', '|:--|:--|', ...rows].join('\n'));
    },
    /** Rows for a hand-built figures table: {{figureRows "campaign.accounts" label="Fraudulent accounts"}}. */
    figureRows: (...args) => {
      const [params, o] = split(args);
      const f = s.fact(raw(params[0]), o.loc);
      return safe(figureRows(s, f, str(o, 'label') ?? unitLabel(f)).join('\n'));
    },
    /** {{figureTable [tag="figures"]}}: every figure fact with one row per reported version. */
    figureTable: (...args) => {
      const [, o] = split(args);
      const tags = (str(o, 'tag') ?? 'figures').split(/[\s,]+/);
      const facts = [...s.fb.facts.values()].filter((f) => tagged(f, tags) && tagged(f, s.audience.front.tags));
      const rows = facts.flatMap((f) => figureRows(s, f, unitLabel(f)));
      return safe(['| Figure | As reported | Sources |', '|:--|:--|:--|', ...rows].join('\n'));
    },
    /**
     * {{roster ["committee.id"]}}: majority and minority columns by rank, with party-state and title.
     * Without an id: every committee with members (not subcommittees).
     */
    roster: (...args) => {
      const [params, o] = split(args);
      const blocks = selectRosters(s, params, o).map((r) => {
        const cell = (m?: (typeof r.majority)[number]) => (m ? md(`${memberName(m.entity)}${m.title ? `, ${m.title}` : ''}`) : '');
        const rows = Array.from(
          { length: Math.max(r.majority.length, r.minority.length) },
          (_, i) => `| ${cell(r.majority[i])} | ${cell(r.minority[i])} |`,
        );
        const other = r.other.length > 0 ? `\n\nSide not recorded: ${r.other.map((m) => md(memberName(m.entity))).join('; ')}.` : '';
        return `**${md(r.committee.name)}**\n\n| Majority | Minority |\n|:--|:--|\n${rows.join('\n')}${other}`;
      });
      return safe(blocks.join('\n\n'));
    },
    /** {{questioningOrder ["committee.id"]}}: chair, ranking member, then alternating sides by rank. */
    questioningOrder: (...args) => {
      const [params, o] = split(args);
      const lists = selectRosters(s, params, o).map((r) =>
        questioningOrder(r)
          .map((m, i) => `${i + 1}. ${md(`${memberName(m.entity)}${m.title ? `, ${m.title}` : ''}${m.side ? ` (${m.side})` : ''}`)}`)
          .join('\n'),
      );
      return safe(lists.join('\n\n'));
    },
    /** {{sourcesAppendix [all=true] [facts=false]}}: the sources, then (unless facts=false) each fact's corroboration. */
    sourcesAppendix: (...args) => {
      const [, o] = split(args);
      return safe(sourcesAppendix(s, o.hash.all === true, linksOf, o.hash.facts !== false));
    },
    /** {{contents [depth=2|3]}}: a table of contents of the headings that follow (when front matter says `contents: true`). */
    contents: (...args) => {
      const [, o] = split(args);
      const depth = int(o, 'depth') ?? 3;
      if (depth !== 2 && depth !== 3)
        s.fail(o.loc, `contents depth must be 2 or 3, not ${depth}`, 'depth=2 lists sections; depth=3 adds subsections');
      return safe(s.audience.front.contents ? s.marks.mark('contents', String(depth)) : '');
    },
    /** {{notes [title="Notes"]}}: where the footnotes go (otherwise at the end). */
    notes: (...args) => {
      const [, o] = split(args);
      s.notesTitle = str(o, 'title') ?? 'Notes';
      return safe(s.marks.mark('notes'));
    },
  };
}

function selectRosters(s: RenderState, params: unknown[], o: Options) {
  let list: ReturnType<typeof rosters>;
  if (params.length === 0) list = rosters(s.fb);
  else {
    const id = raw(params[0]);
    s.entity(id, o.loc);
    list = rosters(s.fb, id);
  }
  for (const r of list) {
    s.holdItem('entities', r.committee);
    for (const m of [...r.majority, ...r.minority, ...r.other]) s.holdItem('entities', m.entity);
  }
  return list;
}
