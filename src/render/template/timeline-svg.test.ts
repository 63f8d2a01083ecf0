import { describe, expect, it } from 'vitest';
import { parseDate } from '../../util/dates.js';
import { placeFigures, timelineSvg, wrap } from './timeline-svg.js';

const row = (date: string, title = 'An event') => ({ when: date, title, interval: parseDate(date) });

describe('timelineSvg', () => {
  it('escapes every text and carries no script, link or outside reference', () => {
    const svg = timelineSvg([row('2026-06-10', '<script>alert(1)</script> & "quotes" \u2014 <a href="x">')], 'Caption <b>');
    // The markup alone (texts taken out): no script element, link, handler or outside reference.
    const markup = svg.replace(/>[^<]*</g, '><');
    expect(markup).not.toMatch(/<script|<a |href=|url\(|\son[a-z]+=/i);
    expect(
      svg.match(/<[a-z]+/g)?.filter((t) => !['<svg', '<title', '<style', '<line', '<text', '<tspan', '<circle', '<rect'].includes(t)),
    ).toEqual([]);
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
    expect(svg).toContain('aria-label="Caption &lt;b&gt;"');
  });

  it('draws a known day as a dot, a span as a solid bar, a date within a range as a pale bar, an open bound dashed', () => {
    const svg = timelineSvg([row('2026-06-10'), row('late 2026-04 .. early 2026-06'), row('2026-06'), row('after 2026-06-10')], 'T');
    expect(svg).toMatch(/<circle class="day"/);
    expect(svg).toMatch(/<rect class="span"/);
    expect(svg).toMatch(/<rect class="range"/);
    expect(svg).toMatch(/<line class="open"/);
  });

  it('places a date within its month: June 10 right of the June tick, left of its end', () => {
    const svg = timelineSvg([row('2026-06-10'), row('2026-04')], 'T');
    const cx = Number(/<circle class="day" cx="([\d.]+)"/.exec(svg)?.[1]);
    const june = Number(/<line class="tick" x1="([\d.]+)"[^>]*\/>\n<text class="month"[^>]*>June</.exec(svg)?.[1]);
    expect(cx).toBeGreaterThan(june);
    expect(cx).toBeLessThan(236);
  });

  it('draws nothing when no row has a bounded day', () => {
    expect(timelineSvg([], 'T')).toBe('');
  });
});

describe('wrap', () => {
  it('breaks at spaces within the width, a longer word on its own line', () => {
    expect(wrap('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrap('averyveryverylongword x', 5)).toEqual(['averyveryverylongword', 'x']);
  });
});

describe('placeFigures', () => {
  it("replaces a figure's region with its SVG and caption, and leaves a region with no figure", () => {
    const html =
      '<section class="timeline-figure-1">\n<p><em>Figure 1. Cap</em></p>\n<table></table>\n</section>\n<section class="timeline-figure-2">\n<p>x</p>\n</section>\n';
    const out = placeFigures(html, ['<svg class="timeline-svg"></svg>']);
    expect(out).toContain('<figure class="timeline-figure">\n<svg class="timeline-svg"></svg>\n<figcaption>Figure 1. Cap</figcaption>');
    expect(out).not.toContain('<table>');
    expect(out).toContain('<section class="timeline-figure-2">');
  });
});
