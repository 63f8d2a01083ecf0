// docs/fact-format.md documents every field the fact model allows: each item kind's fields in
// its own section, and the fields of citations, values, variants, periods, links and
// committee memberships wherever the page describes them. A field added to schema.ts without
// a word in the docs fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ITEM_SCHEMAS } from './item-schemas.js';
import { KINDS } from './kinds.js';
import { citation, membership, value } from './schema.js';

const DOC = readFileSync(new URL('../../docs/fact-format.md', import.meta.url), 'utf8');

/** The text of the `## name` section (its heading may go on: "## analysis (staff analysis)"), up to the next `## `. */
function section(name: string): string {
  const start = DOC.search(new RegExp(`\n## ${name}( \\(.*\\))?\n`));
  expect(start, `docs/fact-format.md has a "## ${name}" section`).toBeGreaterThan(0);
  const end = DOC.indexOf('\n## ', start + 1);
  return DOC.slice(start, end < 0 ? undefined : end);
}

/** A field is documented when the text names it as `field` or writes it as YAML `field:`. */
const names = (text: string, field: string) => text.includes(`\`${field}\``) || new RegExp(`(^|[\\s{,])${field}:`, 'm').test(text);

type Def = { shape?: object; in?: z.ZodType };
const keys = (schema: z.ZodType): string[] => {
  let def = (schema as unknown as { def: Def }).def;
  // A refined object (value) is a pipe: its shape is on the way in.
  while (!def.shape && def.in) def = (def.in as unknown as { def: Def }).def;
  return Object.keys(def.shape ?? {});
};

describe('docs/fact-format.md', () => {
  it.each(KINDS)('documents every field of %s in its section', (kind) => {
    const text = section(kind);
    const missing = keys(ITEM_SCHEMAS[kind]).filter((k) => !names(text, k));
    expect(missing).toEqual([]);
  });

  it('documents every field of citations, values, variants, periods, links and memberships', () => {
    const missing = (schema: z.ZodType) => keys(schema).filter((k) => !names(DOC, k));
    expect(missing(citation)).toEqual([]);
    expect(missing(value)).toEqual([]);
    expect(missing(membership)).toEqual([]);
    for (const field of ['from', 'to', 'text', 'title', 'url', 'statement', 'period', 'date']) expect(names(DOC, field), field).toBe(true);
  });
});
