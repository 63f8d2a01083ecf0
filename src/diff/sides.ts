// What `briefbook diff [FROM] [TO]` compares: each side is a git revision, the working
// tree, or a folder/file on disk, read into a list of fact files. Git is needed only
// when a side is a revision.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UserError } from '../errors.js';
import { LIMITS } from '../facts/limits.js';
import { isFactFile } from '../facts/load.js';
import type { SourceFile } from '../facts/parse-file.js';
import type { Project } from '../project.js';
import { CatFile } from './cat-file.js';
import {
  batchable,
  type GitBlob,
  gitBlobId,
  listBlobs,
  listTree,
  readInto,
  repoTop,
  resolveAll,
  resolveCommit,
  tryResolveCommit,
} from './git-objects.js';
import type { Side } from './load-pair.js';
import { readLocal } from './local-side.js';
import type { SideFile } from './pair-units.js';
import { fileItems } from './units.js';

export type SideSpec =
  | { type: 'revision'; label: string; commit: string }
  | { type: 'worktree'; label: string }
  | { type: 'path'; label: string; abs: string }
  | { type: 'stdin'; label: string; file: SourceFile };

/**
 * A side as given: a revision or a path (whichever exists), a path only (named after `--`
 * on the command line, so never taken for a revision), or one fact file read from standard
 * input (`-`), already read by the caller: no more than a fact file may hold.
 */
export type SideArg = string | { path: string } | { stdin: { bytes: Uint8Array; size?: number } };

export const STDIN_LABEL = 'standard input';

export const WORKTREE = 'working tree';

export interface SideContext {
  /** Folder relative paths on the command line are resolved against. */
  cwd: string;
  /** The brief project; revisions and the working tree need one, two folders do not. */
  project: () => Project;
}

/** Finds the repository lazily: comparing two folders needs no git at all. */
export class Repo {
  private top?: Promise<string>;
  /** Commits named by revisions, learnt in one git call by `prime`. */
  private readonly commits = new Map<string, string>();
  constructor(private readonly ctx: SideContext) {}

  /** The repository top, or a UserError when not in one. */
  root(): Promise<string> {
    this.top ??= repoTop(projectRoot(this.ctx) ?? this.ctx.cwd).then((t) => realpathSync(t));
    return this.top;
  }

  async maybeRoot(): Promise<string | undefined> {
    try {
      return await this.root();
    } catch (e) {
      if (e instanceof UserError) return undefined;
      throw e;
    }
  }

  /**
   * Asks git for the top and the commit of every name in one call, where it can answer
   * for all of them: each git process costs a fork of node (tens of ms on a busy machine).
   * Where it cannot (a name that is no revision, not a repository), nothing is learnt, and
   * `root` and `commit` ask one question at a time as before.
   */
  async prime(names: readonly string[]): Promise<void> {
    if (this.top || names.length === 0 || !names.every(batchable)) return;
    const dir = projectRoot(this.ctx) ?? this.ctx.cwd;
    const answer = await resolveAll(dir, names);
    if (!answer) return;
    this.top = Promise.resolve(realpathSync(answer.top));
    names.forEach((n, i) => this.commits.set(n, answer.commits[i] as string));
  }

  /** The commit a revision names, or undefined when it names none. */
  async commit(top: string, rev: string): Promise<string | undefined> {
    return this.commits.get(rev) ?? (await tryResolveCommit(top, rev));
  }

  /** The project's data folder relative to the repository top, with forward slashes. */
  async dataPath(): Promise<string> {
    const project = this.ctx.project();
    const top = await this.root();
    const root = realpathSync(project.root);
    const rel = relative(top, join(root, relative(project.root, project.dataDir)));
    if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
      throw new UserError(`the data folder ${project.dataDir} is outside the git repository at ${top}`, {
        hint: 'keep data/ inside the repository, or compare folders with `briefbook diff OLD_DIR NEW_DIR`',
      });
    }
    return rel.split(sep).join('/');
  }
}

function projectRoot(ctx: SideContext): string | undefined {
  try {
    return ctx.project().root;
  } catch (e) {
    if (e instanceof UserError) return undefined;
    throw e;
  }
}

/** No argument: HEAD vs the working tree; one: REV vs the working tree; two: FROM vs TO. */
export async function resolveSides(args: readonly SideArg[], ctx: SideContext, repo: Repo): Promise<[SideSpec, SideSpec]> {
  const worktree: SideSpec = { type: 'worktree', label: WORKTREE };
  const names = args.length === 0 ? ['HEAD'] : args.slice(0, 2);
  // Names that are paths on disk must be told apart from revisions one by one.
  if (names.every((a) => typeof a === 'string' && (a === '' || !existsSync(resolve(ctx.cwd, a))))) await repo.prime(names as string[]);
  if (args.length === 0) return [await classify('HEAD', ctx, repo), worktree];
  const from = await classify(args[0] as string, ctx, repo);
  if (args.length === 1) return [from, worktree];
  return [from, await classify(args[1] as string, ctx, repo)];
}

