// The Markdown format: headings and bullet lists to paste into a pull request or email.
// Text from the fact base is escaped, so a statement cannot inject links, HTML or layout.
import type { FieldChange } from './compare.js';
import { badges, headline, inline, isLongText, noun, summary } from './describe.js';
import type { DiffResult } from './result.js';

export function formatMarkdown(r: DiffResult): string {
  const out: string[] = [`## Fact base changes: ${code(r.from)} → ${code(r.to)}`, '', `${capital(summary(r))}.`];
  if (r.changed.length) {
    out.push('', '### Changed', '');
    for (const item of r.changed) {
      out.push(`- **${noun(item.kind)} \`${item.id}\`**`);
      for (const f of item.fields) out.push(...field(f));
    }
  }
  const listed = (title: string, entries: DiffResult['added']) => {
    if (!entries.length) return;
    out.push('', `### ${title}`, '');
    for (const e of entries) {
      const b = badges(e.item);
      const text = headline(e.kind, e.item);
      out.push(`- **${noun(e.kind)} \`${e.id}\`**${b.length ? ` (${b.join(', ')})` : ''}${text ? `: ${esc(text)}` : ''}`);
    }
  };
  listed('Added', r.added);
  listed('Removed', r.removed);
  if (r.renamed.length) {
    out.push('', '### Renamed', '');
    for (const e of r.renamed) out.push(`- ${noun(e.kind)} \`${e.from}\` → \`${e.to}\``);
  }
  return `${out.join('\n')}\n`;
}

function field(f: FieldChange): string[] {
  const name = f.path === 'status' || f.path === 'sensitivity' ? `**${f.path}**` : `\`${f.path}\``;
  if (f.added || f.removed) {
    const parts = [
      f.added?.length ? `added ${f.added.map((v) => esc(inline(v))).join(', ')}` : '',
      f.removed?.length ? `removed ${f.removed.map((v) => esc(inline(v))).join(', ')}` : '',
    ].filter(Boolean);
    return [`  - ${name}: ${parts.join('; ')}`];
  }
  if (f.from === null) return [`  - ${name}: added ${esc(inline(f.to))}`];
  if (f.to === null) return [`  - ${name}: removed (was ${esc(inline(f.from))})`];
  if (isLongText(f.from, f.to)) return [`  - ${name}:`, `    - before: ${esc(String(f.from))}`, `    - after: ${esc(String(f.to))}`];
  return [`  - ${name}: ${esc(inline(f.from))} → ${esc(inline(f.to))}`];
}

/** Escapes Markdown and HTML syntax in text taken from the fact base. */
export function esc(s: string): string {
  return s
    .replace(/[\\`*_[\]<>|~]/g, (ch) => `\\${ch}`)
    .replace(/^(\s*)([-=+#])/, '$1\\$2')
    .replace(/&(?=#?\w+;)/g, '&amp;')
    .replace(/\r?\n/g, ' ');
}

/** A code span that holds any text, backticks included. */
function code(s: string): string {
  const ticks = '`'.repeat(Math.max(0, ...(s.match(/`+/g) ?? []).map((t) => t.length)) + 1);
  return /^`|`$/.test(s) ? `${ticks} ${s} ${ticks}` : `${ticks}${s}${ticks}`;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
