// The timeline as a figure: an SVG drawn from dated events, each at the days it can be on.
// A known day is a dot; something that lasted (a span) is a solid bar; a date known only
// within a range (a month, "early June", "between A and B", "about") is a pale bar over
// every day it may be; a date with no later (or earlier) bound runs to the edge, dashed.
// Every text is escaped; the SVG has no script, no link and no outside reference, so
// nothing from the fact base can run or fetch anything.

import { type DateInterval, dayNumber, isoDay } from '../../util/dates.js';
import { escapeHtml } from '../escape.js';

export interface FigureRow {
  /** The date in words ("June 2026 (day not reported)"). */
  when: string;
  title: string;
  interval: DateInterval;
}

const WIDTH = 680;
const CHART = { left: 8, right: 236 };
const TEXT_X = 248;
const LINE = 11;
const TOP = 34;
const MONTHS = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

/** Words into lines of at most `max` characters (a longer word stands alone). */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}

type Shape = 'day' | 'span' | 'range';

function shapeOf(i: DateInterval): Shape {
  if (i.form === 'span') return 'span';
  return i.earliest !== undefined && i.earliest === i.latest ? 'day' : 'range';
}

/** First day of the month of `day`, and of the month after `day`'s. */
const monthStart = (day: string) => dayNumber(`${day.slice(0, 7)}-01`);
function nextMonthStart(day: string): number {
  const y = +day.slice(0, 4);
  const m = +day.slice(5, 7);
  return dayNumber(`${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01`);
}

/** The SVG of `rows` (in timeline order), or '' when none has a bounded day. */
export function timelineSvg(rows: readonly FigureRow[], caption: string): string {
  const days = rows.flatMap((r) => [r.interval.earliest, r.interval.latest]).filter((d): d is string => d !== undefined);
  if (days.length === 0) return '';
  days.sort();
  const start = monthStart(days[0]!);
  const end = nextMonthStart(days.at(-1)!);
  const x = (n: number) => CHART.left + ((n - start) / Math.max(1, end - start)) * (CHART.right - CHART.left);
  const parts: string[] = [];
  // Month ticks along the top.
  for (let n = start; n < end; n = nextMonthStart(isoDay(n))) {
    const iso = isoDay(n);
    const label = `${MONTHS[+iso.slice(5, 7) - 1]}${iso.slice(5, 7) === '01' || n === start ? ` ${iso.slice(0, 4)}` : ''}`;
    parts.push(`<line class="tick" x1="${x(n).toFixed(1)}" y1="${TOP - 10}" x2="${x(n).toFixed(1)}" y2="{{BOTTOM}}"/>`);
    parts.push(`<text class="month" x="${(x(n) + 2).toFixed(1)}" y="${TOP - 14}">${escapeHtml(label)}</text>`);
  }
  let y = TOP;
  for (const r of rows) {
    const lines = [r.when, ...wrap(r.title, 96)];
    const mid = y + 4;
    parts.push(marker(r.interval, mid, x, start, end));
    parts.push(
      `<text class="label" x="${TEXT_X}" y="${y + 7}">${lines
        .map((l, i) => `<tspan x="${TEXT_X}" dy="${i === 0 ? 0 : LINE}"${i === 0 ? ' class="when"' : ''}>${escapeHtml(l)}</tspan>`)
        .join('')}</text>`,
    );
    y += lines.length * LINE + 6;
    parts.push(`<line class="row" x1="${CHART.left}" y1="${y - 3}" x2="${WIDTH - 4}" y2="${y - 3}"/>`);
  }
  const height = y + 4;
  const body = parts
    .join('\n')
    .split('{{BOTTOM}}')
    .join(String(height - 6));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="timeline-svg" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="${escapeHtml(caption)}">`,
    `<title>${escapeHtml(caption)}</title>`,
    STYLE,
    body,
    '</svg>',
  ].join('\n');
}

function marker(i: DateInterval, mid: number, x: (n: number) => number, start: number, end: number): string {
  const shape = shapeOf(i);
  const from = i.earliest === undefined ? undefined : dayNumber(i.earliest);
  const to = i.latest === undefined ? undefined : dayNumber(i.latest) + 1;
  if (shape === 'day' && from !== undefined) return `<circle class="day" cx="${x(from + 0.5).toFixed(1)}" cy="${mid}" r="3.2"/>`;
  // Open at one end: a dashed line to the edge of the chart from the bound that is known.
  if (from === undefined || to === undefined) {
    const a = x(from ?? start);
    const b = x(to ?? end);
    const dot = from !== undefined ? a : b;
    return `<line class="open" x1="${a.toFixed(1)}" y1="${mid}" x2="${b.toFixed(1)}" y2="${mid}"/><circle class="bound" cx="${dot.toFixed(1)}" cy="${mid}" r="2.4"/>`;
  }
  const w = Math.max(2, x(to) - x(from));
  return `<rect class="${shape}" x="${x(from).toFixed(1)}" y="${mid - 3.5}" width="${w.toFixed(1)}" height="7" rx="1.5"/>`;
}

// Styles inside the SVG, so the figure looks the same wherever it is shown.
const STYLE = `<style>
text { font-family: "Liberation Sans", "Noto Sans", Arial, sans-serif; font-size: 8.5px; fill: #1a1a1a; }
.month { font-size: 8px; fill: #555; }
.when { font-weight: bold; fill: #1f3a5f; }
.tick { stroke: #d0d4da; stroke-width: 0.6; }
.row { stroke: #e4e6ea; stroke-width: 0.5; }
.day, .bound { fill: #1f3a5f; }
.span { fill: #1f3a5f; }
.range { fill: #b9c6d8; stroke: #1f3a5f; stroke-width: 0.6; stroke-dasharray: 2 1.5; }
.open { stroke: #1f3a5f; stroke-width: 1.4; stroke-dasharray: 3 2; }
</style>`;

/** The key to the marks, for the figure's caption. */
export const FIGURE_KEY =
  'A dot is a known day; a solid bar, something that lasted; a pale bar, a date known only within that range; a dashed line, a date with no bound on that side.';

/**
 * The HTML body with each `timeline-figure-N` region (caption and fallback table, from the
 * Markdown) replaced by figure N's SVG and the caption. A region with no figure N is left.
 */
export function placeFigures(html: string, figures: readonly string[]): string {
  if (figures.length === 0) return html;
  return html.replace(/<section class="timeline-figure-(\d+)">\n([\s\S]*?)<\/section>\n?/g, (all, n: string, inner: string) => {
    const svg = figures[Number(n) - 1];
    if (!svg) return all;
    const caption = /<p><em>([\s\S]*?)<\/em><\/p>/.exec(inner)?.[1] ?? '';
    return `<figure class="timeline-figure">\n${svg}\n<figcaption>${caption}</figcaption>\n</figure>\n`;
  });
}
