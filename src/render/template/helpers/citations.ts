// Helpers that print what a fact's citations and sources say about themselves: the words a
// party is quoted as saying ({{quote}}), a source's editorial note ({{sourceNote}}), and
// every citation of a fact with its document, quote and note ({{#citations}}). Notes are
// internal at least (facts/levels.ts): printed in a public packet, they stop the build.
import { higher } from '../../../facts/levels.js';
import type { Citation, Fact, Variant } from '../../../facts/schema.js';
import { escapeMarkdown as md, raw, TAINT, Text } from '../../escape.js';
import { formatDate } from '../format.js';
import type { RenderState } from '../state.js';
import { each, type Helper, type Options, safe, split, str } from './args.js';

/** The citations a helper reads: the fact's own and its variants', or one variant's. */
function citationsOf(s: RenderState, f: Fact, o: Options): { cites: Citation[]; variant?: Variant } {
  const vid = str(o, 'variant');
  if (vid === undefined) return { cites: [...f.sources, ...f.variants.flatMap((v) => v.sources)] };
  const variant = f.variants.find((v) => v.id === vid);
  if (!variant) {
    const known = f.variants.map((v) => v.id).filter(Boolean);
    s.fail(o.loc, `fact "${f.id}" has no variant "${vid}"`, known.length ? `its variants: ${known.join(', ')}` : 'it has no variant ids');
  }
  return { cites: variant.sources, variant };
}

export function citationHelpers(s: RenderState): Record<string, Helper> {
  return {
    /**
     * {{quote "id" [source="src.id"] [variant="v"] [cite=false]}}: the words a party is quoted
     * as saying, in quotation marks, with a note naming only the document that quotes them.
     */
    quote: (...args) => {
      const [params, o] = split(args);
      const f = s.fact(raw(params[0]), o.loc);
      const from = str(o, 'source');
      const { cites } = citationsOf(s, f, o);
      const c = cites.find((x) => x.quote && (from === undefined || x.source === from));
      if (!c?.quote) {
        const quoted = [...new Set(cites.filter((x) => x.quote).map((x) => x.source))];
        return s.fail(
          o.loc,
          `fact "${f.id}" has no quoted words${from ? ` from source "${from}"` : ''}`,
          quoted.length
            ? `its citations quote ${quoted.map((q) => `"${q}"`).join(', ')}: name one with source="…"`
            : 'add `quote:` to a citation, with the exact words as the document has them',
        );
      }
      // A note for this one citation: the document that has the words, and no other.
      const note = o.hash.cite === false ? '' : s.cite(f, { statement: f.statement, sources: [c] });
      return safe(`“${md(c.quote)}”${note}`);
    },
    /** {{sourceNote "src.id"}}: a source's editorial note (internal at least); nothing when it has none. */
    sourceNote: (...args) => {
      const [params, o] = split(args);
      const id = raw(params[0]);
      const source = s.fb.sources.get(id);
      if (!source) return s.missingSource(id, o.loc);
      if (source.note === undefined) return safe('');
      s.hold(s.noteTaint(source, 'source'));
      return safe(md(source.note));
    },
    /** {{#citations "id" [variant="v"]}}…{{/citations}}: each citation with its document, quote and note. */
    citations(this: unknown, ...args) {
      const [params, o] = split(args);
      const f = s.fact(raw(params[0]), o.loc);
      const items = citationsOf(s, f, o).cites.map((c) => citationView(s, f, c));
      return each.call(this, s, items, o);
    },
  };
}

/** One citation as `{{#citations}}` hands it to its body. */
function citationView(s: RenderState, f: Fact, c: Citation) {
  const source = s.fb.sources.get(c.source);
  const taint = s.taint('facts', f);
  return {
    // A document's title is as sensitive as the document, the quote as the fact.
    [TAINT]: source ? { ...taint, level: higher(taint.level, s.taint('sources', source).level) } : taint,
    source: c.source,
    title: source?.title ?? null,
    publisher: source?.publisher ?? null,
    date: source?.date ? formatDate(source.date) : null,
    quote: c.quote ?? null,
    per: c.per ?? null,
    // Internal at least, whatever the fact's level: its own taint, not the item's.
    note: c.note === undefined ? null : new Text(c.note, s.noteTaint(f), s),
  };
}
