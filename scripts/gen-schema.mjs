// Writes schema/briefbook.schema.json from the zod fact model (the one source of truth).
// test/schema.test.ts fails when the committed file is out of date.
import { writeFileSync } from 'node:fs';
import { schemaJson } from '../dist/index.js';

writeFileSync(new URL('../schema/briefbook.schema.json', import.meta.url), schemaJson());
