import type { Diagnostic } from '../errors.js';
import type { Report } from '../facts/assemble.js';
import { checkFigures } from '../facts/cited-figures.js';
import { FactFilesChanged, type FactSource, hashedFactSource, readFactSource } from '../facts/fact-source.js';
import { lastChecked } from '../facts/item-dates.js';
import { KINDS } from '../facts/kinds.js';
import type { Loaded } from '../facts/load.js';
import { packetTime } from '../facts/packet-time.js';
import { placeOrder } from '../facts/place-order.js';
import { checkQuotes } from '../facts/quotes.js';
import {
  type LoadReport,
  loadReportKey,
  lookupLoadReport,
  lookupStale,
  staleKey,
  storeLoadReport,
  storeStale,
} from '../facts/report-cache.js';
import { githubAnnotations } from '../facts/report-github.js';
import { sarifLog } from '../facts/report-sarif.js';
import { SourceDocuments } from '../facts/source-documents.js';
import { stalenessWarnings } from '../facts/staleness.js';
import { type BuildStamp, buildStamp } from '../facts/stamp.js';
import type { Project } from '../project.js';
import { projectTemplateProblems } from '../render/template-problems.js';
import { gitAnswer } from '../util/git.js';
import { packageVersion } from '../util/package-root.js';

export interface ValidateOptions {
  project: Project;
  /** Folder of source documents: check every quote, and every cited figure, against its document. */
  sourcesDir?: string;
  /** Warnings fail validation too. */
  strict?: boolean;
  /** Name files relative to the git repository's top (as CI annotations and SARIF need), not the project. */
  repositoryPaths?: boolean;
  /** YYYY-MM-DD to age check dates against (`--as-of`); default `asOf` in briefbook.yaml, else the build stamp's date. */
  asOf?: string;
  /** Check the audience templates and partials too (every problem `build` would hit); on by default. */
  templates?: boolean;
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

/** The machine-readable forms of a validation report (`text` is the CLI's own). */
export type ReportFormat = 'json' | 'github' | 'sarif';

export async function validate(options: ValidateOptions): Promise<ValidateResult> {
  const { project, sourcesDir, templates = true } = options;
  // The template check needs the build stamp (two git questions): asked while the files are read.
  let asked: Promise<BuildStamp> | undefined;
  const stamp = () => (asked ??= buildStamp(project));
  if (templates) stamp().catch(() => undefined);
  // With source documents the base is always assembled: its files are read once, and kept.
  // Otherwise they are hashed first, unkept, for the cached report and checks (fact-source.ts);
  // should they change before a miss reads them, the check starts again from what it reads.
  if (!(sourcesDir ?? project.sourcesDir)) {
    try {
      return await validateFrom(options, await hashedFactSource(project), stamp);
    } catch (e) {
      if (!(e instanceof FactFilesChanged)) throw e;
    }
  }
  return validateFrom(options, await readFactSource(project), stamp);
}

async function validateFrom(
  { project, sourcesDir, strict = false, repositoryPaths = false, asOf, templates = true }: ValidateOptions,
  facts: FactSource,
  stamp: () => Promise<BuildStamp>,
): Promise<ValidateResult> {
  const dir = sourcesDir ?? project.sourcesDir;
  // The base is assembled only when something needs it: a report kept from an earlier run
  // (facts/report-cache.ts) stands for it otherwise. Source documents are always read afresh.
  const key = dir ? undefined : loadReportKey(project, facts.digest);
  const base = (key && lookupLoadReport(key)) || loadReport(await facts.load(), key);
  const report: Report = { errors: [...base.errors], warnings: [...base.warnings] };
  // Ageing check dates needs the as-of date, which may need git (the build stamp's date):
  // only when some fact records a check.
  if (base.checked) {
    const time = packetTime(project.config, asOf ?? project.config.asOf ?? (await stamp()).date, asOf);
    const stale = key && staleKey(key, time.asOf, time.staleAfterDays);
    let found = stale ? lookupStale(stale) : undefined;
    if (!found) {
      found = stalenessWarnings((await facts.load()).factBase, time.asOf, time.staleAfterDays);
      if (stale) storeStale(stale, found);
    }
    report.warnings.push(...found);
  }
  const factBase = dir ? (await facts.load()).factBase : undefined;
  const docs = factBase && dir ? new SourceDocuments(factBase, dir, report) : undefined;
  const quotesChecked = factBase && docs ? await checkQuotes(factBase, docs, report) : undefined;
  const figuresChecked = factBase && docs ? await checkFigures(factBase, docs, report) : undefined;
  // The templates, only on a fact base without errors (a render needs the items it names).
  if (templates && report.errors.length === 0) {
    const found = await projectTemplateProblems(project, async () => (await facts.load()).factBase, facts.digest, stamp());
    report.errors.push(...found.errors);
    report.warnings.push(...found.warnings);
  }
  const counts = base.counts as ValidateResult['counts'];
  const byPlace = placeOrder([...report.errors, ...report.warnings]);
  // The project's folder inside the repository ("" at the top, or outside git).
  const prefix = repositoryPaths ? ((await gitAnswer(project.root, ['rev-parse', '--show-prefix'])) ?? '') : '';
  const place = (d: Diagnostic) => (prefix ? { ...d, file: `${prefix}${d.file}` } : d);
  const errors = report.errors.sort(byPlace).map(place);
  const warnings = report.warnings.sort(byPlace).map(place);
  return {
    ok: errors.length === 0 && (!strict || warnings.length === 0),
    counts,
    errors,
    warnings,
    quotesChecked,
    figuresChecked,
  };
}

/** What loading the base reported, stored under `key` for the next run. */
function loadReport({ factBase, report }: Loaded, key: string | undefined): LoadReport {
  const r: LoadReport = {
    errors: report.errors,
    warnings: report.warnings,
    counts: Object.fromEntries(KINDS.map((k) => [k, factBase[k].size])),
    checked: [...factBase.facts.values()].some((f) => lastChecked(f) !== undefined),
  };
  if (key) storeLoadReport(key, r);
  return r;
}

/** The report as `briefbook validate --format json|github|sarif` prints it. */
export function formatReport(result: ValidateResult, format: ReportFormat): string {
  if (format === 'github') return githubAnnotations(result.errors, result.warnings);
  if (format === 'sarif') return `${JSON.stringify(sarifLog(result.errors, result.warnings, { version: packageVersion() }), null, 2)}\n`;
  const { ok, counts, errors, warnings } = result;
  return `${JSON.stringify({ ok, counts, errors, warnings }, null, 2)}\n`;
}
