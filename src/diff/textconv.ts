// The canonical text of a fact file for git's line diff: one block per item, sorted by
// kind then id, fields in schema order, keyed lists sorted by key, so a hunk reads fact
// by fact and moving or reordering items changes nothing. Git runs this on every
// version of every file it diffs, so a broken file never fails: it is shown as is.
import type { Diagnostic } from '../errors.js';
import { KINDS, SINGULAR } from '../facts/kinds.js';
import { parseFactFile, type SourceFile } from '../facts/parse-file.js';
import { type Canon, canonical, isKeyedList, isRow, KEY_FIELD, keyedEntries } from './canonical.js';

/**
 * Matches the first line of each block, for git's hunk headers (`diff.briefbook.xfuncname`).
 * Git shows the first group, so the outer one makes it the whole line, not just the kind.
 */
export const BLOCK_HEADER = `^((${KINDS.map((k) => SINGULAR[k]).join('|')}) [a-z0-9].*)$`;

export function textconv(file: SourceFile): string {
  const diags: Diagnostic[] = [];
  const parsed = parseFactFile(file, diags);
  if (diags.length > 0 || !parsed.data) return asIs(file, diags);
  const data = parsed.data;
  const blocks: string[] = [];
  if (data.generated) blocks.push(`generated: ${data.generated}`);
  for (const kind of KINDS) {
    const items = [...(data[kind] ?? [])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const item of items) {
      const lines = [`${SINGULAR[kind]} ${item.id}`];
      const { id: _id, ...fields } = canonical(item) as Record<string, Canon>;
      writeFields(fields, 1, lines);
      blocks.push(lines.join('\n'));
    }
  }
  return blocks.length ? `${blocks.join('\n\n')}\n` : '';
}

function asIs(file: SourceFile, diags: readonly Diagnostic[]): string {
  const first = diags[0];
  const why = first ? `line ${first.line}:${first.column}: ${first.message}` : 'it holds nothing';
  const raw = new TextDecoder('utf-8').decode(file.bytes);
  return `# briefbook textconv: cannot read this version as a fact file (${why.replace(/\s+/g, ' ')}); shown as is\n${raw}${raw.endsWith('\n') || raw === '' ? '' : '\n'}`;
}

function writeFields(row: Record<string, Canon>, depth: number, lines: string[]): void {
  const pad = '  '.repeat(depth);
  for (const [key, value] of Object.entries(row)) {
    if (value === null) continue;
    if (Array.isArray(value)) {
      if (value.length === 0) continue;
      if (isKeyedList(key) && value.every(isRow)) {
        for (const [k, el] of keyedEntries(key, value)) {
          lines.push(`${pad}${key}[${k}]`);
          const { [KEY_FIELD[key] ?? '']: _key, ...rest } = el as Record<string, Canon>;
          writeFields(rest, depth + 1, lines);
        }
      } else if (value.every((v) => !isRow(v) && !Array.isArray(v))) {
        lines.push(`${pad}${key}: ${value.map(String).join(', ')}`);
      } else {
        value.forEach((el, i) => {
          lines.push(`${pad}${key}[${i}]`);
          if (isRow(el)) writeFields(el, depth + 1, lines);
        });
      }
    } else if (isRow(value)) {
      lines.push(`${pad}${key}:`);
      writeFields(value, depth + 1, lines);
    } else if (typeof value === 'string' && value.includes('\n')) {
      lines.push(`${pad}${key}: |`);
      for (const l of value.replace(/\n$/, '').split('\n')) lines.push(`${pad}  ${l}`);
    } else {
      lines.push(`${pad}${key}: ${String(value)}`);
    }
  }
}
