// What a changed path means for the packets: fact data, one audience's template, or a
// piece every audience shares (a partial, a stylesheet). Anything else (editor swap
// files, notes) is ignored.
import { relative, sep } from 'node:path';
import { isFactFile } from '../facts/load.js';
import type { Project } from '../project.js';

export type Touched = { kind: 'data' } | { kind: 'audience'; name: string } | { kind: 'shared' } | { kind: 'ignored' };

const inside = (dir: string, path: string) => {
  const rel = relative(dir, path);
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep) ? rel.split(sep) : undefined;
};

/** `folder`: the path is a folder that was removed, with whatever files it held. */
export function classify(project: Project, path: string, folder = false): Touched {
  const data = inside(project.dataDir, path);
  if (data) return folder || isFactFile(data.at(-1) ?? '') ? { kind: 'data' } : { kind: 'ignored' };
  const tpl = inside(project.templatesDir, path);
  if (folder) return tpl ? { kind: 'shared' } : { kind: 'ignored' };
  if (tpl?.length === 2) {
    const [dir, file = ''] = tpl;
    if (dir === 'audiences' && file.endsWith('.md')) return { kind: 'audience', name: file.slice(0, -3) };
    if ((dir === 'partials' && file.endsWith('.hbs')) || (dir === 'styles' && file.endsWith('.css'))) return { kind: 'shared' };
  }
  return { kind: 'ignored' };
}
