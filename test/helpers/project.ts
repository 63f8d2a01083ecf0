// A project made by the real `briefbook init`, and small readers for what a test wrote.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { run } from './cli.js';
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
