// Front matter read the quick way. `yaml`'s parseDocument, which locates every problem, costs
// a few milliseconds per file in a short build (its code is cold); most front matter is a
// plain block mapping, which util/quick-yaml.ts reads in a fraction of that, and whose keys
// stand at the start of their lines. Anything else is left to `yaml`: the caller parses
// again there whenever this returns undefined, and for every problem it reports.
import { NOT_QUICK, quickYaml } from '../../util/quick-yaml.js';

export interface QuickFrontMatter {
  data: Record<string, unknown>;
  /** Where each top-level key is, as `yaml` would say (file lines: the text starts on the `---` line). */
  keyPositions: Record<string, { line: number; column: number }>;
}

const KEY_LINE = /^([A-Za-z_][\w-]*)[ \t]*:(?:\s|$)/;

/** The front matter's data and key positions, or undefined when only `yaml` can say for sure. */
export function quickFrontMatter(yamlText: string): QuickFrontMatter | undefined {
  const data = quickYaml(yamlText);
  if (data === NOT_QUICK || data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const keyPositions: QuickFrontMatter['keyPositions'] = {};
  const lines = yamlText.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const key = KEY_LINE.exec(lines[i] as string)?.[1];
    if (key === undefined) continue;
    // A key-like line inside a multi-line value: unsure, so not quick.
    if (Object.hasOwn(keyPositions, key) || !Object.hasOwn(data, key)) return undefined;
    keyPositions[key] = { line: i + 1, column: 1 };
  }
  // Every key found at the start of its line (none quoted, none in a flow mapping).
  if (Object.keys(keyPositions).length !== Object.keys(data).length) return undefined;
  return { data: data as Record<string, unknown>, keyPositions };
}
