// Loading a fact base: its files (fact-files.ts) parsed and assembled into one FactBase.
import { UserError } from '../errors.js';
import type { Project } from '../project.js';
import { assemble, type Report } from './assemble.js';
import { factFilesDigest, readFactFiles } from './fact-files.js';
import type { FactBase } from './factbase.js';
import { parseFactFile, type SourceFile } from './parse-file.js';

export { digestFile, factFilesDigest, isFactFile, listFactFiles, readFactFile, readFactFiles, shownPath } from './fact-files.js';

export interface Loaded {
  factBase: FactBase;
  report: Report;
}

/** `warnings: false`: the report's warnings are not wanted, and not made (assemble.ts). */
export function loadFromFiles(files: readonly SourceFile[], opts: { warnings?: boolean } = {}): Loaded {
  const report: Report = { errors: [], warnings: [] };
  const parsed = files.map((f) => parseFactFile(f, report.errors, { cache: true }));
  const factBase = assemble(parsed, report, opts);
  return { factBase, report };
}

/**
 * loadFromFiles over files read for it alone, each file let go once parsed: at 50,000 facts
 * their bytes are 28 MB outside V8's heap, which only a full collection frees, and the
 * collection that comes during loading then takes those already parsed.
 */
function loadOwnFiles(files: (SourceFile | undefined)[], opts: { warnings?: boolean }): Loaded {
  const report: Report = { errors: [], warnings: [] };
  const parsed = files.map((f, i) => {
    files[i] = undefined;
    return parseFactFile(f as SourceFile, report.errors, { cache: true });
  });
  const factBase = assemble(parsed, report, opts);
  return { factBase, report };
}

export async function loadFactBase(root: string, dataDir: string, opts: { warnings?: boolean } = {}): Promise<Loaded> {
  return loadOwnFiles(await readFactFiles(root, dataDir), opts);
}

/** Loads a fact base that must be valid; bad input is one error listing every problem. */
export async function loadValid(project: Project): Promise<FactBase> {
  return validBase(await readFactFiles(project.root, project.dataDir));
}

/**
 * The fact files read and their digest (`factFilesDigest`), for caches of what derives from
 * them; `factBase` makes and checks the base from them on first call, as `loadValid` does
 * (a build whose packets all come from its cache needs only the digest).
 */
export async function loadValidFiles(project: Project): Promise<{ digest: string; factBase: () => FactBase }> {
  let files: SourceFile[] | undefined = await readFactFiles(project.root, project.dataDir);
  let base: FactBase | undefined;
  return {
    digest: factFilesDigest(files),
    factBase: () => {
      base ??= validBase(files as SourceFile[]);
      files = undefined; // parsed: the bytes can go
      return base;
    },
  };
}

function validBase(files: readonly SourceFile[]): FactBase {
  // Its warnings are validate's to report: not made here (the single-source rule alone was
  // a tenth of loading 50,000 facts).
  const { factBase, report } = loadFromFiles(files, { warnings: false });
  if (report.errors.length > 0) {
    throw new UserError(`the fact base has ${report.errors.length} error${report.errors.length === 1 ? '' : 's'}`, {
      diagnostics: report.errors,
      hint: 'run `briefbook validate` for the full report',
    });
  }
  return factBase;
}
