import { compareItems } from '../diff/compare.js';
import { type LoadOptions, loadPair, type Side } from '../diff/load-pair.js';
import type { DiffResult } from '../diff/result.js';
import { Repo, readSides, resolveSides, type SideContext, type SideSpec } from '../diff/sides.js';
import { UserError } from '../errors.js';
import { KINDS, type Kind, type Sensitivity } from '../facts/schema.js';
import { rank } from '../facts/select.js';
import { openProject, type Project } from '../project.js';

export interface DiffOptions {
  /** Where the command runs; relative paths and the project search start here (default: process.cwd()). */
  cwd?: string;
  /** The -C option: the brief project folder, used as given. */
  root?: string;
  /** An open project, instead of finding one from cwd/root. */
  project?: Project;
  /** FROM: a revision, folder or fact file (default HEAD). */
  from?: string;
  /** TO: a revision, folder or fact file (default: the working tree). */
  to?: string;
  kinds?: readonly Kind[];
  tag?: string;
  /** Only what this audience (templates/audiences/NAME.md) may see. */
  audience?: string;
  /** Report identical items under a new id as renamed (default true). */
  renames?: boolean;
}

/** `briefbook diff`: the id-keyed, field-level changes between two versions of the fact base. */
export async function diff(opts: DiffOptions = {}): Promise<DiffResult> {
  const ctx = context(opts);
  const args = [opts.from, opts.to].filter((a): a is string => a !== undefined);
  if (opts.to !== undefined && opts.from === undefined) throw new UserError('TO given without FROM', { hint: 'give FROM first' });
  const repo = new Repo(ctx);
  const specs = await resolveSides(args, ctx, repo);
  const sides = await readSides(specs, ctx, repo);
  let max: Sensitivity | undefined;
  if (opts.audience !== undefined) {
    const { audienceSensitivity } = await import('../diff/audience.js');
    max = await audienceSensitivity(ctx.project(), opts.audience);
  }
  return compareSides(specs, sides, { max }, opts);
}

/** The changes since REV for an audience cleared for `max`: what `build --since REV` renders. */
export async function changesSince(project: Project, rev: string, max: Sensitivity): Promise<DiffResult> {
  return (await prepareChangesSince(project, rev))(max);
}

/** Reads REV and the working tree once, for building many audiences' "changes since" sections. */
export async function prepareChangesSince(project: Project, rev: string): Promise<(max: Sensitivity) => DiffResult> {
  const ctx: SideContext = { cwd: project.root, project: () => project };
  const repo = new Repo(ctx);
  const specs = await resolveSides([rev], ctx, repo);
  if (specs[0].type !== 'revision') {
    throw new UserError(`--since needs a git revision; "${rev}" is a path`, { hint: 'give a commit, tag or branch, e.g. --since HEAD~2' });
  }
  const sides = await readSides(specs, ctx, repo);
  const memo = new Map<Sensitivity, DiffResult>();
  return (max) => {
    let result = memo.get(max);
    if (!result) {
      result = compareSides(specs, sides, { max }, {});
      memo.set(max, result);
    }
    return result;
  };
}

function compareSides(
  specs: readonly [SideSpec, SideSpec],
  sides: readonly [Side, Side],
  load: LoadOptions,
  opts: Pick<DiffOptions, 'kinds' | 'tag' | 'renames'>,
): DiffResult {
  const pair = loadPair(sides[0], sides[1], load);
  const changes = compareItems(pair.from, pair.to, {
    kinds: opts.kinds && opts.kinds.length > 0 ? KINDS.filter((k) => opts.kinds?.includes(k)) : undefined,
    tag: opts.tag,
    renames: opts.renames,
    // Editorial notes are for internal readers only.
    redact: load.max !== undefined && rank(load.max) < rank('internal'),
  });
  const commit = (s: SideSpec) => (s.type === 'revision' ? s.commit : null);
  return {
    from: specs[0].label,
    to: specs[1].label,
    fromCommit: commit(specs[0]),
    toCommit: commit(specs[1]),
    ...changes,
  };
}

function context(opts: DiffOptions): SideContext {
  const cwd = opts.cwd ?? process.cwd();
  let project = opts.project;
  return {
    // -C means "as if started in DIR": paths on the command line are relative to it.
    cwd: opts.root ? openProject(opts.root, cwd).root : cwd,
    project: () => {
      project ??= openProject(opts.root, cwd);
      return project;
    },
  };
}
