// The resolved fact base: every item of every file, keyed by id, with where it came from.

import type { Kind } from './kinds.js';
import type { ParsedFile } from './parse-file.js';
import type { Analysis, Citation, Entity, Event, Fact, Question, Source, Term } from './schema.js';

export interface ItemTypes {
  facts: Fact;
  sources: Source;
  entities: Entity;
  events: Event;
  questions: Question;
  glossary: Term;
  analysis: Analysis;
}

export interface Origin {
  file: ParsedFile;
  /** Index of the item in its file's section list, to locate sub-paths. */
  index: number;
}

export interface FactBase {
  facts: Map<string, Fact>;
  sources: Map<string, Source>;
  entities: Map<string, Entity>;
  events: Map<string, Event>;
  questions: Map<string, Question>;
  glossary: Map<string, Term>;
  analysis: Map<string, Analysis>;
  /** Files marked `generated:` by an importer, by path. */
  generated: Map<string, string>;
  /** Where each item is defined, keyed by originKey(kind, id). */
  origins: Map<string, Origin>;
  /** Items defined but invalid (already reported), keyed by originKey(kind, id). */
  broken: Set<string>;
}

export const originKey = (kind: Kind, id: string) => `${kind}:${id}`;

export function emptyFactBase(): FactBase {
  return {
    facts: new Map(),
    sources: new Map(),
    entities: new Map(),
    events: new Map(),
    questions: new Map(),
    glossary: new Map(),
    analysis: new Map(),
    generated: new Map(),
    origins: new Map(),
    broken: new Set(),
  };
}

/** All citations of a fact: its own and its variants'. */
export function factCitations(f: Fact): Citation[] {
  return [...f.sources, ...f.variants.flatMap((v) => v.sources)];
}

/** Distinct source ids a fact rests on, in order of first citation. */
export function factSourceIds(f: Fact): string[] {
  return [...new Set(factCitations(f).map((c) => c.source))];
}
