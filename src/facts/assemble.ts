// Parsed files → one fact base, then the cross-file rules. Collects every problem.
import type { Diagnostic } from '../errors.js';
import { dottedPath } from '../util/yaml-path.js';
import { emptyFactBase, type FactBase, type ItemTypes, originKey } from './factbase.js';
import { KINDS, type Kind, SINGULAR } from './kinds.js';
import { LIMITS } from './limits.js';
import type { ParsedFile } from './parse-file.js';
import { RULES, type RuleContext } from './rules.js';

export interface Report {
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

/** `warnings: false`: only errors are wanted (a build); rules that only warn are skipped, and warnings not made. */
export function assemble(files: readonly ParsedFile[], report: Report, opts: { warnings?: boolean } = {}): FactBase {
  const fb = emptyFactBase();
  let total = 0;
  for (const file of files) {
    for (const b of file.broken) fb.broken.add(originKey(b.kind, b.id));
    const data = file.data;
    if (!data) continue;
    if (data.generated) fb.generated.set(file.path, data.generated);
    for (const kind of KINDS) {
      const list = data[kind] ?? [];
      total += list.length;
      const map = fb[kind] as Map<string, ItemTypes[typeof kind]>;
      list.forEach((item, kept) => {
        // The item's place in the file as written (items that failed the schema are not in `list`).
        const index = file.rawIndex(kind, kept);
        const key = originKey(kind, item.id);
        const first = fb.origins.get(key);
        if (first) {
          const firstPos = first.file.locate([kind, first.index, 'id']);
          report.errors.push({
            file: file.path,
            ...file.locate([kind, index, 'id']),
            path: `${kind}[${index}].id`,
            message: `duplicate ${SINGULAR[kind]} id "${item.id}", first defined at ${first.file.path}:${firstPos.line}:${firstPos.column}`,
            hint: 'ids must be unique across all files; rename one of them (diffs and templates refer to items by id)',
          });
          return;
        }
        fb.origins.set(key, { file, index });
        map.set(item.id, item);
      });
    }
  }
  if (total > LIMITS.itemsTotal) {
    report.errors.push({
      file: files[0]?.path ?? 'data',
      line: 1,
      column: 1,
      path: '',
      message: `the fact base holds ${total} items, over the limit of ${LIMITS.itemsTotal}`,
      hint: 'archive old hearings into a separate project',
    });
  }
  const ctx = ruleContext(fb, report, opts.warnings !== false);
  for (const rule of RULES) rule(ctx);
  return fb;
}

/** A diagnostic located at a sub-path of an item, e.g. (facts, "x", ["sources", 0, "quote"]). */
export function diagnosticAt(
  fb: FactBase,
  kind: Kind,
  id: string,
  sub: readonly (string | number)[],
  message: string,
  hint: string,
): Diagnostic {
  const o = fb.origins.get(originKey(kind, id));
  if (!o) return { file: 'data', line: 0, column: 0, path: '', message, hint };
  const path = [kind, o.index, ...sub];
  return {
    file: o.file.path,
    ...o.file.locate(path),
    path: dottedPath(path),
    message,
    hint,
  };
}

function ruleContext(fb: FactBase, report: Report, warns: boolean): RuleContext {
  const diag = (kind: Kind, id: string, sub: readonly (string | number)[], message: string, hint: string, rule?: string) => ({
    ...diagnosticAt(fb, kind, id, sub, message, hint),
    ...(rule ? { rule } : {}),
  });
  return {
    fb,
    error: (kind, id, sub, message, hint, rule) => report.errors.push(diag(kind, id, sub, message, hint, rule)),
    warn: warns ? (kind, id, sub, message, hint, rule) => report.warnings.push(diag(kind, id, sub, message, hint, rule)) : () => {},
    warns,
  };
}
