// Turning a zod issue into a located diagnostic a person can act on: which node,
// what is wrong, and what to write instead (the closest field name, the allowed values).
import { type Document, isMap, isNode, isScalar, isSeq } from 'yaml';
import type { z } from 'zod';
import type { Diagnostic } from '../errors.js';
import { closest } from '../util/closest.js';
import { dottedPath, nodeAt } from '../util/yaml-path.js';
import { factFile } from './schema.js';

export function schemaDiagnostic(
  file: string,
  doc: Document,
  pos: (o: number) => { line: number; column: number },
  issue: z.core.$ZodIssue,
): Diagnostic {
  const path = issue.path;
  const node = nodeAt(doc.contents, path);
  const dotted = dottedPath(path);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const keyNode = isMap(node) ? node.items.find((p) => isScalar(p.key) && p.key.value === key)?.key : undefined;
    const allowed = allowedKeys(path);
    const near = closest(key, allowed);
    return {
      file,
      ...pos((isNode(keyNode) ? keyNode.range?.[0] : undefined) ?? node?.range?.[0] ?? 0),
      path: dotted ? `${dotted}.${key}` : key,
      message: `unknown field "${key}"`,
      hint: near ? `did you mean "${near}"?` : `remove it; fields allowed here: ${allowed.join(', ')}`,
    };
  }
  const missing = node === undefined && path.length > 0;
  const where = missing ? nodeAt(doc.contents, path.slice(0, -1)) : node;
  const field = String(path[path.length - 1] ?? '');
  if (missing) {
    return {
      file,
      ...pos(where?.range?.[0] ?? 0),
      path: dotted,
      message: `missing required field "${field}"`,
      hint: `add \`${field}:\` to this item`,
    };
  }
  if (path.length === 0 && issue.code === 'invalid_type') {
    return {
      file,
      ...pos(node?.range?.[0] ?? 0),
      path: '',
      message: `expected a map of sections, got ${describe(doc.contents)}`,
      hint: 'a fact file is a map such as `facts:` followed by a list of items',
    };
  }
  return {
    file,
    ...pos(node?.range?.[0] ?? 0),
    path: dotted,
    message: cleanZodMessage(issue.message),
    hint: hintFor(issue),
  };
}

function hintFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_value':
      return `use one of: ${issue.values.map(String).join(', ')}`;
    case 'invalid_type':
      return `this field must be ${article(issue.expected)}`;
    case 'custom':
      return (issue.params as { hint?: string } | undefined)?.hint ?? 'see the fact format in docs/fact-format.md';
    case 'invalid_format':
      return 'see the fact format in docs/fact-format.md';
    case 'too_small':
      return issue.origin === 'array' ? 'add at least one entry' : 'give it a value';
    default:
      return 'see the fact format in docs/fact-format.md';
  }
}

function cleanZodMessage(message: string): string {
  return message.replace(/^Invalid input: /, '').replace(/^Invalid option: /, '');
}

function article(t: string): string {
  return t === 'array' ? 'a list' : t === 'object' ? 'a map' : /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
}

function describe(node: unknown): string {
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) return `a single value (${JSON.stringify(node.value)})`;
  return 'something else';
}

type SchemaDef = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
};

/** Field names the schema allows at a data path, to suggest the intended one. */
function allowedKeys(path: readonly PropertyKey[]): string[] {
  let def = defOf(factFile);
  for (const seg of path) {
    const next = typeof seg === 'number' ? def.element : def.shape?.[String(seg)];
    if (!next) return [];
    def = defOf(next);
  }
  return def.shape ? Object.keys(def.shape) : [];
}

/** zod's definition with optional/default/pipe wrappers peeled off. */
function defOf(schema: z.ZodType): SchemaDef {
  let def = (schema as unknown as { def: SchemaDef }).def;
  for (;;) {
    const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
    if (!inner) return def;
    def = (inner as unknown as { def: SchemaDef }).def;
  }
}
