// Front matter with every key explained: a comment above each key the file sets, and the
// keys it does not set listed (commented out) after them, all taken from the one schema
// (render/front-matter.ts) so the explanations never drift from what is accepted.
import { stringify } from 'yaml';
import type { z } from 'zod';
import { FRONT_MATTER_KEYS, frontMatterSchema } from './front-matter.js';

interface KeyInfo {
  description: string;
  choices?: readonly string[];
  fallback?: unknown;
  required: boolean;
}

export function keyInfo(key: string): KeyInfo {
  const shape = frontMatterSchema.shape as Record<string, z.ZodType>;
  let s = shape[key] as z.ZodType;
  const description = s.description ?? '';
  let required = true;
  let fallback: unknown;
  for (;;) {
    const def = s.def as { type: string; innerType?: z.ZodType; defaultValue?: unknown };
    if (def.type === 'optional' || def.type === 'default') {
      required = false;
      if (def.type === 'default') fallback = def.defaultValue;
      s = def.innerType as z.ZodType;
      continue;
    }
    break;
  }
  const choices = (s as unknown as { options?: readonly string[] }).options;
  return { description, choices: Array.isArray(choices) ? choices : undefined, fallback, required };
}

function explain(key: string): string {
  const k = keyInfo(key);
  const parts = [k.description];
  if (k.choices) parts.push(`One of: ${k.choices.join(', ')}.`);
  if (k.fallback !== undefined) parts.push(`Default: ${JSON.stringify(k.fallback)}.`);
  if (k.required) parts.push('Required.');
  return parts.join(' ');
}

/**
 * The front matter YAML (without the `---` lines), commented. Comments are inserted as
 * lines above each top-level key, so the user's own formatting and comments stay as they were.
 */
export function explainFrontMatter(yamlText: string): string {
  const present = new Set<string>();
  const lines = yamlText.replace(/\s+$/, '').split(/\r?\n/);
  const out: string[] = [];
  for (const line of lines) {
    const key = /^([A-Za-z][\w-]*)\s*:/.exec(line)?.[1];
    if (key !== undefined) {
      present.add(key);
      if (FRONT_MATTER_KEYS.includes(key)) out.push(`# ${explain(key)}`);
    }
    out.push(line);
  }
  const missing = FRONT_MATTER_KEYS.filter((k) => !present.has(k));
  if (missing.length > 0) {
    out.push('', '# Other keys you can set (remove the "# " to use one):');
    for (const k of missing) out.push(`# ${k}: ${example(k)}    # ${explain(k)}`);
  }
  return `${out.join('\n')}\n`;
}

function example(key: string): string {
  const { fallback, choices } = keyInfo(key);
  if (fallback !== undefined) return stringify(fallback, { collectionStyle: 'flow' }).trim();
  if (choices) return choices[0] ?? '';
  const examples: Record<string, string> = {
    pageLimit: '2',
    date: '"2026-07-01"',
    banner: '"Internal — not for public release"',
    clearance: '{ by: "Name, role", date: "2026-07-01" }',
  };
  return examples[key] ?? '…';
}
