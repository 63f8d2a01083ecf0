// The shipped JSON Schema is generated from the zod model; editors use it, so it must
// never drift. Regenerate with `node scripts/gen-schema.mjs` after a model change.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { schemaJson } from './schema-json.js';

it('schema/briefbook.schema.json matches the fact model', () => {
  const shipped = readFileSync(new URL('../../schema/briefbook.schema.json', import.meta.url), 'utf8');
  expect(shipped, 'run `npm run build && node scripts/gen-schema.mjs`').toBe(schemaJson());
});

it('the schema knows every section and refuses unknown fields', () => {
  const schema = JSON.parse(schemaJson());
  expect(Object.keys(schema.properties)).toEqual([
    'generated',
    'sources',
    'facts',
    'entities',
    'events',
    'questions',
    'glossary',
    'analysis',
  ]);
  expect(schema.additionalProperties).toBe(false);
  expect(schema.properties.facts.items.required).toEqual(expect.arrayContaining(['id', 'statement', 'status', 'sensitivity']));
});
