// `validate --sources-dir`: a document cited for a figure must give it. A citation backs
// the figure of what it is attached to — the fact's `value`, or its variant's — and each
// number in it must appear in the document in some form ("28.8m", "28.8 million",
// "28,800,000"). A miss is a warning: the document may give it in words we do not read.
import { diagnosticAt, type Report } from './assemble.js';
import type { FactBase } from './factbase.js';
import { figureForms, givesFigure, valueFigures } from './figures.js';
import { citations, type SourceDocuments } from './source-documents.js';

const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export async function checkFigures(fb: FactBase, docs: SourceDocuments, report: Report): Promise<number> {
  let checked = 0;
  for (const at of citations(fb)) {
    const f = at.kind === 'facts' ? fb.facts.get(at.id) : undefined;
    if (!f) continue;
    const value = at.sub[0] === 'variants' ? f.variants[at.sub[1] as number]?.value : f.value;
    const figures = value ? valueFigures(value) : [];
    if (figures.length === 0) continue;
    const text = await docs.text(at, 'source');
    if (text === undefined) continue;
    checked++;
    const lower = text.toLowerCase();
    const missing = figures.filter((x) => !givesFigure(text, x.figure) && !(x.phrase && lower.includes(x.phrase)));
    if (missing.length === 0) continue;
    const document = fb.sources.get(at.cite.source)?.document;
    const names = missing.map((x) => grouped(x.figure)).join(' and ');
    const looked = missing.flatMap((x) => [...figureForms(x.figure).slice(0, 4), ...(x.phrase ? [x.phrase] : [])]).map((s) => `"${s}"`);
    report.warnings.push({
      ...diagnosticAt(
        fb,
        at.kind,
        at.id,
        [...at.sub, 'source'],
        `${document} does not give ${names}, the figure this citation backs`,
        `cite the document only for a version whose figure it gives (a variant with its own sources), or correct the figure (looked for ${looked.join(', ')})`,
      ),
      rule: 'cited-figure',
    });
  }
  return checked;
}
