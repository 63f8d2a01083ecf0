// The template cascade: a project's own templates/ first, then the templates shipped with
// briefbook. A project overrides one partial or stylesheet by adding a file of the same
// name, without copying the rest. Audiences do not cascade: a project builds only the
// audiences it has (the shipped ones cite another fact base's ids); `new audience`
// copies one from either layer.
import { realpathSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { UserError } from '../../errors.js';
import type { Project } from '../../project.js';
import { builtinTemplatesDir } from '../../util/package-root.js';
import { fence, readSafely } from '../../util/safe-read.js';

/** Largest template file read; a real one is a few kilobytes. */
export const TEMPLATE_BYTES = 1024 * 1024;

export type TemplateKind = 'audiences' | 'partials' | 'styles';

export interface Layer {
  dir: string;
  builtin: boolean;
  /** The folder its files must stay inside (a link out of it is refused unread). */
  root: string;
}

export interface TemplateFile {
  name: string;
  /** Absolute path. */
  path: string;
  /** Path shown to users: relative to the project root, or absolute for a built-in. */
  file: string;
  builtin: boolean;
  /** See Layer.root. */
  root: string;
}

const real = (p: string) => {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
};

/** Template folders in the order they are searched. */
export function templateLayers(project: Project): Layer[] {
  const own: Layer = { dir: project.templatesDir, builtin: false, root: fence(project.root, project.templatesDir) };
  const builtin = builtinLayer();
  // briefbook's own repository is a project whose templates are the built-ins.
  return real(own.dir) === real(builtin.dir) ? [own] : [own, builtin];
}

/** The templates shipped with briefbook, whatever the project has. */
export function builtinLayer(): Layer {
  const dir = builtinTemplatesDir();
  return { dir, builtin: true, root: dir };
}

function entry(project: Project, layer: Layer, kind: TemplateKind, fileName: string, name: string): TemplateFile {
  const path = join(layer.dir, kind, fileName);
  const file = layer.builtin ? path : relative(project.root, path).split(sep).join('/');
  return { name, path, file, builtin: layer.builtin, root: layer.root };
}

/**
 * A template file's text. A link leading out of its layer, anything but a regular file, or
 * a file over TEMPLATE_BYTES is refused, unread, at the file.
 */
export async function readTemplate(t: { path: string; file: string; root: string }): Promise<string> {
  const r = await readSafely(t.path, { root: t.root, limit: TEMPLATE_BYTES });
  const at = { file: t.file, line: 1, column: 1 };
  if ('refused' in r) throw UserError.at(at, r.refused.message, r.refused.hint);
  if ('tooLarge' in r) {
    throw UserError.at(
      at,
      `is ${r.tooLarge} bytes, over the ${TEMPLATE_BYTES / 1024 / 1024} MB limit for a template file`,
      'split it into partials',
    );
  }
  return new TextDecoder('utf-8').decode(r.bytes).replace(/^\uFEFF/, '');
}

/** The file names in one layer's `<kind>/` folder; none when the layer has no such folder. */
async function namesIn(layer: Layer, kind: TemplateKind): Promise<string[]> {
  return readdir(join(layer.dir, kind)).catch(() => []);
}

/**
 * Every `<kind>/*<ext>` across the layers, by name; a project file hides a built-in of the
 * same name. `layers`: only these (say, the built-ins alone).
 */
export async function listTemplates(
  project: Project,
  kind: TemplateKind,
  ext: string,
  layers = templateLayers(project),
): Promise<TemplateFile[]> {
  const found = new Map<string, TemplateFile>();
  for (const layer of layers) {
    for (const f of (await namesIn(layer, kind)).filter((n) => n.endsWith(ext)).sort()) {
      const name = f.slice(0, -ext.length);
      if (!found.has(name)) found.set(name, entry(project, layer, kind, f, name));
    }
  }
  return [...found.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The `<kind>/*<ext>` files shipped with briefbook; no project needed. */
export async function builtinTemplates(kind: TemplateKind, ext: string): Promise<TemplateFile[]> {
  const layer = builtinLayer();
  return (await namesIn(layer, kind))
    .filter((n) => n.endsWith(ext))
    .sort()
    .map((f) => {
      const path = join(layer.dir, kind, f);
      return { name: f.slice(0, -ext.length), path, file: path, builtin: true, root: layer.root };
    });
}

/** The first layer's `<kind>/<fileName>`, or undefined when no layer has it. */
export async function findTemplate(
  project: Project,
  kind: TemplateKind,
  fileName: string,
  layers = templateLayers(project),
): Promise<TemplateFile | undefined> {
  for (const layer of layers) {
    if ((await namesIn(layer, kind)).includes(fileName)) return entry(project, layer, kind, fileName, fileName);
  }
  return undefined;
}
