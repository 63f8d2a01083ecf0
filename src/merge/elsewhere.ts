// Which items the rest of the fact base defines, as the working tree has it: an item one
// side removed from a file may live on in another (moved), which one file cannot tell.
import { relative, sep } from 'node:path';
import type { Diagnostic } from '../errors.js';
import { originKey } from '../facts/factbase.js';
import { KINDS, type Kind } from '../facts/kinds.js';
import { readFactFiles } from '../facts/load.js';
import { parseFactFile } from '../facts/parse-file.js';
import type { Project } from '../project.js';

/** Ids defined by the project's fact files other than `skip` (absolute paths). */
export async function definedElsewhere(project: Project, skip: readonly string[]): Promise<(kind: Kind, id: string) => boolean> {
  const skipped = new Set(skip.map((p) => relative(project.root, p).split(sep).join('/')));
  const files = (await readFactFiles(project.root, project.dataDir)).filter((f) => !skipped.has(f.path));
  const ids = new Set<string>();
  for (const file of files) {
    const parsed = parseFactFile(file, [] as Diagnostic[]);
    for (const b of parsed.broken) ids.add(originKey(b.kind, b.id));
    for (const kind of KINDS) for (const item of parsed.data?.[kind] ?? []) ids.add(originKey(kind, item.id));
  }
  return (kind, id) => ids.has(originKey(kind, id));
}
