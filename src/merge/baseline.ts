// Which validation errors a merge brings in: those the fact base at HEAD did not have. A
// merge is judged by what it adds, so a fact base with old problems can still be merged,
// and each error is keyed by its file, item id and message — not by line, which moves.
import { join, relative, sep } from 'node:path';
import { listBlobs, readBlobs, tryResolveCommit } from '../diff/git-objects.js';
import type { Diagnostic } from '../errors.js';
import type { FactBase } from '../facts/factbase.js';
import { isFactFile, loadFromFiles } from '../facts/load.js';

/** A diagnostic's identity across versions: file, the item its path starts in, the rest of the path, the message. */
export function errorKeys(errors: readonly Diagnostic[], fb: FactBase): string[] {
  const ids = new Map<string, string>();
  for (const [key, o] of fb.origins) ids.set(`${o.file.path}|${key.split(':')[0]}|${o.index}`, key);
  return errors.map((d) => {
    const m = /^(\w+)\[(\d+)\](.*)$/.exec(d.path);
    const item = m ? (ids.get(`${d.file}|${m[1]}|${m[2]}`) ?? d.path) : d.path;
    return `${d.file}|${item}${m?.[3] ?? ''}|${d.message.replace(/:\d+:\d+/g, '')}`;
  });
}

/** The error keys of the fact base as committed at HEAD (none before the first commit). */
export async function errorKeysAtHead(top: string, dataPath: string, projectRoot: string): Promise<Set<string>> {
  const head = await tryResolveCommit(top, 'HEAD');
  if (!head) return new Set();
  const blobs = (await listBlobs(top, head, dataPath)).filter((b) => isFactFile(b.path));
  const bytes = await readBlobs(
    top,
    blobs.map((b) => b.oid),
  );
  // Paths as the working tree's load names them (relative to the project), so keys compare.
  const files = blobs.map((b) => ({
    path: relative(projectRoot, join(top, b.path)).split(sep).join('/'),
    bytes: bytes.get(b.oid) as Buffer,
  }));
  const { factBase, report } = loadFromFiles(files);
  return new Set(errorKeys(report.errors, factBase));
}
