// A side read from disk: standard input, the working tree, or a folder or file named on
// the command line, read as the loader reads fact files.
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { listFactFiles, readFactFile } from '../facts/load.js';
import type { SourceFile } from '../facts/parse-file.js';
import { CONFIG_FILE, openProject } from '../project.js';
import { fence } from '../util/safe-read.js';
import type { SideFile } from './pair-units.js';
import type { SideContext, SideSpec } from './sides.js';

/** A side that is not a revision: standard input, the working tree, or a path. */
export async function readLocal(spec: Exclude<SideSpec, { type: 'revision' }>, ctx: SideContext): Promise<SideFile[]> {
  if (spec.type === 'stdin') return [spec.file];
  if (spec.type === 'worktree') {
    const project = ctx.project();
    return readFolder(project.dataDir, project.root, fence(project.root, project.dataDir));
  }
  return readPath(spec.abs, ctx.cwd);
}

/**
 * A folder that is a brief project (briefbook.yaml or data/) means its data folder; any other
 * folder is a data folder. Files in it are read as the loader reads them (facts/load.ts): a
 * link leading out of the folder, or something that is not a regular file, is refused
 * unread. A file named on the command line may be anywhere, but must be a regular file.
 */
async function readPath(abs: string, cwd: string): Promise<SourceFile[]> {
  const info = await stat(abs);
  if (!info.isDirectory()) return [await readFactFile({ abs }, shown(abs, cwd), undefined)];
  const isProject = existsSync(join(abs, CONFIG_FILE)) || existsSync(join(abs, 'data'));
  const dataDir = isProject ? openProject(abs).dataDir : abs;
  return readFolder(dataDir, cwd, abs);
}

async function readFolder(dataDir: string, base: string, root: string): Promise<SourceFile[]> {
  const listed = await listFactFiles(dataDir, root);
  return Promise.all(listed.map((l) => readFactFile(l, shown(l.abs, base), root)));
}

function shown(abs: string, base: string): string {
  return (relative(base, abs) || abs).split(sep).join('/');
}
