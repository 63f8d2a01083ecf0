// How a source is named in a footnote: outlet, title, date — the three things a reader
// needs to find it. Returns Markdown with every fact-base string escaped.
import type { Source } from '../../facts/schema.js';
import { escapeMarkdown as md } from '../escape.js';
import { formatDate } from './format.js';

const KIND: Record<Source['kind'], string> = {
  news: 'News report',
  aggregator: 'News digest',
  letter: 'Letter',
  official: 'Official document',
  dataset: 'Dataset',
  other: 'Document',
};

/** "Reuters" / "via Reuters, Financial Times" / "outlet not named". */
export function outletOf(s: Source): string {
  if (s.publisher) return s.publisher;
  if (s.via.length > 0) return `via ${s.via.join(', ')}`;
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
