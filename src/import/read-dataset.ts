// Gets the three upstream files, from a folder or from a base URL, as text. Reading and
// checking are separate: this only says whether a file could be had, parse-dataset.ts
// says whether it is in the right shape.
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type Diagnostic, UserError } from '../errors.js';
import { DATASET_FILES, type DatasetKey } from './legislators-format.js';
import { DATASET_LIMITS, type DatasetText } from './parse-dataset.js';

/** The upstream repository's raw files, the default `--from`. */
export const UPSTREAM_URL = 'https://raw.githubusercontent.com/unitedstates/congress-legislators/main';
export const FETCH_TIMEOUT_MS = 30_000;

export interface RawDataset {
  files: Record<DatasetKey, DatasetText>;
  /** The folder's README.md, where snapshots record their commit and date. */
  readme?: string;
  /** Newest modification time of the files (folder mtime or HTTP Last-Modified), if known. */
  modified?: Date;
  isUrl: boolean;
}

export interface ReadOptions {
  /** Folder paths are relative to this; defaults to the process's working folder. */
  cwd?: string;
  /** Injected in tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  timeoutMs?: number;
}

const KEYS = Object.keys(DATASET_FILES) as DatasetKey[];

export function isUrl(from: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(from);
}

export async function readDataset(from: string, opts: ReadOptions = {}): Promise<RawDataset> {
  return isUrl(from) ? readFromUrl(from, opts) : readFromDir(from, resolve(opts.cwd ?? process.cwd(), from));
}

/** `dir` as the user wrote it names files in messages; `abs` is where they are read. */
async function readFromDir(dir: string, abs: string): Promise<RawDataset> {
  const folder = await stat(abs).catch(() => undefined);
  if (!folder?.isDirectory()) {
    throw new UserError(`--from ${dir}: ${folder ? 'is a file, not a folder' : 'no such folder'}`, {
      hint: `pass the folder holding ${KEYS.map((k) => DATASET_FILES[k].name).join(', ')}, or an http(s) base URL`,
    });
  }
  const missing: Diagnostic[] = [];
  const files = {} as Record<DatasetKey, DatasetText>;
  let modified: Date | undefined;
  for (const key of KEYS) {
    const path = join(dir, DATASET_FILES[key].name);
    try {
      const info = await stat(join(abs, DATASET_FILES[key].name));
      if (info.size > DATASET_LIMITS.bytes) throw tooLarge(path, info.size);
      files[key] = { path, text: await readFile(join(abs, DATASET_FILES[key].name), 'utf8') };
      if (!modified || info.mtime > modified) modified = info.mtime;
    } catch (e) {
      if (e instanceof UserError) throw e;
      const code = (e as NodeJS.ErrnoException).code;
      missing.push({
        file: path,
        line: 0,
        column: 0,
        path: '',
        message: code === 'ENOENT' ? 'dataset file not found' : `cannot read the dataset file (${code ?? (e as Error).message})`,
        hint: `--from must be a folder holding ${KEYS.map((k) => DATASET_FILES[k].name).join(', ')} as published by unitedstates/congress-legislators`,
      });
    }
  }
  if (missing.length > 0) {
    throw new UserError(`${dir} is missing ${missing.length} of the 3 congress-legislators files`, {
      diagnostics: missing,
      hint: 'download them from https://github.com/unitedstates/congress-legislators (no edits needed)',
    });
  }
  const readme = await readFile(join(abs, 'README.md'), 'utf8').catch(() => undefined);
  return { files, readme, modified, isUrl: false };
}

async function readFromUrl(base: string, opts: ReadOptions): Promise<RawDataset> {
  if (!/^https?:\/\//i.test(base) || !URL.canParse(base)) {
    throw new UserError(`cannot import from ${base}: only http(s) URLs and folders are supported`, {
      hint: `pass a folder, or the base URL of the raw files such as ${UPSTREAM_URL}`,
    });
  }
  const get = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? FETCH_TIMEOUT_MS;
  const files = {} as Record<DatasetKey, DatasetText>;
  let modified: Date | undefined;
  for (const key of KEYS) {
    const url = `${base.replace(/\/+$/, '')}/${DATASET_FILES[key].name}`;
    let res: Response;
    try {
      res = await get(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
    } catch (e) {
      throw unreachable(url, e, timeoutMs);
    }
    if (!res.ok) {
      throw UserError.at(
        { file: url, line: 0, column: 0 },
        `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`,
        `the base URL must hold ${KEYS.map((k) => DATASET_FILES[k].name).join(', ')}, e.g. ${UPSTREAM_URL}`,
      );
    }
    const size = Number(res.headers.get('content-length') ?? 0);
    if (size > DATASET_LIMITS.bytes) throw tooLarge(url, size);
    let text: string;
    try {
      text = await res.text();
    } catch (e) {
      throw unreachable(url, e, timeoutMs);
    }
    files[key] = { path: url, text };
    const lastModified = res.headers.get('last-modified');
    const when = lastModified ? new Date(lastModified) : undefined;
    if (when && !Number.isNaN(when.getTime()) && (!modified || when > modified)) modified = when;
  }
  return { files, modified, isUrl: true };
}

function unreachable(url: string, e: unknown, timeoutMs: number): UserError {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  const timedOut = err.name === 'TimeoutError' || err.name === 'AbortError';
  const why = timedOut
    ? `no answer within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}`
    : (err.cause?.code ?? err.cause?.message ?? err.message);
  return new UserError(`cannot fetch ${url} (${why}): the network is not reachable from here, or it does not allow this host`, {
    hint: `download ${KEYS.map((k) => DATASET_FILES[k].name).join(', ')} from https://github.com/unitedstates/congress-legislators on a machine that can, and pass the folder with --from DIR`,
    cause: e,
  });
}

function tooLarge(file: string, size: number): UserError {
  return UserError.at(
    { file, line: 0, column: 0 },
    `file is ${(size / 1024 / 1024).toFixed(1)} MB, over the ${DATASET_LIMITS.bytes / 1024 / 1024} MB limit for a dataset file`,
    'check it is the right file',
  );
}
