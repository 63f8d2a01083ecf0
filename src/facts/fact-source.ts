// A fact base for a command that may not need it: `validate` on an unchanged project takes
// its report and every audience's check from the cache folder, keyed by the digest of the
// fact files, and never assembles the base. Holding the files' bytes only to hash them cost
// more than the hash: at 10,000 facts 5.5 MB of fresh memory, whose first touch costs a page
// fault per 4 KB (15-20 µs each here). So the files are first hashed through one buffer used
// again for each, and read for real only when the base is wanted; if they have changed in
// between, the base would not be the one the digest names, and `load` throws
// FactFilesChanged instead (the caller starts again from `readFactSource`, which hashes
// the bytes it keeps).
import { createHash } from 'node:crypto';
import type { Project } from '../project.js';
import { fence } from '../util/safe-read.js';
import { digestFile, factFilesDigest, listFactFiles, readFactFile, readFactFiles, shownPath } from './fact-files.js';
import type { Loaded } from './load.js';
import type { SourceFile } from './parse-file.js';

// The loader, with the parser and the schema, is loaded when a base is assembled.
const assemble = async (files: readonly SourceFile[]) => (await import('./load.js')).loadFromFiles(files);

export interface FactSource {
  /** factFilesDigest of the files the base is (or will be) made from. */
  digest: string;
  /** The base, assembled on the first call. */
  load(): Promise<Loaded>;
}

/** The fact files changed between their digest and their reading. */
export class FactFilesChanged extends Error {
  constructor() {
    super('the fact files changed while they were being read');
  }
}

/** The fact files read now, and their digest. */
export async function readFactSource(project: Project): Promise<FactSource> {
  const files = await readFactFiles(project.root, project.dataDir);
  let loaded: Loaded | undefined;
  return { digest: factFilesDigest(files), load: async () => (loaded ??= await assemble(files)) };
}

/** The fact files' digest, their bytes not kept: `load` reads them again, and checks them against it. */
export async function hashedFactSource(project: Project): Promise<FactSource> {
  const digest = await hashFactFiles(project.root, project.dataDir);
  let loaded: Promise<Loaded> | undefined;
  const load = async () => {
    const files = await readFactFiles(project.root, project.dataDir);
    if (factFilesDigest(files) !== digest) throw new FactFilesChanged();
    return assemble(files);
  };
  return { digest, load: () => (loaded ??= load()) };
}

/** factFilesDigest(await readFactFiles(root, dataDir)), each file read into the same buffer. */
export async function hashFactFiles(root: string, dataDir: string): Promise<string> {
  const within = fence(root, dataDir);
  const listed = await listFactFiles(dataDir, within);
  const h = createHash('sha256');
  const scratch = { buffer: Buffer.allocUnsafe(0) };
  for (const l of listed) digestFile(h, await readFactFile(l, shownPath(root, l.abs), within, scratch));
  return h.digest('hex');
}
