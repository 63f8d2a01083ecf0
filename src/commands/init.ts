// `briefbook init DIR`: a new, self-contained brief project that builds at once.
//
// The scaffold is templates/init/ in briefbook's own folder, itself a project: its files
// are copied as they are, except that every fact file gets the schema modeline (with the
// path from that file to the project's own copy of the schema, so editor completion works
// offline and without node_modules). Never overwrites: an existing file is skipped and
// reported, and every file is created with O_EXCL so a file appearing meanwhile is safe.
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { attributeLines } from '../diff/git-setup.js';
import { UserError } from '../errors.js';
import { isFactFile } from '../facts/load.js';
import { git, gitAnswer } from '../util/git.js';
import { packageRoot, schemaFile } from '../util/package-root.js';

export interface InitOptions {
  dir: string;
  /** Add the scaffold to a folder that is not empty (existing files are still never overwritten). */
  force?: boolean;
  /** Run `git init` when the folder is not inside a repository and git is installed (default true). */
  git?: boolean;
}

export interface InitResult {
  root: string;
  /** Paths relative to root, in the order written. */
  created: string[];
  /** Files that already existed and were left as they were. */
  skipped: string[];
  git: 'initialised' | 'inside-repository' | 'not-installed' | 'not-asked' | 'failed';
}

export const SCHEMA_PATH = 'schema/briefbook.schema.json';

export async function init(opts: InitOptions): Promise<InitResult> {
  const root = resolve(opts.dir);
  const existing = await entriesOf(root);
  if (existing.length > 0 && !opts.force) {
    throw new UserError(`${root} is not empty (${describeEntries(existing)})`, {
      hint: 'pick a new or empty folder, or add --force to add the missing files (files already there are never overwritten)',
    });
  }
  const files = await scaffold();
  const created: string[] = [];
  const skipped: string[] = [];
  for (const [path, content] of files) {
    const abs = join(root, ...path.split('/'));
    await mkdir(dirname(abs), { recursive: true });
    try {
      await writeFile(abs, content, { flag: 'wx' });
      created.push(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      skipped.push(path);
    }
  }
  return { root, created, skipped, git: opts.git === false ? 'not-asked' : await gitInit(root) };
}

/** Every file of a new project, path → content, in a sensible order for listing. */
export async function scaffold(): Promise<Map<string, string | Uint8Array>> {
  const from = join(packageRoot(), 'templates', 'init');
  const out = new Map<string, string | Uint8Array>();
  for (const rel of (await listFiles(from)).sort()) {
    const text = await readFile(join(from, rel), 'utf8');
    const parts = rel.split(sep);
    out.set(parts.join('/'), parts[0] === 'data' && isFactFile(rel) ? `${modeline(parts.join('/'))}\n${text}` : text);
  }
  out.set(SCHEMA_PATH, await readFile(schemaFile()));
  out.set('.gitignore', 'out/\n');
  out.set(
    '.gitattributes',
    `# Fact files diff fact by fact once \`briefbook git-setup\` has run in a clone.\n${attributeLines('data').join('\n')}\n`,
  );
  return out;
}

/** `# yaml-language-server: $schema=…` with the path from `file` (project-relative) to the project's schema copy. */
export function modeline(file: string): string {
  return `# yaml-language-server: $schema=${posix.relative(posix.dirname(file), SCHEMA_PATH)}`;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = (await readdir(dir, { recursive: true, withFileTypes: true })) as import('node:fs').Dirent[];
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
}

async function entriesOf(root: string): Promise<string[]> {
  let s: import('node:fs').Stats;
  try {
    s = await stat(root);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  if (!s.isDirectory()) throw new UserError(`${root} exists and is not a folder`, { hint: 'pick a folder name for the new project' });
  return (await readdir(root)).sort();
}

function describeEntries(names: readonly string[]): string {
  const shown = names.slice(0, 4).join(', ');
  return names.length > 4 ? `${shown} and ${names.length - 4} more` : shown;
}

async function gitInit(root: string): Promise<InitResult['git']> {
  try {
    if ((await git(root, ['rev-parse', '--is-inside-work-tree'], undefined, 10_000)).toString().trim() === 'true')
      return 'inside-repository';
  } catch (e) {
    if (e instanceof UserError) return 'not-installed'; // git() says so when git is missing
  }
  return (await gitAnswer(root, ['init', '--quiet'])) === undefined ? 'failed' : 'initialised';
}
