// The JSON Schema editors use (yaml-language-server), generated from the zod fact model;
// schema/briefbook.schema.json is this text, kept in sync by a test.
import * as z from 'zod';
import { factFile } from './schema.js';

/** The JSON Schema editors use (yaml-language-server), as the exact text of schema/briefbook.schema.json. */
export function schemaJson(): string {
  const schema = z.toJSONSchema(factFile, { io: 'input', target: 'draft-7', unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, title: 'briefbook fact file' }, null, 2)}\n`;
}
