// Reading a fact base from disk (or from any list of files, e.g. git blobs for diffs).
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { UserError } from '../errors.js';
import type { Project } from '../project.js';
import { assemble, type Report } from './assemble.js';
import type { FactBase } from './factbase.js';
import { LIMITS } from './limits.js';
import { parseFactFile, type SourceFile } from './parse-file.js';

export interface Loaded {
  factBase: FactBase;
  report: Report;
}

export const isFactFile = (name: string) => /\.ya?ml$/i.test(name);

/** Every fact file under `dataDir`, sorted by path so results never depend on the disk. */
export async function listFactFiles(dataDir: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = (await readdir(dataDir, { recursive: true })) as string[];
  } catch (e) {
    throw new UserError(`cannot read the data folder ${dataDir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, {
      hint: 'create it, or point briefbook at your project with -C DIR',
      cause: e,
    });
  }
  return entries
    .filter(isFactFile)
    .map((p) => join(dataDir, p))
    .sort();
}

/** Reads files, refusing oversized ones before reading them into memory. */
export async function readFactFiles(root: string, dataDir: string): Promise<SourceFile[]> {
  const paths = await listFactFiles(dataDir);
  return Promise.all(
    paths.map(async (abs) => {
      const path = relative(root, abs).split(sep).join('/');
      const { size } = await stat(abs);
      // Never read an oversized file: parseFactFile refuses it by its size alone.
      if (size > LIMITS.fileBytes) return { path, bytes: new Uint8Array(), size };
      return { path, bytes: await readFile(abs) };
    }),
  );
}

export function loadFromFiles(files: readonly SourceFile[]): Loaded {
  const report: Report = { errors: [], warnings: [] };
  const parsed = files.map((f) => parseFactFile(f, report.errors));
  const factBase = assemble(parsed, report);
  return { factBase, report };
}

export async function loadFactBase(root: string, dataDir: string): Promise<Loaded> {
  return loadFromFiles(await readFactFiles(root, dataDir));
}

/** Loads a fact base that must be valid; bad input is one error listing every problem. */
export async function loadValid(project: Project): Promise<FactBase> {
  const { factBase, report } = await loadFactBase(project.root, project.dataDir);
  if (report.errors.length > 0) {
    throw new UserError(`the fact base has ${report.errors.length} error${report.errors.length === 1 ? '' : 's'}`, {
      diagnostics: report.errors,
      hint: 'run `briefbook validate` for the full report',
    });
  }
  return factBase;
}
