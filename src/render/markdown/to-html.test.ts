// Markdown → HTML: footnotes, heading ids, layout regions, and that nothing from a fact
// can become markup (escapeMarkdown + the renderer's own refusals).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INJECTION } from '../../../test/fixtures/render.js';
import { escapeMarkdown, escapeMarkdownFully, htmlText } from '../escape.js';
import { headingsOf, markdownToHtml, safeHref } from './to-html.js';

describe('markdownToHtml', () => {
  it('renders GFM tables and numbered footnotes with links both ways', () => {
    const html = markdownToHtml('| A | B |\n|:--|:--|\n| x[^1] | y |\n\nText.[^2][^1]\n\n## Notes\n\n[^1]: First.\n[^2]: Second.\n');
    expect(html).toContain('<thead>');
    expect(html).toContain('<sup class="fnref"><a href="#fn-1" id="fnref-1">1</a></sup>');
    expect(html).toContain(
      '<sup class="fnref"><a href="#fn-2" id="fnref-2">2</a></sup><sup class="fnref-sep">,</sup><sup class="fnref"><a href="#fn-1">1</a></sup>',
    );
    expect(html).toMatch(
      /<section class="footnotes" role="doc-endnotes"><ol>\n<li id="fn-1" value="1">First\.<\/li>\n<li id="fn-2" value="2">Second\.<\/li>/,
    );
  });

  it('gives headings GitHub-style ids, unique in document order', () => {
    const md = "# Title\n\n## Who's who\n\n## Who's who\n\n### A *b* c\n";
    expect(headingsOf(md).map((h) => h.id)).toEqual(['title', 'whos-who', 'whos-who-1', 'a-b-c']);
    expect(markdownToHtml(md)).toContain('<h2 id="whos-who-1">');
  });

  it('finds the headings the HTML has, with their ids and texts, around tables of any shape', () => {
    // headingsOf reads tables without their rows (heading-tables.ts): what is a table, and
    // where it ends, must be as the full render decides.
    const shapes =
      '| A | B |;|:--|--:|;|--|;| x | y | z |;a | b;--|--;| *c* |;## H *e*;# T;### Deep;Setext;===;---;;> quote;- item;1. one;    code;```;<div>;plain `tick;| \\| |; |:-:|;## A [link](https://x.test/) &amp; `code`[^1];- ## In a list;> # Quoted _em_;[^1]: Note.';
    const line = fc.constantFrom(...shapes.split(';'));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 14 }), (lines) => {
        const md = `${lines.join('\n')}\n`;
        // The texts the render collects (a packet's PDF bookmark titles) are headingsOf's too.
        const texts: string[] = [];
        const html = [...markdownToHtml(md, texts).matchAll(/<h([1-6]) id="([^"]*)">/g)].map(([, d, id]) => `${d} ${id}`);
        const found = headingsOf(md);
        expect(found.map((h) => `${h.depth} ${h.id}`)).toEqual(html);
        expect(texts).toEqual(found.map((h) => h.plain));
      }),
      { numRuns: 2000 },
    );
  });

  it('turns our layout markers into sections and drops other comments', () => {
    const html = markdownToHtml('<!-- begin:bluf -->\n\nText\n\n<!-- end:bluf -->\n\n<!-- a note -->\n\n<!-- pagebreak -->\n');
    expect(html).toContain('<section class="bluf">\n<p>Text</p>\n</section>');
    expect(html).toContain('<div class="page-break"></div>');
    expect(html).not.toContain('a note');
  });

  it('shows raw HTML as text instead of running it, block or inline', () => {
    const html = markdownToHtml('<script>alert(1)</script>\n\nHi <img src=x onerror=alert(1)> there <b>b</b>\n');
    expect(html).not.toMatch(/<script|<img|<b>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(htmlText(html)).toContain('Hi <img src=x onerror=alert(1)> there <b>b</b>');
  });

  it('lets no template or partial text close the page’s elements or add ones that fetch', () => {
    const html = markdownToHtml(
      '</style></main><link rel="preconnect" href="http://127.0.0.1:9/">\n\nText <meta http-equiv="refresh" content="0;url=http://x/"> <base href="http://x/"> <iframe src="http://x/"></iframe>\n',
    );
    expect(html).not.toMatch(/<\/style|<\/main|<link|<meta|<base|<iframe/);
    expect(htmlText(html)).toContain('</style></main><link rel="preconnect" href="http://127.0.0.1:9/">');
  });

  it('keeps only http(s) and #anchor links; images become their alt text', () => {
    const html = markdownToHtml(
      '[a](javascript:alert(1)) [b](file:///etc/passwd) [c](https://example.com/x) [d](#sec) [e](data:text/html,hi) ![alt](https://x/y.png)',
    );
    expect(html).toContain('a b <a href="https://example.com/x">c</a> <a href="#sec">d</a> e alt');
    expect(html).not.toMatch(/javascript:|file:|data:|<img/);
    expect(safeHref('JAVASCRIPT:alert(1)')).toBeUndefined();
    expect(safeHref('#ok-1')).toBe('#ok-1');
  });
});

describe('escapeMarkdown', () => {
  it('makes an injection attempt inert and shows it verbatim', () => {
    const html = markdownToHtml(`- ${escapeMarkdown(INJECTION)}\n`);
    expect(html).not.toMatch(/<script|<img|<b>|<strong>|<a |href=|javascript:alert\(2\)"|fnref/);
    expect(htmlText(html).trim()).toBe(INJECTION);
  });

  it.each([
    ['# heading', '<p># heading</p>'],
    ['1. list', '<p>1. list</p>'],
    ['- item', '<p>- item</p>'],
    ['> quote', '<p>&gt; quote</p>'],
    ['a | b', '<p>a | b</p>'],
    ['&amp; stays', '<p>&amp;amp; stays</p>'],
    ['mail me@example.com', '<p>mail me@example.com</p>'],
    ['www.example.com', '<p>www.example.com</p>'],
    ['ends with #', '<p>ends with #</p>'],
  ])('%s stays text', (input, html) => {
    expect(markdownToHtml(escapeMarkdown(input)).trim()).toBe(html);
  });

  it('takes its shortcut only for text the full escaping leaves as it is', () => {
    const unit = fc.constantFrom(...'aZé 19#*_[]()<>!|`~&;:/@.-=+\\^"\'\n\t\u00a0\u0000w'.split(''));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), (s) => {
        expect(escapeMarkdown(s)).toBe(escapeMarkdownFully(s));
      }),
      { numRuns: 3000 },
    );
    for (const s of ['Plain words, with commas; colons: and 12 figures.', 'see www.x.org', 'a https://x', '3. item', 'x  y', ' lead']) {
      expect(escapeMarkdown(s)).toBe(escapeMarkdownFully(s));
    }
  });

  it('round-trips any text: the HTML shows exactly the characters, never markup', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ab 1#*_[]()<>!|`~&;:/@.-=+\\^"\'\n'.split('')), maxLength: 40 }), (s) => {
        const html = markdownToHtml(escapeMarkdown(s));
        const expected = s.replace(/\s+/g, ' ').trim();
        expect(html).not.toMatch(/<(?!\/?p>)/);
        expect(htmlText(html).trim()).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});
