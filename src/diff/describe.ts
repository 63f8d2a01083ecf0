// Shared wording for the text and Markdown formats.
import type { Kind } from '../facts/kinds.js';
import { SINGULAR } from '../facts/kinds.js';
import type { Canon } from './canonical.js';
import { isRow } from './canonical.js';
import { onlyRechecked } from './rechecks.js';
import type { DiffResult } from './result.js';

export const noun = (kind: Kind) => SINGULAR[kind];

/** The line a reader recognises an item by: a fact's statement, a source's title… */
export function headline(kind: Kind, item: Canon): string {
  if (!isRow(item)) return '';
  const s = (k: string) => (typeof item[k] === 'string' ? (item[k] as string) : '');
  switch (kind) {
    case 'facts':
      return s('statement');
    case 'sources':
      return s('title');
    case 'entities':
      return s('name');
    case 'events':
      return [s('date'), s('title')].filter(Boolean).join(' ');
    case 'questions':
      return s('question');
    case 'glossary':
      return s('term');
    case 'analysis':
      return s('text');
  }
}

/** Status and sensitivity, for items that carry them. */
export function badges(item: Canon): string[] {
  if (!isRow(item)) return [];
  return [item.status, item.sensitivity].filter((v): v is string => typeof v === 'string');
}

export function summary(r: DiffResult): string {
  // Items whose only change is a check date are counted apart: they were looked at, not edited.
  const rechecked = r.changed.filter(onlyRechecked).length;
  const parts = [
    [r.changed.length - rechecked, 'changed'],
    [rechecked, 're-checked'],
    [r.added.length, 'added'],
    [r.removed.length, 'removed'],
    [r.renamed.length, 'renamed'],
  ] as const;
  const counted = parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  return counted.length ? counted.join(', ') : 'no changes';
}

/** A value on one line: plain words as they are, anything else as JSON-ish. */
export function inline(v: Canon): string {
  if (v === null) return '(none)';
  if (typeof v === 'string') return /^[\p{L}\p{N}][\p{L}\p{N} .,:;/@()\u2019'_-]*$/u.test(v) && !/\s$/.test(v) ? v : JSON.stringify(v);
  if (typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return `[${v.map(inline).join(', ')}]`;
  return `{${Object.entries(v)
    .map(([k, x]) => `${k}: ${inline(x)}`)
    .join(', ')}}`;
}

/** Long or multi-line text reads better as a before/after pair of lines than inline. */
export const isLongText = (a: Canon, b: Canon) =>
  (typeof a === 'string' || a === null) && (typeof b === 'string' || b === null) && (a ?? '').length + (b ?? '').length > 80;
