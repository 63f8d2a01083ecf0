import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { formatMarkdown } from './format-md.js';
import type { DiffResult } from './result.js';

const result = (over: Partial<DiffResult>): DiffResult => ({
  from: 'main',
  to: 'working tree',
  fromCommit: null,
  toCommit: null,
  added: [],
  removed: [],
  renamed: [],
  changed: [],
  ...over,
});

describe('formatMarkdown (pull-request comment)', () => {
  it('escapes fact text so it cannot add HTML, links, emphasis or table cells, and cannot leave its <details>', () => {
    const hostile = '</details><script>x()</script> [click](https://evil.example) *bold* a|b www.evil.example me@evil.example\n# heading';
    const md = formatMarkdown(
      result({
        added: [
          { kind: 'facts', id: 'campaign.x', item: { id: 'campaign.x', statement: hostile, status: 'alleged', sensitivity: 'public' } },
        ],
        changed: [{ kind: 'facts', id: 'campaign.y', fields: [{ path: 'status', from: 'alleged', to: hostile }] }],
      }),
    );
    // Rendered as GitHub-flavoured Markdown, the text stays text.
    const html = new Marked({ gfm: true }).parse(md) as string;
    expect(html).not.toMatch(/<script|<a |<em>|<h1|<\/details><script/);
    expect(html).toContain('&lt;/details&gt;&lt;script&gt;x()&lt;/script&gt; [click](https://evil.example) *bold* a|b');
    expect(html.match(/<details>/g)).toHaveLength(2);
    expect(html.match(/<\/details>/g)).toHaveLength(2);
    // The table row keeps its four cells: the pipe in the text does not open a fifth.
    const row = /<tr>\s*<td[^>]*>fact <code>campaign.y<\/code><\/td>[\s\S]*?<\/tr>/.exec(html)?.[0] ?? '';
    expect(row.match(/<td/g)).toHaveLength(4);
  });

  it('lists status and sensitivity changes first, and says so in the summary', () => {
    const md = formatMarkdown(
      result({
        changed: [
          { kind: 'facts', id: 'b', fields: [{ path: 'sensitivity', from: 'public', to: 'internal' }] },
          { kind: 'events', id: 'e', fields: [{ path: 'title', from: 'Old', to: 'New' }] },
        ],
        renamed: [{ kind: 'facts', from: 'a', to: 'a2' }],
      }),
    );
    expect(md).toContain('**2 changed, 1 renamed.** 1 sensitivity change.');
    expect(md.indexOf('### Status and sensitivity')).toBeLessThan(md.indexOf('### Changed (2)'));
    expect(md).toContain('| fact `b` | sensitivity | public | **internal** |');
    expect(md).toContain('### Renamed (1)\n\n- fact `a` → `a2`');
  });

  it('says when nothing changed', () => {
    expect(formatMarkdown(result({}))).toBe('<!-- briefbook diff -->\n## Fact base changes: `main` → `working tree`\n\n**No changes.**\n');
  });
});