async function classify(given: SideArg, ctx: SideContext, repo: Repo): Promise<SideSpec> {
  if (typeof given === 'object' && 'stdin' in given) {
    return { type: 'stdin', label: STDIN_LABEL, file: { path: '-', bytes: given.stdin.bytes, size: given.stdin.size } };
  }
  if (typeof given === 'object') {
    const abs = resolve(ctx.cwd, given.path);
    if (!existsSync(abs)) {
      throw new UserError(`no file or folder "${given.path}"`, {
        hint: 'after `--` every argument is a file or folder (not a revision); put revisions before the `--`',
      });
    }
    return { type: 'path', label: given.path, abs };
  }
  const arg = given;
  const abs = resolve(ctx.cwd, arg);
  const onDisk = arg !== '' && existsSync(abs);
  const top = await repo.maybeRoot();
  const commit = top ? await repo.commit(top, arg) : undefined;
  if (onDisk && commit) {
    throw new UserError(`"${arg}" is both a git revision and a ${statSync(abs).isDirectory() ? 'folder' : 'file'}`, {
      hint: `write ./${arg} for the path, or the commit id ${commit.slice(0, 12)} for the revision`,
    });
  }
  if (onDisk) return { type: 'path', label: arg, abs };
  if (commit) return { type: 'revision', label: arg, commit };
  if (!top) {
    if (arg === 'HEAD') await repo.root(); // throws "not in a git repository" with its hint
    throw new UserError(`"${arg}" is neither a file or folder nor a revision (${ctx.cwd} is not in a git repository)`, {
      hint: 'give two folders or fact files to compare, or run briefbook in a git clone of the project',
    });
  }
  // Throws "unknown revision" with a hint fit for the repository (shallow, empty…).
  return { type: 'revision', label: arg, commit: await resolveCommit(top, arg) };
}

/**
 * Reads both sides; revisions share one `git cat-file --batch` process. A side on disk is
 * read first: a blob with the id git gives one of its files (the usual case for `diff`,
 * HEAD against the working tree) takes that file's bytes instead of being read from git.
 */
export async function readSides(specs: readonly [SideSpec, SideSpec], ctx: SideContext, repo: Repo): Promise<[Side, Side]> {
  return (await readSidesUnless(specs, ctx, repo)) as [Side, Side];
}

/**
 * readSides, unless `listed` (asked when both sides are revisions, with the blobs each
 * lists) says it needs no more of them: then no blob is read, and nothing is returned.
 */
export async function readSidesUnless(
  specs: readonly [SideSpec, SideSpec],
  ctx: SideContext,
  repo: Repo,
  listed?: (blobs: GitBlob[][]) => boolean,
): Promise<[Side, Side] | undefined> {
  // Started first: git comes up while node lists the revisions' trees through it.
  const cat = specs.some((s) => s.type === 'revision') ? new CatFile(await repo.root()) : undefined;
  let sides: [Side, Side] | undefined;
  try {
    sides = await readWith(cat, specs, ctx, repo, listed);
  } catch (e) {
    await cat?.close().catch(() => undefined);
    throw e;
  }
  await cat?.close();
  return sides;
}

async function readWith(
  cat: CatFile | undefined,
  specs: readonly [SideSpec, SideSpec],
  ctx: SideContext,
  repo: Repo,
  enough?: (blobs: GitBlob[][]) => boolean,
): Promise<[Side, Side] | undefined> {
  const list = async (spec: SideSpec) => {
    if (spec.type !== 'revision' || !cat) return [];
    const dir = await repo.dataPath();
    return (await listTree(cat, spec.commit, dir)) ?? (await listBlobs(await repo.root(), spec.commit, dir));
  };
  const listed = await Promise.all(specs.map(list));
  if (enough && specs.every((s) => s.type === 'revision') && enough(listed)) return undefined;
  const local: (SideFile[] | undefined)[] = [];
  for (const spec of specs) local.push(spec.type === 'revision' ? undefined : await readLocal(spec, ctx));
  const oidLength = listed.flat()[0]?.oid.length;
  const onDisk = new Map<string, Uint8Array>();
  for (const f of local.flat()) {
    if (!f || oidLength === undefined || f.size !== undefined || f.refused) continue;
    f.oid = gitBlobId(f.bytes, oidLength);
    onDisk.set(f.oid, f.bytes);
  }
  // Oversized blobs are never kept: parseFactFile refuses them by their size alone.
  const wanted = listed.flat().filter((b) => isFactFile(b.path) && (b.size ?? 0) <= LIMITS.fileBytes && !onDisk.has(b.oid));
  // A blob on one side only will be split into items (pair-units.ts): split it while git
  // reads the next ones. A blob on both sides is the same file and is not split.
  const ids = specs.map((spec, i) => new Set(spec.type === 'revision' ? listed[i]?.map((b) => b.oid) : local[i]?.map((f) => f.oid)));
  const oneSide = (oid: string) => ids[0]?.has(oid) !== ids[1]?.has(oid);
  const blobs = new Map<string, Buffer>();
  const over = new Map<string, number>();
  if (cat && wanted.length > 0) {
    const onBlob = (oid: string, bytes: Buffer) => (oneSide(oid) ? fileItems(bytes) : undefined);
    await readInto(cat, [...new Set(wanted.map((b) => b.oid))], blobs, { max: LIMITS.fileBytes, over, onBlob });
  }
  const side = (spec: SideSpec, i: number): Side => {
    if (spec.type !== 'revision') return { label: spec.label, files: local[i] ?? [] };
    const files = (listed[i] ?? [])
      .filter((b) => isFactFile(b.path))
      .map((b) => {
        const size = b.size ?? over.get(b.oid);
        return {
          path: `${spec.label}:${b.path}`,
          oid: b.oid,
          bytes: blobs.get(b.oid) ?? onDisk.get(b.oid) ?? new Uint8Array(),
          ...(size !== undefined && size > LIMITS.fileBytes ? { size } : {}),
        };
      });
    return { label: spec.label, files };
  };
  return [side(specs[0], 0), side(specs[1], 1)];
}
