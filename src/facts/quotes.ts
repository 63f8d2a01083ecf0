// `validate --sources-dir`: every quote must appear verbatim in the document it cites.
import { readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../errors.js';
import { foldSpace } from '../util/text.js';
import { diagnosticAt, type Report } from './assemble.js';
import type { FactBase } from './factbase.js';
import type { Kind } from './kinds.js';
import type { Citation } from './schema.js';

interface Cited {
  kind: Kind;
  id: string;
  sub: (string | number)[];
  cite: Citation;
}

function* quotedCitations(fb: FactBase): Generator<Cited> {
  for (const [id, f] of fb.facts) {
    for (const [i, c] of f.sources.entries()) yield { kind: 'facts', id, sub: ['sources', i, 'quote'], cite: c };
    for (const [v, variant] of f.variants.entries())
      for (const [i, c] of variant.sources.entries())
        yield {
          kind: 'facts',
          id,
          sub: ['variants', v, 'sources', i, 'quote'],
          cite: c,
        };
  }
  for (const kind of ['entities', 'events', 'glossary'] as const)
    for (const [id, item] of fb[kind])
      for (const [i, c] of item.sources.entries()) yield { kind, id, sub: ['sources', i, 'quote'], cite: c };
}

export async function checkQuotes(fb: FactBase, sourcesDir: string, report: Report): Promise<number> {
  const texts = new Map<string, string | Error>();
  const root = resolve(sourcesDir);
  let checked = 0;
  for (const { kind, id, sub, cite } of quotedCitations(fb)) {
    if (!cite.quote) continue;
    const source = fb.sources.get(cite.source);
    if (!source) continue; // already an error: unknown source
    const problem = (list: Diagnostic[], message: string, hint: string) => list.push(diagnosticAt(fb, kind, id, sub, message, hint));
    if (!source.document) {
      problem(
        report.warnings,
        `cannot check the quote: source "${source.id}" names no document`,
        'add `document:` to the source, naming its file in the sources folder',
      );
      continue;
    }
    const path = resolve(root, source.document);
    if (relative(root, path).startsWith(`..${sep}`)) {
      problem(
        report.errors,
        `source "${source.id}" names a document outside the sources folder: ${source.document}`,
        'document paths are relative to the sources folder',
      );
      continue;
    }
    if (!texts.has(path)) texts.set(path, await readFile(path, 'utf8').then(foldSpace, (e: Error) => e));
    const text = texts.get(path);
    checked++;
    if (text instanceof Error) {
      problem(
        report.errors,
        `cannot read ${join(sourcesDir, source.document)} for source "${source.id}"`,
        'check the `document:` file name and the --sources-dir folder',
      );
    } else if (!text?.includes(foldSpace(cite.quote))) {
      problem(
        report.errors,
        `quote not found verbatim in ${source.document}: "${cite.quote}"`,
        'copy the words exactly as the document has them (mind curly quotes and apostrophes), or drop the quote',
      );
    }
  }
  return checked;
}
