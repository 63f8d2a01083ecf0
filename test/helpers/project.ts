// A project made by the real `briefbook init`, the shipped project as files, and small
// readers for what a test wrote.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import { REPO, run } from './cli.js';
import { testdir } from './testdir.js';

/** `briefbook init` into a fresh temp folder (no git unless asked); returns the project root. */
export function initProject(opts: { git?: boolean; env?: Record<string, string> } = {}): string {
  const root = join(testdir({}), 'hearing');
  const r = run(['init', root, ...(opts.git ? [] : ['--no-git'])], { env: opts.env });
  expect([r.code, r.stderr]).toEqual([0, '']);
  return root;
}

export const read = (root: string, path: string) => readFileSync(join(root, path), 'utf8');

/** Counts occurrences of `needle` in `text`. */
export const count = (text: string, needle: string | RegExp) =>
  typeof needle === 'string'
    ? text.split(needle).length - 1
    : (text.match(new RegExp(needle.source, `${needle.flags.replace('g', '')}g`)) ?? []).length;

/** Every file under data/ and templates/, and briefbook.yaml, as they are in this repository. */
export function shippedProject(): Record<string, string> {
  const files: Record<string, string> = { 'briefbook.yaml': readFileSync(join(REPO, 'briefbook.yaml'), 'utf8') };
  for (const dir of ['data', 'templates']) {
    for (const f of readdirSync(join(REPO, dir), { recursive: true }) as string[]) {
      const abs = join(REPO, dir, f);
      if (statSync(abs).isFile()) files[relative(REPO, abs)] = readFileSync(abs, 'utf8');
    }
  }
  return files;
}
