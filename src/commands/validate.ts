import type { Diagnostic } from '../errors.js';
import { checkFigures } from '../facts/cited-figures.js';
import { KINDS } from '../facts/kinds.js';
import { loadFactBase } from '../facts/load.js';
import { checkQuotes } from '../facts/quotes.js';
import { SourceDocuments } from '../facts/source-documents.js';
import type { Project } from '../project.js';

export interface ValidateOptions {
  project: Project;
  /** Folder of source documents: check every quote, and every cited figure, against its document. */
  sourcesDir?: string;
  /** Warnings fail validation too. */
  strict?: boolean;
}

export interface ValidateResult {
  ok: boolean;
  counts: {
    facts: number;
    sources: number;
    entities: number;
    events: number;
    questions: number;
    glossary: number;
    analysis: number;
  };
  errors: Diagnostic[];
  warnings: Diagnostic[];
  quotesChecked?: number;
  /** Citations whose document was searched for the figures they back. */
  figuresChecked?: number;
}

export async function validate({ project, sourcesDir, strict = false }: ValidateOptions): Promise<ValidateResult> {
  const { factBase, report } = await loadFactBase(project.root, project.dataDir);
  const dir = sourcesDir ?? project.sourcesDir;
  const docs = dir ? new SourceDocuments(factBase, dir, report) : undefined;
  const quotesChecked = docs ? await checkQuotes(factBase, docs, report) : undefined;
  const figuresChecked = docs ? await checkFigures(factBase, docs, report) : undefined;
  const counts = Object.fromEntries(KINDS.map((k) => [k, factBase[k].size])) as ValidateResult['counts'];
  const byPlace = (a: Diagnostic, b: Diagnostic) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
  const errors = report.errors.sort(byPlace);
  const warnings = report.warnings.sort(byPlace);
  return {
    ok: errors.length === 0 && (!strict || warnings.length === 0),
    counts,
    errors,
    warnings,
    quotesChecked,
    figuresChecked,
  };
}
