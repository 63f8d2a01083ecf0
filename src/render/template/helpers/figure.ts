// {{timelineFigure}}: the timeline drawn as a figure (template/timeline-svg.ts). The
// Markdown (and so the Word file) gets a caption and a Date | Event table; the HTML and
// PDF get the SVG in its place (placeFigures). The SVG is kept on the render's state, never
// in the Markdown, so no text in a template or the fact base can stand in for it.
import { eventInterval } from '../../../facts/item-dates.js';
import { escapeMarkdown as md } from '../../escape.js';
import { formatRange } from '../format.js';
import type { RenderState } from '../state.js';
import { FIGURE_KEY, timelineSvg } from '../timeline-svg.js';
import { type Helper, safe, split } from './args.js';
import { timelineEvents } from './lists.js';

export function figureHelpers(s: RenderState): Record<string, Helper> {
  return {
    /** {{timelineFigure [tag="letter"] [all=true] [limit=N] [table=false]}}: the events as an SVG figure; table=false leaves the Markdown only the caption. */
    timelineFigure: (...args) => {
      const [, o] = split(args);
      const rows = timelineEvents(s, o).map((e) => {
        s.holdItem('events', e);
        return { when: formatRange(e.date, e.end, true, true), title: e.title, interval: eventInterval(e) };
      });
      const svg = timelineSvg(rows, `Timeline of ${rows.length} dated events`);
      if (!svg) return safe('*No dated events.*');
      s.figures.push(svg);
      const n = s.figures.length;
      const table =
        o.hash.table === false ? [] : ['', '| Date | Event |', '|:--|:--|', ...rows.map((r) => `| ${md(r.when)} | ${md(r.title)} |`)];
      const caption = `*Figure ${n}. Timeline of ${rows.length} dated events. ${md(FIGURE_KEY)}*`;
      return safe([`<!-- begin:timeline-figure-${n} -->`, '', caption, ...table, '', `<!-- end:timeline-figure-${n} -->`, ''].join('\n'));
    },
  };
}
