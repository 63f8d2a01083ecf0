// The documents sources name (`document:`), read from the sources folder for
// `validate --sources-dir`: each read once, kept inside the folder, and a document that
// cannot be read reported once, at the first citation that needs it.
import { readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { foldSpace } from '../util/text.js';
import { diagnosticAt, type Report } from './assemble.js';
import type { FactBase } from './factbase.js';
import type { Kind } from './kinds.js';
import type { Citation } from './schema.js';

/** One citation of a source, located in its item. */
export interface Cited {
  kind: Kind;
  id: string;
  /** Path from the item to the citation, e.g. ["variants", 0, "sources", 1]. */
  sub: (string | number)[];
  cite: Citation;
}

/** Every citation in the fact base: facts (and their variants), entities, events, glossary terms. */
export function* citations(fb: FactBase): Generator<Cited> {
  for (const [id, f] of fb.facts) {
    for (const [i, c] of f.sources.entries()) yield { kind: 'facts', id, sub: ['sources', i], cite: c };
    for (const [v, variant] of f.variants.entries())
      for (const [i, c] of variant.sources.entries()) yield { kind: 'facts', id, sub: ['variants', v, 'sources', i], cite: c };
  }
  for (const kind of ['entities', 'events', 'glossary'] as const)
    for (const [id, item] of fb[kind]) for (const [i, c] of item.sources.entries()) yield { kind, id, sub: ['sources', i], cite: c };
}

export class SourceDocuments {
  private readonly root: string;
  private readonly texts = new Map<string, Promise<string | Error>>();
  private readonly reported = new Set<string>();

  constructor(
    private readonly fb: FactBase,
    private readonly dir: string,
    private readonly report: Report,
  ) {
    this.root = resolve(dir);
  }

  /**
   * The cited source's document text (whitespace folded), or undefined when it names no
   * document or it cannot be read (reported as an error the first time).
   */
  async text(at: Cited, field: string): Promise<string | undefined> {
    const source = this.fb.sources.get(at.cite.source);
    if (!source?.document) return undefined;
    const path = resolve(this.root, source.document);
    const fail = (message: string, hint: string) => {
      if (this.reported.has(source.id)) return undefined;
      this.reported.add(source.id);
      this.report.errors.push(diagnosticAt(this.fb, at.kind, at.id, [...at.sub, field], message, hint));
      return undefined;
    };
    if (relative(this.root, path).startsWith(`..${sep}`)) {
      return fail(
        `source "${source.id}" names a document outside the sources folder: ${source.document}`,
        'document paths are relative to the sources folder',
      );
    }
    let text = this.texts.get(path);
    if (!text) {
      text = readFile(path, 'utf8').then(foldSpace, (e: Error) => e);
      this.texts.set(path, text);
    }
    const got = await text;
    if (got instanceof Error) {
      return fail(
        `cannot read ${join(this.dir, source.document)} for source "${source.id}"`,
        'check the `document:` file name and the --sources-dir folder',
      );
    }
    return got;
  }
}
