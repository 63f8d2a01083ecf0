// The trimmed congress-legislators snapshot, as testdir() entries under `dataset/`, with
// optional edits: tests change the upstream text the way a new snapshot (or damage) would.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const FIXTURE = fileURLToPath(new URL('../fixtures/congress-legislators/', import.meta.url));
export const FILES = ['legislators-current.yaml', 'committees-current.yaml', 'committee-membership-current.yaml', 'README.md'] as const;
export type FixtureFile = (typeof FILES)[number];

export function fixtureText(name: FixtureFile): string {
  return readFileSync(`${FIXTURE}${name}`, 'utf8');
}

/** testdir() entries for a project with an empty data/ and the dataset in dataset/. */
export function projectFiles(
  edits: Partial<Record<FixtureFile, ((text: string) => string) | null>> = {},
  extra: Record<string, string> = {},
): Record<string, string> {
  const files: Record<string, string> = { 'data/.keep.txt': '' };
  for (const name of FILES) {
    const edit = edits[name];
    if (edit === null) continue;
    const text = fixtureText(name);
    files[`dataset/${name}`] = edit ? edit(text) : text;
  }
  return { ...files, ...extra };
}

/** Replaces exactly one occurrence, so a test never edits something it did not mean to. */
export function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`expected exactly one "${from}" in the fixture`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** 1-based line of the first occurrence of `needle`, to assert located errors. */
export function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not in the fixture`);
  return text.slice(0, at).split('\n').length;
}

export interface GeneratedEntity {
  id: string;
  name: string;
  kind: string;
  parent?: string;
  party?: string;
  state?: string;
  chamber?: string;
  bioguide?: string;
  termStart?: string;
  website?: string;
  phone?: string;
  roles?: string[];
  memberships?: { committee: string; title?: string; side: 'majority' | 'minority'; rank: number }[];
  sources: { source: string }[];
}

export interface GeneratedFile {
  generated: string;
  sources: { id: string; kind: string; publisher: string; date: string; url: string }[];
  entities: GeneratedEntity[];
}

export function parseGenerated(text: string): GeneratedFile {
  return parse(text) as GeneratedFile;
}
