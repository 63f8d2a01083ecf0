// How a source is named in a footnote: outlet, title, date — the three things a reader
// needs to find it. Returns Markdown with every fact-base string escaped.
import type { Source } from '../../facts/schema.js';
import { escapeMarkdown as md } from '../escape.js';
import { formatDate } from './format.js';

const KIND: Record<Source['kind'], string> = {
  news: 'News report',
  aggregator: 'News digest',
  forum: 'Forum thread',
  letter: 'Letter',
  statement: 'Statement',
  official: 'Official document',
  briefing: 'Briefing',
  dataset: 'Dataset',
  other: 'Document',
};

/**
 * "Reuters" / "outlet not named" / "news digest, outlet not named". Whom a report credits
 * is said per claim (provenance-text.ts), never here: a report that draws on Reuters for
 * one claim may speak for itself in the next.
 */
export function outletOf(s: Source): string {
  if (s.publisher) return s.publisher;
  return s.kind === 'news' ? 'outlet not named' : `${KIND[s.kind].toLowerCase()}, outlet not named`;
}

/** Only http(s) links ever reach the output; the schema already refuses others. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\//i.test(url) || !URL.canParse(url)) return undefined;
  return new URL(url).href.replace(/[()<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** “Title” (outlet, date) — with the title linked when the source has a URL. */
export function sourceReference(s: Source): string {
  const url = safeUrl(s.url);
  const title = url ? `[${md(s.title)}](${url})` : `“${md(s.title)}”`;
  return `${title} (${md(outletOf(s))}, ${s.date ? formatDate(s.date) : 'undated'})`;
}
