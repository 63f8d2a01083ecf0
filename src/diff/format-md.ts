// The Markdown format, made for a pull-request comment (GitHub-flavoured) or an email: a
// summary line, the status and sensitivity changes first in a table, then one collapsible
// <details> per item. Text from the fact base is escaped for where it lands — Markdown in
// lists and tables, HTML inside <summary> — so a statement cannot add links, HTML or layout.
import type { ChangedItem, FieldChange, ItemEntry } from './compare.js';
import { badges, headline, inline, isLongText, noun, summary } from './describe.js';
import { onlyRechecked, recheckText, shownFields } from './rechecks.js';
import type { DiffResult } from './result.js';

/** The first line: lets a CI job find and update its earlier comment instead of adding one. */
export const MARKDOWN_MARKER = '<!-- briefbook diff -->';

const CALLED_OUT = ['status', 'sensitivity'];

export function formatMarkdown(r: DiffResult): string {
  const out: string[] = [MARKDOWN_MARKER, `## Fact base changes: ${code(r.from)} → ${code(r.to)}`, ''];
  const called = r.changed.flatMap((c) => c.fields.filter((f) => CALLED_OUT.includes(f.path)).map((f) => ({ c, f })));
  const counts = CALLED_OUT.map((p) => [called.filter((x) => x.f.path === p).length, p] as const)
    .filter(([n]) => n > 0)
    .map(([n, p]) => `${n} ${p} change${n === 1 ? '' : 's'}`);
  out.push(`**${capital(summary(r))}.**${counts.length ? ` ${counts.join(', ')}.` : ''}`);
  if (called.length) {
    out.push('', '### Status and sensitivity', '', '| Item | Field | Before | After |', '| :-- | :-- | :-- | :-- |');
    for (const { c, f } of called)
      out.push(`| ${noun(c.kind)} \`${c.id}\` | ${f.path} | ${esc(inline(f.from))} | **${esc(inline(f.to))}** |`);
  }
  section(
    out,
    'Changed',
    r.changed.filter((c) => !onlyRechecked(c)),
    changedItem,
  );
  const rechecked = r.changed.filter(onlyRechecked);
  if (rechecked.length) {
    out.push('', `### Re-checked (${rechecked.length})`, '');
    for (const c of rechecked) out.push(`- ${noun(c.kind)} \`${c.id}\`: ${c.rechecked ? recheckText(c.rechecked) : ''}`);
  }
  section(out, 'Added', r.added, (e) => entry(e));
  section(out, 'Removed', r.removed, (e) => entry(e));
  if (r.renamed.length) {
    out.push('', `### Renamed (${r.renamed.length})`, '');
    for (const e of r.renamed) out.push(`- ${noun(e.kind)} \`${e.from}\` → \`${e.to}\``);
  }
  return `${out.join('\n')}\n`;
}

function section<T>(out: string[], title: string, items: readonly T[], render: (item: T) => string[]): void {
  if (!items.length) return;
  out.push('', `### ${title} (${items.length})`);
  for (const item of items) out.push('', ...render(item));
}

/** A collapsible block; GitHub renders Markdown in its body only after a blank line. */
const details = (summaryHtml: string, body: string[]) => ['<details>', `<summary>${summaryHtml}</summary>`, '', ...body, '', '</details>'];

function changedItem(c: ChangedItem): string[] {
  const fields = shownFields(c);
  const names = [...fields.map((f) => f.path), ...(c.rechecked ? ['checked'] : [])].map((p) => `<code>${html(p)}</code>`).join(', ');
  const recheck = c.rechecked ? [`- ${recheckText(c.rechecked)}`] : [];
  return details(`${noun(c.kind)} <code>${html(c.id)}</code>: ${names}`, [...fields.flatMap(field), ...recheck]);
}

function entry(e: ItemEntry): string[] {
  const b = badges(e.item);
  const text = headline(e.kind, e.item);
  return details(`${noun(e.kind)} <code>${html(e.id)}</code>${b.length ? ` (${b.map(html).join(', ')})` : ''}`, [
    text ? esc(text) : '(no text)',
  ]);
}

function field(f: FieldChange): string[] {
  const name = CALLED_OUT.includes(f.path) ? `**${f.path}**` : `\`${f.path}\``;
  if (f.added || f.removed) {
    const parts = [
      f.added?.length ? `added ${f.added.map((v) => esc(inline(v))).join(', ')}` : '',
      f.removed?.length ? `removed ${f.removed.map((v) => esc(inline(v))).join(', ')}` : '',
    ].filter(Boolean);
    return [`- ${name}: ${parts.join('; ')}`];
  }
  if (f.from === null) return [`- ${name}: added ${esc(inline(f.to))}`];
  if (f.to === null) return [`- ${name}: removed (was ${esc(inline(f.from))})`];
  if (isLongText(f.from, f.to)) return [`- ${name}:`, `  - before: ${esc(String(f.from))}`, `  - after: ${esc(String(f.to))}`];
  return [`- ${name}: ${esc(inline(f.from))} → ${esc(inline(f.to))}`];
}

/** Escapes Markdown and HTML syntax in text taken from the fact base; one line, no autolinks. */
export function esc(s: string): string {
  return s
    .replace(/[\\`*_[\]<>|~]/g, (ch) => `\\${ch}`)
    .replace(/^(\s*)([-=+#])/, '$1\\$2')
    .replace(/&(?=#?\w+;)/g, '&amp;')
    .replace(/:\/\//g, ':\\/\\/')
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\\.`)
    .replace(/(?<=\w)@(?=\w)/g, '\\@')
    .replace(/\r?\n/g, ' ');
}

/** For text inside HTML tags (<summary>), where Markdown is not read but HTML is. */
const html = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A code span that holds any text, backticks included. */
function code(s: string): string {
  const ticks = '`'.repeat(Math.max(0, ...(s.match(/`+/g) ?? []).map((t) => t.length)) + 1);
  return /^`|`$/.test(s) ? `${ticks} ${s} ${ticks}` : `${ticks}${s}${ticks}`;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
