// The fact files of a project, read safely (util/safe-read.ts), and the digest of what a
// fact base is made from. Apart from the loader (load.ts), which parses them: a command that
// only hashes them (validate, its report cached) never loads the parser and the schema.
import { createHash, type Hash } from 'node:crypto';
import { relative, sep } from 'node:path';
import { UserError } from '../errors.js';
import { fence, type Listed, listFiles, readSafely } from '../util/safe-read.js';
import { LIMITS } from './limits.js';
import type { SourceFile } from './parse-file.js';

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
export async function readFactFile(
  listed: Listed,
  path: string,
  root: string | undefined,
  scratch?: { buffer: Buffer },
): Promise<SourceFile> {
  if (listed.refused) return { path, bytes: new Uint8Array(), refused: listed.refused };
  try {
    const r = await readSafely(listed.abs, { root, limit: LIMITS.fileBytes, scratch });
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
  return Promise.all(listed.map((l) => readFactFile(l, shownPath(root, l.abs), within)));
}

/** A fact file's path as reports show it: relative to the project root, with `/`. */
export const shownPath = (root: string, abs: string) => relative(root, abs).split(sep).join('/');

/**
 * A hash of everything a fact base is made from (each file's path and bytes, or why it was
 * not read), for caches of what derives from it.
 */
export function factFilesDigest(files: readonly SourceFile[]): string {
  const h = createHash('sha256');
  for (const f of files) digestFile(h, f);
  return h.digest('hex');
}

/** One file's part of factFilesDigest. */
export function digestFile(h: Hash, f: SourceFile): void {
  const why = f.refused ? `refused ${JSON.stringify(f.refused)}` : f.size !== undefined ? `size ${f.size}` : '';
  h.update(`${f.path.length}:${f.path}\0${why}\0${f.bytes.length}:`);
  h.update(f.bytes);
}
