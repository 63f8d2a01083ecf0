// The terminal format: a reviewer's change list, coloured when the caller says so.
import type { FieldChange } from './compare.js';
import { badges, headline, inline, isLongText, noun, summary } from './describe.js';
import { onlyRechecked, recheckText, shownFields } from './rechecks.js';
import type { DiffResult } from './result.js';

export interface Colors {
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
}

const plain = (s: string) => s;
export const NO_COLORS: Colors = { red: plain, green: plain, yellow: plain, cyan: plain, bold: plain, dim: plain };

export function formatText(r: DiffResult, c: Colors = NO_COLORS): string {
  const lines: string[] = [c.bold(`${r.from} → ${r.to}: ${summary(r)}`)];
  for (const item of r.changed) {
    const head = `${c.yellow('~')} ${noun(item.kind)} ${c.bold(item.id)}`;
    if (item.rechecked && onlyRechecked(item)) {
      lines.push(`${head}: ${recheckText(item.rechecked)}`);
      continue;
    }
    lines.push(head);
    for (const f of shownFields(item)) lines.push(...field(f, c));
    if (item.rechecked) lines.push(`    ${recheckText(item.rechecked)}`);
  }
  for (const e of r.added) {
    lines.push(`${c.green('+')} ${noun(e.kind)} ${c.bold(e.id)}${bracket(badges(e.item), c)}`);
    const text = headline(e.kind, e.item);
    if (text) lines.push(`    ${safe(text)}`);
  }
  for (const e of r.removed) {
    lines.push(`${c.red('-')} ${noun(e.kind)} ${c.bold(e.id)}${bracket(badges(e.item), c)}`);
    const text = headline(e.kind, e.item);
    if (text) lines.push(`    ${c.dim(safe(text))}`);
  }
  for (const e of r.renamed) lines.push(`${c.cyan('→')} ${noun(e.kind)} ${c.bold(e.from)} renamed to ${c.bold(e.to)}`);
  return `${lines.join('\n')}\n`;
}

const bracket = (parts: string[], c: Colors) => (parts.length ? ` ${c.dim(`[${parts.join(', ')}]`)}` : '');

/** Text from the fact base must not drive the terminal: control characters are shown escaped. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const safe = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);

function field(f: FieldChange, c: Colors): string[] {
  const name = f.path === 'status' || f.path === 'sensitivity' ? c.bold(f.path) : f.path;
  if (f.added || f.removed) {
    const changes = [...(f.added ?? []).map((v) => c.green(`+${inline(v)}`)), ...(f.removed ?? []).map((v) => c.red(`-${inline(v)}`))];
    return [`    ${name}: ${changes.join(' ')}`];
  }
  if (f.from === null) return [`    ${name}: ${c.green('added')} ${inline(f.to)}`];
  if (f.to === null) return [`    ${name}: ${c.red('removed')} ${c.dim(`(was ${inline(f.from)})`)}`];
  if (isLongText(f.from, f.to))
    return [`    ${name}:`, `      ${c.red(`- ${safe(String(f.from))}`)}`, `      ${c.green(`+ ${safe(String(f.to))}`)}`];
  return [`    ${name}: ${c.red(inline(f.from))} → ${c.green(inline(f.to))}`];
}
