// Check dates in a diff: one line per re-checked item, in text, Markdown and the packets'
// "Changes since" view, instead of a field change per `checked:`.
import { describe, expect, it } from 'vitest';
import { emptyFactBase, type FactBase } from '../facts/factbase.js';
import { fact } from '../facts/schema.js';
import { TAINT, UNTAINTED } from '../render/escape.js';
import { changesView } from '../render/template/changes-view.js';
import { compareItems } from './compare.js';
import { formatMarkdown } from './format-md.js';
import { formatText } from './format-text.js';
import { lastCheckIn } from './rechecks.js';
import type { DiffResult } from './result.js';

const F = (id: string, extra: Record<string, unknown> = {}) =>
  fact.parse({
    id,
    statement: `Statement of ${id}.`,
    status: 'reported',
    sensitivity: 'public',
    sources: [{ source: 's.a' }, { source: 's.b' }],
    ...extra,
  });

function base(...items: ReturnType<typeof F>[]): FactBase {
  const fb = emptyFactBase();
  for (const f of items) fb.facts.set(f.id, f);
  return fb;
}

const before = base(
  F('f.checked', { checked: '2026-06-20' }),
  F('f.cites', {
    sources: [
      { source: 's.a', checked: '2026-06-01' },
      { source: 's.b', checked: '2026-06-20' },
    ],
  }),
  F('f.edited', { checked: '2026-06-20' }),
  F('f.new-check'),
);
const after = base(
  F('f.checked', { checked: '2026-06-24' }),
  F('f.cites', {
    sources: [
      { source: 's.a', checked: '2026-06-24' },
      { source: 's.b', checked: '2026-06-24' },
    ],
  }),
  F('f.edited', { checked: '2026-06-24', statement: 'Reworded after the check.' }),
  F('f.new-check', { checked: '2026-06-24' }),
);
const result: DiffResult = { from: 'HEAD~1', to: 'working tree', fromCommit: null, toCommit: null, ...compareItems(before, after) };

describe('re-checks in a diff', () => {
  it('summarise an item’s check dates as its last check before and after; JSON keeps every field', () => {
    const byId = Object.fromEntries(result.changed.map((c) => [c.id, c]));
    expect(byId['f.cites']?.rechecked).toEqual({ from: '2026-06-20', to: '2026-06-24' });
    expect(byId['f.cites']?.fields.map((f) => f.path)).toEqual(['sources[s.a].checked', 'sources[s.b].checked']);
    expect(byId['f.new-check']?.rechecked).toEqual({ from: null, to: '2026-06-24' });
    expect(lastCheckIn({ checked: '2026-06-01', variants: [{ sources: [{ source: 'x', checked: '2026-06-30' }] }] })).toBe('2026-06-30');
  });

  it('take one line per item in text, the other fields as before', () => {
    expect(formatText(result)).toBe(
      [
        'HEAD~1 → working tree: 1 changed, 3 re-checked',
        '~ fact f.checked: re-checked 2026-06-20 → 2026-06-24',
        '~ fact f.cites: re-checked 2026-06-20 → 2026-06-24',
        '~ fact f.edited',
        '    statement: Statement of f.edited. → Reworded after the check.',
        '    re-checked 2026-06-20 → 2026-06-24',
        '~ fact f.new-check: checked 2026-06-24 (no check recorded before)',
        '',
      ].join('\n'),
    );
  });

  it('get a list of their own in Markdown', () => {
    const md = formatMarkdown(result);
    expect(md).toContain('**1 changed, 3 re-checked.**');
    expect(md).toContain(
      [
        '### Re-checked (3)',
        '',
        '- fact `f.checked`: re-checked 2026-06-20 → 2026-06-24',
        '- fact `f.cites`: re-checked 2026-06-20 → 2026-06-24',
        '- fact `f.new-check`: checked 2026-06-24 (no check recorded before)',
      ].join('\n'),
    );
    expect(md).toContain('<summary>fact <code>f.edited</code>: <code>statement</code>, <code>checked</code></summary>');
    expect(md).toContain('- re-checked 2026-06-20 → 2026-06-24\n');
    expect(md).not.toContain('sources[s.a].checked');
  });

  it('are one line each in a packet’s "Changes since", and one line in all in its short form', () => {
    const view = changesView(result, { current: (kind, id) => (kind === 'facts' ? after.facts.get(id) : undefined) });
    // Each line carries its item's sensitivity into the template (the leak guard's taint).
    const taint = (id: string) => ({ level: 'public', what: `the change to fact "${id}"` });
    expect(view.rechecked).toEqual([
      { [TAINT]: taint('f.checked'), kind: 'facts', noun: 'fact', id: 'f.checked', text: 're-checked June 20, 2026 → June 24, 2026' },
      { [TAINT]: taint('f.cites'), kind: 'facts', noun: 'fact', id: 'f.cites', text: 're-checked June 20, 2026 → June 24, 2026' },
      { [TAINT]: taint('f.new-check'), kind: 'facts', noun: 'fact', id: 'f.new-check', text: 'checked June 24, 2026' },
    ]);
    expect(view.changed.map((e) => [e.id, e.details.map((d) => `${d.field}: ${d.text}`)])).toEqual([
      ['f.edited', ['statement: Statement of f.edited. → Reworded after the check.', 'checked: re-checked June 20, 2026 → June 24, 2026']],
    ]);
    expect(view.counts).toBe('1 revised, 3 re-checked');
    expect(view.brief.lines.at(-1)).toEqual({ [TAINT]: UNTAINTED, label: 'Re-checked: 3 items', text: 'no wording changed' });
  });
});
