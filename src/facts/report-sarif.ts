// Validation results as SARIF 2.1.0 (the OASIS format code-scanning tools read, GitHub's
// among them): one run of briefbook, a rule per kind of problem, a result per diagnostic
// located by file (relative to the repository, %SRCROOT%), line and column.
import type { Diagnostic } from '../errors.js';

/** Kinds of problems, recognised by their message; anything else is a plain error or warning. */
const RULES = [
  { id: 'merge-conflict', test: /^unresolved merge conflict/, text: 'An unresolved git merge conflict in a fact file' },
  { id: 'duplicate-id', test: /^duplicate .*id /, text: 'An id defined twice' },
  {
    id: 'dangling-reference',
    test: /^unknown (fact|source|entity|event|question|glossary term|analysis item) "/,
    text: 'A reference to an item that does not exist',
  },
  {
    id: 'sourcing',
    test: /has no source|rests on a single source|through the same outlet/,
    text: 'A fact with too few independent sources',
  },
  { id: 'quote', test: /quote/, text: 'A quote that is too long or not found in its source document' },
  { id: 'invalid', test: /./, text: 'A fact file that is not valid YAML or does not match the fact model' },
] as const;

export interface SarifOptions {
  /** briefbook's version, for the tool record. */
  version: string;
}

export function sarifLog(errors: readonly Diagnostic[], warnings: readonly Diagnostic[], opts: SarifOptions): object {
  const ruleOf = (d: Diagnostic) => RULES.findIndex((r) => r.test.test(d.message));
  const result = (level: 'error' | 'warning', d: Diagnostic) => {
    const ruleIndex = ruleOf(d);
    const region = d.line > 0 ? { region: { startLine: d.line, startColumn: Math.max(1, d.column) } } : {};
    return {
      ruleId: RULES[ruleIndex]?.id,
      ruleIndex,
      level,
      message: { text: `${d.message}${d.path ? ` (${d.path})` : ''}${d.hint ? `\nhint: ${d.hint}` : ''}` },
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: encodeURI(d.file), uriBaseId: '%SRCROOT%' }, ...region },
          ...(d.path ? { logicalLocations: [{ fullyQualifiedName: d.path }] } : {}),
        },
      ],
    };
  };
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'briefbook',
            version: opts.version,
            rules: RULES.map((r) => ({ id: r.id, shortDescription: { text: r.text } })),
          },
        },
        // Columns count UTF-16 code units, as JavaScript strings (and the yaml parser) do.
        columnKind: 'utf16CodeUnits',
        results: [...errors.map((d) => result('error', d)), ...warnings.map((d) => result('warning', d))],
      },
    ],
  };
}
