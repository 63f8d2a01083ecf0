// Every problem of one audience's templates at once, found by the renderer itself (so
// nothing is checked twice, or differently): render; at an error, blank the tag it points
// at (the whole block, for a block helper), keeping every line and column where it was, and
// render again, until the packet renders or the error is not at a tag (front matter, the
// banner, the leak guard), which ends the search.
import { existsSync } from 'node:fs';
import { type Diagnostic, UserError } from '../errors.js';
import type { FactBase } from '../facts/factbase.js';
import { type BuildStamp, buildStamp } from '../facts/stamp.js';
import type { Project } from '../project.js';
import type { PacketContext } from './packet.js';
import { type CheckContext, cachedCheck, checkKeyBase } from './template-check-cache.js';
import { audienceNames, audiencesDir } from './template-files/audience-files.js';
import type { Audience } from './template-files/audiences.js';
import type { Partial } from './template-files/partials.js';
import { loadPartials } from './template-files/partials.js';

/** Far more than a template has; each round is one render. */
const MAX_ROUNDS = 200;

export interface TemplateProblems {
  errors: Diagnostic[];
  /** Tags that select nothing, sections that render empty (from the last render that got that far). */
  warnings: Diagnostic[];
}

/** All problems of `audience`'s templates; `first` is an error a render already gave. */
export async function templateProblems(audience: Audience, ctx: PacketContext, first?: UserError): Promise<TemplateProblems> {
  // The renderer (marked, Handlebars, the leak guard…) is loaded on the first render: a
  // `validate` whose checks all come from the cache never renders, and never loads it.
  const { renderPacket } = await import('./packet.js');
  let a = audience;
  let partials = ctx.partials;
  const errors: Diagnostic[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let error: unknown = round === 0 ? first : undefined;
    if (!error) {
      try {
        const packet = await renderPacket(a, { ...ctx, partials });
        return { errors, warnings: packet.warnings ?? [] };
      } catch (e) {
        error = e;
      }
    }
    if (!(error instanceof UserError)) throw error;
    const found = error.diagnostics.length
      ? error.diagnostics
      : [{ file: audience.file, line: 0, column: 0, path: '', message: error.message, hint: error.hint }];
    const fresh = found.filter((d) => !errors.some((x) => same(x, d)));
    errors.push(...fresh);
    const [d] = found;
    const next = fresh.length > 0 && d ? blankAt(a, partials, d) : undefined;
    if (!next) break;
    ({ audience: a, partials } = next);
  }
  return { errors, warnings: [] };
}

/**
 * Every problem of every audience of the project (front matter, bodies, partials), for
 * `validate`. With `factDigest` (what the fact base was made from) each audience's outcome
 * is kept in the cache folder and reused while nothing the render reads has changed.
 */
export async function projectTemplateProblems(
  project: Project,
  factBase: FactBase | (() => FactBase | Promise<FactBase>),
  factDigest?: string,
  stamp: Promise<BuildStamp> = buildStamp(project),
): Promise<TemplateProblems> {
  const shared: CheckContext = { project, partials: await loadPartials(project), stamp: await stamp };
  const base = factDigest === undefined ? undefined : await checkKeyBase(shared, factDigest);
  // The fact base is made (a cached report may stand for it) only when some audience renders.
  let ctx: Promise<PacketContext> | undefined;
  const context = () => (ctx ??= (async () => ({ ...shared, factBase: typeof factBase === 'function' ? await factBase() : factBase }))());
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  // A project with only a fact base (no templates/audiences/ yet) has no templates to check.
  const names = existsSync(audiencesDir(project)) ? await audienceNames(project) : [];
  for (const name of names) {
    const found = await cachedCheck(base, project, name, async () => {
      let audience: Audience;
      try {
        // Parsed (front matter, its schema) only when its check is not in the cache.
        const { loadAudiences } = await import('./template-files/audiences.js');
        [audience] = (await loadAudiences(project, [name])) as [Audience];
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
        return { errors: e.diagnostics, warnings: [], frontMatter: true };
      }
      return templateProblems(audience, await context());
    });
    if (found.frontMatter) {
      errors.push(...found.errors);
      continue;
    }
    errors.push(...found.errors.filter((d) => !errors.some((x) => same(x, d))));
    warnings.push(...found.warnings.filter((d) => !warnings.some((x) => same(x, d))));
  }
  return { errors, warnings };
}

/** All problems as one UserError (for `build`, which stops at the first per audience otherwise). */
export async function allTemplateProblems(audience: Audience, ctx: PacketContext, first: UserError): Promise<UserError> {
  const { errors } = await templateProblems(audience, ctx, first);
  if (errors.length <= 1) return first;
  // In the order `validate` lists them.
  const byPlace = (a: Diagnostic, b: Diagnostic) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
  return new UserError(`${audience.name}: ${errors.length} problems in its templates`, { diagnostics: errors.sort(byPlace) });
}

const same = (a: Diagnostic, b: Diagnostic) => a.file === b.file && a.line === b.line && a.column === b.column && a.message === b.message;

/** The templates with the tag at `d` blanked, or undefined when `d` is not at a tag of them. */
function blankAt(
  audience: Audience,
  partials: readonly Partial[],
  d: Diagnostic,
): { audience: Audience; partials: readonly Partial[] } | undefined {
  if (d.file === audience.file) {
    const body = blank(audience.body, d.line - (audience.bodyLine - 1), d.column);
    return body === undefined ? undefined : { audience: { ...audience, body }, partials };
  }
  const p = partials.find((x) => x.file === d.file);
  const source = p && blank(p.source, d.line, d.column);
  if (!p || source === undefined) return undefined;
  return { audience, partials: partials.map((x) => (x === p ? { ...p, source } : x)) };
}

/** `text` with the tag at line:column (1-based) turned to spaces, newlines kept; a block tag takes its whole block. */
export function blank(text: string, line: number, column: number): string | undefined {
  if (line < 1) return undefined;
  const lines = text.split('\n');
  if (line > lines.length) return undefined;
  const at = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
  let open = text.lastIndexOf('{{', at + 1);
  while (open > 0 && text[open - 1] === '{') open--;
  if (open < 0 || text.slice(open, at).includes('}}')) return undefined;
  const close = text.indexOf('}}', open);
  if (close < 0) return undefined;
  let end = close + (text[close + 2] === '}' ? 3 : 2);
  const block = /^\{\{~?#\*?\s*([\w-]+)/.exec(text.slice(open))?.[1];
  if (block) end = blockEnd(text, end, block) ?? end;
  return text.slice(0, open) + text.slice(open, end).replace(/[^\n]/g, ' ') + text.slice(end);
}

/** Where the block opened just before `from` closes ({{/name}}), counting blocks of the same name inside. */
function blockEnd(text: string, from: number, name: string): number | undefined {
  const tag = new RegExp(`\\{\\{~?([#/])\\s*${name.replace(/[-]/g, '\\-')}(?![\\w-])[^}]*\\}\\}`, 'g');
  tag.lastIndex = from;
  let depth = 1;
  for (let m = tag.exec(text); m; m = tag.exec(text)) {
    depth += m[1] === '#' ? 1 : -1;
    if (depth === 0) return m.index + m[0].length;
  }
  return undefined;
}
