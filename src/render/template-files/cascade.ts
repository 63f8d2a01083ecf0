// The template cascade: a project's own templates/ first, then the templates shipped with
// briefbook. A project overrides one partial or stylesheet by adding a file of the same
// name, without copying the rest. Audiences do not cascade: a project builds only the
// audiences it has (the shipped ones cite another fact base's ids); `new audience`
// copies one from either layer.
import { realpathSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Project } from '../../project.js';
import { builtinTemplatesDir } from '../../util/package-root.js';

export type TemplateKind = 'audiences' | 'partials' | 'styles';

export interface Layer {
  dir: string;
  builtin: boolean;
}

export interface TemplateFile {
  name: string;
  /** Absolute path. */
  path: string;
  /** Path shown to users: relative to the project root, or absolute for a built-in. */
  file: string;
  builtin: boolean;
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
  const own: Layer = { dir: project.templatesDir, builtin: false };
  const builtin = builtinTemplatesDir();
  // briefbook's own repository is a project whose templates are the built-ins.
  return real(own.dir) === real(builtin) ? [own] : [own, { dir: builtin, builtin: true }];
}

function entry(project: Project, layer: Layer, kind: TemplateKind, fileName: string, name: string): TemplateFile {
  const path = join(layer.dir, kind, fileName);
  const file = layer.builtin ? path : relative(project.root, path).split(sep).join('/');
  return { name, path, file, builtin: layer.builtin };
}

/** The file names in one layer's `<kind>/` folder; none when the layer has no such folder. */
async function namesIn(layer: Layer, kind: TemplateKind): Promise<string[]> {
  return readdir(join(layer.dir, kind)).catch(() => []);
}

/** Every `<kind>/*<ext>` across the layers, by name; a project file hides a built-in of the same name. */
export async function listTemplates(project: Project, kind: TemplateKind, ext: string): Promise<TemplateFile[]> {
  const found = new Map<string, TemplateFile>();
  for (const layer of templateLayers(project)) {
    for (const f of (await namesIn(layer, kind)).filter((n) => n.endsWith(ext)).sort()) {
      const name = f.slice(0, -ext.length);
      if (!found.has(name)) found.set(name, entry(project, layer, kind, f, name));
    }
  }
  return [...found.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The first layer's `<kind>/<fileName>`, or undefined when no layer has it. */
export async function findTemplate(project: Project, kind: TemplateKind, fileName: string): Promise<TemplateFile | undefined> {
  for (const layer of templateLayers(project)) {
    if ((await namesIn(layer, kind)).includes(fileName)) return entry(project, layer, kind, fileName, fileName);
  }
  return undefined;
}
