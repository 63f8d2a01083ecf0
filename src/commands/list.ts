import { UserError } from '../errors.js';
import { corroboration, type FactBase, outlets } from '../facts/factbase.js';
import { loadFactBase } from '../facts/load.js';
import type { Kind } from '../facts/schema.js';
import type { Project } from '../project.js';

export const LISTABLE = ['facts', 'sources', 'entities', 'events', 'questions', 'glossary', 'analysis'] as const satisfies readonly Kind[];
export type Listable = (typeof LISTABLE)[number];

export interface ListOptions {
  project: Project;
  what: Listable;
  tag?: string;
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

export async function list({ project, what, tag }: ListOptions): Promise<Record<string, unknown>[]> {
  const fb = await loadValid(project);
  const items = [...fb[what].values()].filter((item) => !tag || ('tags' in item && item.tags.includes(tag)));
  if (what !== 'facts') return items as unknown as Record<string, unknown>[];
  return [...fb.facts.values()]
    .filter((f) => !tag || f.tags.includes(tag))
    .map((f) => ({
      id: f.id,
      statement: f.statement,
      value: f.value,
      status: f.status,
      sensitivity: f.sensitivity,
      tags: f.tags,
      date: f.date,
      period: f.period,
      sources: f.sources,
      variants: f.variants,
      outlets: outlets(f, fb.sources),
      corroboration: corroboration(f, fb.sources),
    }));
}
