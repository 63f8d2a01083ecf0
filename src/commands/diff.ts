// `briefbook diff [FROM] [TO]`: the id-keyed, field-level changes between two versions of
// the fact base (git revisions, folders or fact files), and their text, Markdown or JSON form.
import { comparePair, compareSides } from '../diff/compare-sides.js';
import { formatMarkdown } from '../diff/format-md.js';
import { type Colors, formatText } from '../diff/format-text.js';
import { loadRecordedPair } from '../diff/pair-record.js';
import { type DiffResult, hasChanges } from '../diff/result.js';
import { Repo, readSides, resolveSides, type SideArg, type SideContext } from '../diff/sides.js';
import { UserError } from '../errors.js';
import type { Kind, Sensitivity } from '../facts/kinds.js';
import { openProject, type Project } from '../project.js';

export interface DiffOptions {
  /** The brief project; comparing two folders or files needs none. */
  project?: Project;
  /** Where relative paths on the command line start (default: process.cwd()). */
  cwd?: string;
  /** FROM: a revision, folder or fact file (default HEAD); see SideArg for paths only and standard input. */
  from?: SideArg;
  /** TO: a revision, folder or fact file (default: the working tree). */
  to?: SideArg;
  kinds?: readonly Kind[];
  tag?: string;
  /** Only what this audience (templates/audiences/NAME.md) may see. */
  audience?: string;
  /** Report identical items under a new id as renamed (default true). */
  renames?: boolean;
}

export { hasChanges };

export type DiffFormat = 'text' | 'md' | 'json';

export async function diff(opts: DiffOptions = {}): Promise<DiffResult> {
  const cwd = opts.cwd ?? process.cwd();
  // A project is needed only for a revision or the working tree; without one, opening it
  // here says why there is none.
  let project = opts.project;
  const ctx: SideContext = {
    cwd,
    project: () => {
      project ??= openProject(undefined, cwd);
      return project;
    },
  };
  const args = [opts.from, opts.to].filter((a): a is SideArg => a !== undefined);
  if (opts.to !== undefined && opts.from === undefined) throw new UserError('TO given without FROM', { hint: 'give FROM first' });
  const repo = new Repo(ctx);
  const specs = await resolveSides(args, ctx, repo);
  const compare = { kinds: opts.kinds, tag: opts.tag, renames: opts.renames };
  // Without an audience, the same two revisions again need none of the shared content.
  if (opts.audience === undefined) return comparePair(specs, await loadRecordedPair(specs, ctx, repo), compare);
  const sides = await readSides(specs, ctx, repo);
  const max = opts.audience === undefined ? undefined : await audienceLevel(ctx.project(), opts.audience);
  return compareSides(specs, sides, { max, ...compare });
}

/** The result as `briefbook diff --format` prints it. */
export function formatDiff(result: DiffResult, format: DiffFormat, colors?: Colors): string {
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  return format === 'md' ? formatMarkdown(result) : formatText(result, colors);
}

/** The sensitivity an audience is cleared for; its front matter is checked as for a build. */
async function audienceLevel(project: Project, name: string): Promise<Sensitivity> {
  const { loadAudiences } = await import('../render/template-files/audiences.js');
  const [audience] = await loadAudiences(project, [name]);
  return (audience as { front: { sensitivity: Sensitivity } }).front.sensitivity;
}
