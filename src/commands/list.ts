// `briefbook list WHAT`: the resolved items of one kind (or the audiences), as data.
import type { Kind, Sensitivity } from '../facts/kinds.js';
import { loadValid } from '../facts/load.js';
import { type Provenance, provenance } from '../facts/provenance.js';
import type { Fact } from '../facts/schema.js';
import type { Project } from '../project.js';
import { loadAudiences, parseAudience } from '../render/template-files/audiences.js';
import { builtinTemplates, readTemplate } from '../render/template-files/cascade.js';

export const LISTABLE = ['facts', 'sources', 'entities', 'events', 'questions', 'glossary', 'analysis'] as const satisfies readonly Kind[];
export type Listable = (typeof LISTABLE)[number];

export interface ListOptions {
  project: Project;
  what: Listable;
  tag?: string;
}

export async function list({ project, what, tag }: ListOptions): Promise<Record<string, unknown>[]> {
  const fb = await loadValid(project);
  const items = [...fb[what].values()].filter((item) => !tag || ('tags' in item && item.tags.includes(tag)));
  if (what !== 'facts') return items as unknown as Record<string, unknown>[];
  // Whole: every field as the fact base holds it (entities, links, note, each citation's
  // quote, per and note…), then the provenance the packets print.
  return (items as Fact[]).map((f) => ({
    ...f,
    variants: f.variants.map((v) => ({ ...v, ...provenanceFields(provenance(fb, f, v)) })),
    ...provenanceFields(provenance(fb, f)),
  }));
}

/**
 * The provenance fields of `list facts --json` (docs/fact-format.md, "Provenance"): the same
 * figures the footnotes and the sources appendix print.
 */
function provenanceFields(p: Provenance) {
  return {
    documents: p.documents,
    origins: p.origins.map((o) => ({ id: o.id, kind: o.kind, name: o.name, own: o.self })),
    outlets: p.outlets.map((o) => o.name),
    unattributed: p.unattributed,
    corroboration: p.corroboration,
    singleSource: p.singleSource,
  };
}

export interface AudienceSummary {
  name: string;
  title: string;
  file: string;
  sensitivity: Sensitivity;
}

/**
 * `briefbook list audiences`: each audience with its template file and sensitivity. With
 * `builtin` (or no project), the audiences shipped with briefbook (what `new audience NAME --from builtin:NAME` copies).
 */
export async function listAudiences(project: Project | undefined, opts: { builtin?: boolean } = {}): Promise<AudienceSummary[]> {
  const audiences =
    opts.builtin || !project
      ? await Promise.all(
          (await builtinTemplates('audiences', '.md')).map(async (t) => parseAudience(t.name, t.file, await readTemplate(t))),
        )
      : await loadAudiences(project);
  return audiences.map((a) => ({ name: a.name, title: a.front.title, file: a.file, sensitivity: a.front.sensitivity }));
}
