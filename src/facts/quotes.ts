// `validate --sources-dir`: every quote must appear verbatim in the document it cites.
import { foldSpace } from '../util/text.js';
import { diagnosticAt, type Report } from './assemble.js';
import type { FactBase } from './factbase.js';
import { citations, type SourceDocuments } from './source-documents.js';

export async function checkQuotes(fb: FactBase, docs: SourceDocuments, report: Report): Promise<number> {
  let checked = 0;
  for (const at of citations(fb)) {
    const quote = at.cite.quote;
    if (!quote) continue;
    const source = fb.sources.get(at.cite.source);
    if (!source) continue; // already an error: unknown source
    const where = [...at.sub, 'quote'];
    if (!source.document) {
      report.warnings.push({
        ...diagnosticAt(
          fb,
          at.kind,
          at.id,
          where,
          `cannot check the quote: source "${source.id}" names no document`,
          'add `document:` to the source, naming its file in the sources folder',
        ),
        rule: 'unchecked-quote',
      });
      continue;
    }
    checked++;
    const text = await docs.text(at, 'quote');
    if (text !== undefined && !text.includes(foldSpace(quote))) {
      report.errors.push(
        diagnosticAt(
          fb,
          at.kind,
          at.id,
          where,
          `quote not found verbatim in ${source.document}: "${quote}"`,
          'copy the words exactly as the document has them (mind curly quotes and apostrophes), or drop the quote',
        ),
      );
    }
  }
  return checked;
}
