// One dataset file: text → YAML document → checked against the upstream format, with
// every problem at file:line:col. Same approach as the fact loader (parseDocument +
// LineCounter), but a dataset is not a fact file, so it has its own messages.
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { type Diagnostic, UserError } from '../errors.js';
import { dottedPath as dotted, nodeAt } from '../util/yaml-path.js';

/** Far above the upstream files (legislators-current.yaml is about 1 MB). */
export const DATASET_LIMITS = { bytes: 64 * 1024 * 1024, aliases: 100, issues: 20 } as const;

export interface DatasetText {
  /** Where it came from as the user named it: a path or a URL. */
  path: string;
  text: string;
}

const FORMAT_HINT =
  'briefbook reads the unitedstates/congress-legislators format as published in 2026; if this file comes from a newer release whose format changed, ' +
  'use a snapshot in the older format or update briefbook; if you edited it, restore the upstream file';

export function parseDataset<S extends z.ZodType>(file: DatasetText, schema: S): z.infer<S> {
  const fail = (diagnostics: Diagnostic[], summary: string, hint: string): never => {
    const [first] = diagnostics;
    if (diagnostics.length === 1 && first) throw UserError.at(first, first.message, first.hint);
    throw new UserError(summary, { diagnostics, hint });
  };
  const failAt = (d: Diagnostic): never => fail([d], d.message, d.hint);
  const at = (line: number, column: number, message: string, hint: string, path = ''): Diagnostic => ({
    file: file.path,
    line,
    column,
    path,
    message,
    hint,
  });

  if (file.text.length > DATASET_LIMITS.bytes) {
    failAt(at(1, 1, `file is over the ${DATASET_LIMITS.bytes / 1024 / 1024} MB limit for a dataset file`, 'check it is the right file'));
  }
  if (file.text.trim() === '') failAt(at(1, 1, 'file is empty', 'download it again from unitedstates/congress-legislators'));

  const lineCounter = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const pos = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  if (doc.errors.length > 0) {
    fail(
      doc.errors.slice(0, DATASET_LIMITS.issues).map((e) => {
        const p = pos(e.pos[0]);
        return at(
          p.line,
          p.column,
          `not valid YAML: ${e.message.split('\n')[0]}`,
          'the file is damaged or not the upstream file; download it again',
        );
      }),
      `${file.path} is not valid YAML`,
      'download it again from unitedstates/congress-legislators',
    );
  }
  let js: unknown;
  try {
    js = doc.toJS({ maxAliasCount: DATASET_LIMITS.aliases });
  } catch (e) {
    failAt(at(1, 1, `YAML aliases expand too far (${(e as Error).message})`, 'the upstream files use no aliases; download it again'));
  }
  const result = schema.safeParse(js);
  if (result.success) return result.data;

  const diagnostics = result.error.issues.slice(0, DATASET_LIMITS.issues).map((issue) => {
    const node = nodeAt(doc.contents, issue.path);
    const missing = node === undefined && issue.path.length > 0;
    const where = missing ? nodeAt(doc.contents, issue.path.slice(0, -1)) : node;
    const field = String(issue.path[issue.path.length - 1] ?? '');
    const message = missing
      ? `missing field "${field}"`
      : issue.path.length === 0
        ? `expected ${expectedTop(schema)}, got ${kindOf(doc.contents)}`
        : `unexpected value for "${field}": ${issue.message.replace(/^Invalid (input|option): /, '')}`;
    return { ...at(1, 1, message, FORMAT_HINT, dotted(issue.path)), ...pos(where?.range?.[0] ?? 0) };
  });
  const more = result.error.issues.length - diagnostics.length;
  return fail(
    diagnostics,
    `${file.path} is not in the congress-legislators format briefbook reads (${result.error.issues.length} problem${
      result.error.issues.length === 1 ? '' : 's'
    }${more > 0 ? `, first ${diagnostics.length} shown` : ''})`,
    FORMAT_HINT,
  );
}

function expectedTop(schema: z.ZodType): string {
  return (schema as unknown as { def: { type: string } }).def.type === 'record' ? 'a map of committee codes' : 'a list';
}

function kindOf(node: unknown): string {
  if (isSeq(node)) return 'a list';
  if (isMap(node)) return 'a map';
  if (isScalar(node)) return `a single value (${JSON.stringify(node.value)})`;
  return 'nothing';
}
