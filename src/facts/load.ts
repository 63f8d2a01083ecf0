// Reading a fact base from disk (or from any list of files, e.g. git blobs for diffs).
import { createHash } from 'node:crypto';
import { relative, sep } from 'node:path';
import { UserError } from '../errors.js';
import type { Project } from '../project.js';
import { fence, type Listed, listFiles, readSafely } from '../util/safe-read.js';
import { assemble, type Report } from './assemble.js';
import type { FactBase } from './factbase.js';
import { LIMITS } from './limits.js';
import { parseFactFile, type SourceFile } from './parse-file.js';

export interface Loaded {
  factBase: FactBase;
  report: Report;
}

export const isFactFile = (name: string) => /\.ya?ml$/i.test(name);

/**
 * Every fact file under `dataDir`, sorted by path so results never depend on the disk. Links
 * leading outside `root` (the project) are listed with their refusal (safe-read.ts).
 */
export async function listFactFiles(dataDir: string, root = dataDir): Promise<Listed[]> {
  try {
    return await listFiles(dataDir, root, isFactFile);
  } catch (e) {
    throw new UserError(`cannot read the data folder ${dataDir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, {
      hint: 'create it, or point briefbook at your project with -C DIR',
      cause: e,
    });
  }
}

/**
 * One fact file as the loader takes it. Nothing is read from a file that is too large, not a
 * regular file, or a link out of `root`: parseFactFile reports it by its size or refusal.
 */
export async function readFactFile(listed: Listed, path: string, root: string | undefined): Promise<SourceFile> {
  if (listed.refused) return { path, bytes: new Uint8Array(), refused: listed.refused };
  try {
    const r = await readSafely(listed.abs, { root, limit: LIMITS.fileBytes });
    if ('refused' in r) return { path, bytes: new Uint8Array(), refused: r.refused };
    if ('tooLarge' in r) return { path, bytes: new Uint8Array(), size: r.tooLarge };
    return { path, bytes: r.bytes };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    return { path, bytes: new Uint8Array(), refused: { message: `cannot be read (${code})`, hint: 'check the file, or remove it' } };
  }
}

/** The fact files of a project whose root is `root`; paths are shown relative to it. */
export async function readFactFiles(root: string, dataDir: string): Promise<SourceFile[]> {
  const within = fence(root, dataDir);
  const listed = await listFactFiles(dataDir, within);
  return Promise.all(listed.map((l) => readFactFile(l, relative(root, l.abs).split(sep).join('/'), within)));
}

/** `warnings: false`: the report's warnings are not wanted, and not made (assemble.ts). */
export function loadFromFiles(files: readonly SourceFile[], opts: { warnings?: boolean } = {}): Loaded {
  const report: Report = { errors: [], warnings: [] };
  const parsed = files.map((f) => parseFactFile(f, report.errors, { cache: true }));
  const factBase = assemble(parsed, report, opts);
  return { factBase, report };
}

/**
 * A hash of everything a fact base is made from (each file's path and bytes, or why it was
 * not read), for caches of what derives from it.
 */
export function factFilesDigest(files: readonly SourceFile[]): string {
  const h = createHash('sha256');
  for (const f of files) {
    const why = f.refused ? `refused ${JSON.stringify(f.refused)}` : f.size !== undefined ? `size ${f.size}` : '';
    h.update(`${f.path.length}:${f.path}\0${why}\0${f.bytes.length}:`);
    h.update(f.bytes);
  }
  return h.digest('hex');
}

export async function loadFactBase(root: string, dataDir: string, opts: { warnings?: boolean } = {}): Promise<Loaded> {
  return loadFromFiles(await readFactFiles(root, dataDir), opts);
}

/** Loads a fact base that must be valid; bad input is one error listing every problem. */
export async function loadValid(project: Project): Promise<FactBase> {
  return validBase(await readFactFiles(project.root, project.dataDir));
}

/** `loadValid`, with the digest of the files it was made from (`factFilesDigest`), for caches of what derives from it. */
export async function loadValidFiles(project: Project): Promise<{ factBase: FactBase; digest: string }> {
  const files = await readFactFiles(project.root, project.dataDir);
  return { factBase: validBase(files), digest: factFilesDigest(files) };
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
