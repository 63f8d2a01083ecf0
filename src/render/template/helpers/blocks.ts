// Helpers that print whole Markdown blocks built from the fact base: the timeline, the
// figures table, committee rosters, the order of questioning, the sources appendix.
import { corroboration, type FactBase, factSourceIds, outlets } from '../../../facts/factbase.js';
import type { Fact } from '../../../facts/schema.js';
import { escapeMarkdown as md, raw } from '../../escape.js';
import { formatRange } from '../format.js';
import { memberName, questioningOrder, rosters } from '../roster.js';
import { sourceReference } from '../sources-text.js';
import type { RenderState } from '../state.js';
import { type Helper, int, type Options, safe, split, str, tagged } from './args.js';
import { linksOf } from './facts.js';
import { sortedEvents } from './lists.js';

const cap = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

/** One footnote per distinct set of sources, shared by every row that rests on the same set. */
function sourcesNote(s: RenderState, sourceIds: readonly string[]): string {
  const known = [...new Set(sourceIds)].filter((id) => s.fb.sources.has(id));
  if (known.length === 0) return '';
  for (const id of known) s.holdItem('sources', s.fb.sources.get(id)!);
  return s.note(`sources:${known.join(',')}`, () => `${known.map((id) => sourceReference(s.fb.sources.get(id)!)).join('; ')}.`);
}

function factsSources(fb: FactBase, ids: readonly string[]): string[] {
  return ids.flatMap((id) => {
    const f = fb.facts.get(id);
    return f ? factSourceIds(f) : [];
  });
}

function figureRows(s: RenderState, f: Fact, label: string): string[] {
  s.holdItem('facts', f);
  if (f.variants.length === 0) {
    return [`| ${md(label)} | ${md(f.statement)} | ${s.cite(f)} |`];
  }
  s.markCited(f.id);
  return f.variants.map(
    (v, i) =>
      `| ${i === 0 ? md(label) : ''} | ${md(v.statement)} | ${sourcesNote(
        s,
        v.sources.map((c) => c.source),
      )} |`,
  );
}

function unitLabel(f: Fact): string {
  const unit = f.value?.unit ?? f.variants.find((v) => v.value)?.value?.unit;
  return unit ? cap(unit) : f.id;
}

export function blockHelpers(s: RenderState): Record<string, Helper> {
  return {
    /** {{timeline [tag="letter"] [limit=10]}}: Date | Event | Sources table from dated events. */
    timeline: (...args) => {
      const [, o] = split(args);
      const t = str(o, 'tag');
      const events = sortedEvents(s, t ? t.split(/[\s,]+/) : o.hash.all === true ? [] : s.audience.front.tags);
      const limit = int(o, 'limit');
      const rows = (limit === undefined ? events : events.slice(0, limit)).map((e) => {
        s.holdItem('events', e);
        const src = e.sources.length > 0 ? e.sources.map((c) => c.source) : factsSources(s.fb, e.facts);
        return `| ${md(formatRange(e.date, e.end, true))} | ${md(e.title)} | ${sourcesNote(s, src)} |`;
      });
      if (rows.length === 0) return safe('*No dated events.*');
      return safe(['| Date | Event | Sources |', '|:--|:--|:--|', ...rows].join('\n'));
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
    /** {{sourcesAppendix [all=true]}}: the sources, then each fact's corroboration. */
    sourcesAppendix: (...args) => {
      const [, o] = split(args);
      return safe(sourcesAppendix(s, o.hash.all === true));
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

function sourcesAppendix(s: RenderState, all: boolean): string {
  const sources = [...s.fb.sources.values()];
  for (const src of sources) s.holdItem('sources', src);
  const code = new Map(sources.map((src, i) => [src.id, `S${i + 1}`]));
  const srcRows = sources.map((src) => {
    const through = src.via.length > 0 ? src.via.join(', ') : (src.publisher ?? 'not named');
    const doc = src.document ? ` (${md(src.document)})` : '';
    return `| ${code.get(src.id)} | ${sourceReference(src)}${doc} | ${md(through)} |`;
  });
  const facts = all ? [...s.fb.facts.values()].filter((f) => tagged(f, s.audience.front.tags)) : s.cited.map((id) => s.fb.facts.get(id)!);
  const factRows = facts.map((f) => {
    s.holdItem('facts', f);
    const codes = factSourceIds(f)
      .map((id) => code.get(id))
      .filter(Boolean)
      .join(', ');
    const n = corroboration(f, s.fb.sources);
    const names = outlets(f, s.fb.sources).map((x) => (s.fb.sources.has(x) ? `${code.get(x)} (unattributed)` : x));
    const flag = factSourceIds(f).length <= 1 ? 'single source' : n <= 1 ? 'one outlet' : '';
    return `| ${md(f.id)} | ${md(f.status)} | ${codes} | ${n}: ${md(names.join(', '))}${flag ? ` — *${flag}*` : ''} |`;
  });
  const links = facts.filter((f) => f.links.length > 0).map((f) => `- **${md(f.id)}:** ${linksOf(f)}`);
  const notes = facts.flatMap((f) => {
    const note = s.noteOf(f);
    if (!note) return [];
    s.hold(s.noteTaint(f));
    return [`- **${md(f.id)}:** ${md(note)}`];
  });
  return [
    '| Ref. | Source (outlet, title, date, document) | Reports through |',
    '|:--|:--|:--|',
    ...srcRows,
    '',
    `Corroboration counts independent outlets: two reports that repeat the same outlet count once. ${
      all ? 'Every fact in this packet’s scope' : 'Every fact cited above'
    } is listed with the sources that back it.`,
    '',
    '| Fact | Status | Sources | Independent outlets |',
    '|:--|:--|:--|:--|',
    ...factRows,
    ...(links.length > 0 ? ['', '**Links**', '', ...links] : []),
    ...(notes.length > 0 ? ['', '**Editorial notes**', '', ...notes] : []),
  ].join('\n');
}
