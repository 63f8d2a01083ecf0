// The "Changes since" view: a diff already filtered for one audience, as the partial shows it.
import { describe, expect, it } from 'vitest';
import type { DiffResult } from '../../diff/result.js';
import type { Kind } from '../../facts/kinds.js';
import { TAINT } from '../escape.js';
import { BRIEF_LINES } from './changes-brief.js';
import { type BriefLine, changesView } from './changes-view.js';

/** A short-form line without its taint (checked on its own below). */
const plain = ({ label, text }: BriefLine) => ({ label, text });

const empty: DiffResult = {
  from: 'HEAD~2',
  to: 'working tree',
  fromCommit: 'a'.repeat(40),
  toCommit: null,
  added: [],
  removed: [],
  renamed: [],
  changed: [],
};

const fact = (id: string, statement: string, extra: Record<string, unknown> = {}) => ({
  id,
  statement,
  status: 'alleged',
  sensitivity: 'public',
  ...extra,
});

/** The fact base being built: what `current` looks items up in. */
function current(items: Record<string, unknown>) {
  return (kind: Kind, id: string) => (kind === 'facts' ? items[id] : undefined);
}

describe('changesView', () => {
  it('puts status and sensitivity changes first and words each field for a reader', () => {
    const view = changesView(
      {
        ...empty,
        changed: [
          {
            kind: 'facts',
            id: 'f.figure',
            fields: [
              { path: 'value.number', from: 25000, to: 24000 },
              { path: 'tags', from: ['a', 'b'], to: ['a', 'c'], added: ['c'], removed: ['b'] },
              { path: 'sources[src.ft]', from: null, to: { source: 'src.ft' } },
              { path: 'date', from: null, to: '2026-06-10' },
            ],
          },
          { kind: 'facts', id: 'f.status', fields: [{ path: 'status', from: 'alleged', to: 'confirmed' }] },
        ],
      },
      {
        commit: { short: 'abc1234', date: '2026-06-24T09:00:00+02:00' },
        current: current({ 'f.figure': fact('f.figure', 'About 24,000 accounts.'), 'f.status': fact('f.status', 'It happened.') }),
      },
    );
    expect(view).toMatchObject({ since: 'HEAD~2', commit: 'abc1234', date: 'June 24, 2026', total: 2, withdrawn: 0 });
    expect(view.counts).toBe('1 status or sensitivity change, 1 revised');
    expect(view.called.map((e) => e.id)).toEqual(['f.status']);
    expect(view.changed[0]?.headline).toBe('About 24,000 accounts.');
    expect(view.changed[0]?.details.map((d) => `${d.field}: ${d.text}`)).toEqual([
      'value.number: 25,000 → 24,000',
      'tags: added c; removed b',
      'sources[src.ft]: added',
      'date: added: June 10, 2026',
    ]);
    expect(view.brief.lines.map(plain)).toEqual([
      { label: 'Now confirmed (was alleged)', text: 'It happened.' },
      { label: 'Figure revised (25,000 → 24,000)', text: 'About 24,000 accounts.' },
    ]);
  });

  it('shows a changed statement as before and after, without repeating it as the headline', () => {
    const before = 'The campaign ran from some point in April into June, by the reports’ various accounts of it.';
    const after = 'The campaign ran from late April to early June, by the reports’ various accounts of it.';
    const view = changesView(
      { ...empty, changed: [{ kind: 'facts', id: 'f.period', fields: [{ path: 'statement', from: before, to: after }] }] },
      { current: current({ 'f.period': fact('f.period', after) }) },
    );
    expect(view.changed[0]).toMatchObject({ headline: null, details: [{ field: 'statement', from: before, to: after, long: true }] });
    expect(view.brief.lines.map(plain)).toEqual([
      { label: 'Reworded', text: 'The campaign ran from late April to early June, by the reports’ various accounts of it.' },
    ]);
    expect(view.commit).toBeNull();
  });

  it('counts, but never names, items that left this audience’s view while still existing', () => {
    const hidden = fact('f.hidden', 'Now internal.');
    const view = changesView(
      {
        ...empty,
        removed: [
          { kind: 'facts', id: 'f.hidden', item: hidden },
          { kind: 'facts', id: 'f.deleted', item: fact('f.deleted', 'Gone for good.') },
        ],
      },
      { current: current({ 'f.hidden': { ...hidden, sensitivity: 'internal' } }) },
    );
    expect(view.removed.map((e) => e.id)).toEqual(['f.deleted']);
    expect(view.removed[0]).toMatchObject({ headline: 'Gone for good.', badges: 'alleged, public' });
    expect(view.withdrawn).toBe(1);
    expect(JSON.stringify(view)).not.toContain('f.hidden');
    expect(JSON.stringify(view)).not.toContain('Now internal.');
  });

  it('withholds a removed item whose text lives on in a fact the audience may not see (renamed and restricted at once)', () => {
    const old = fact('f.old', 'Staff think the figure is low.');
    const view = changesView(
      { ...empty, removed: [{ kind: 'facts', id: 'f.old', item: old }] },
      { current: () => undefined, hidden: (text) => text === 'Staff think the figure is low.' },
    );
    expect(view).toMatchObject({ removed: [], withdrawn: 1, total: 0 });
  });

  it(`cuts the short form at ${BRIEF_LINES} lines, the last one counting the rest`, () => {
    const many = Array.from({ length: 12 }, (_, i) => `f.${String(i).padStart(2, '0')}`);
    const items = Object.fromEntries(many.map((id) => [id, fact(id, `Statement ${id} ${'word '.repeat(40)}`)]));
    const view = changesView(
      { ...empty, added: many.map((id) => ({ kind: 'facts' as const, id, item: items[id] as never })) },
      { current: current(items) },
    );
    expect(view.added).toHaveLength(12);
    expect(view.brief.lines).toHaveLength(BRIEF_LINES - 1);
    expect(view.brief.more).toBe(12 - (BRIEF_LINES - 1));
    for (const line of view.brief.lines) expect((line.text ?? '').length).toBeLessThanOrEqual(100);
    expect(view.brief.lines[0]?.text).toMatch(/^Statement f\.00 word word .*word…$/);
  });

  it('keeps every line when they fit', () => {
    const ids = Array.from({ length: BRIEF_LINES }, (_, i) => `f.${i}`);
    const view = changesView(
      { ...empty, renamed: ids.map((id) => ({ kind: 'facts' as const, from: `${id}.old`, to: id })) },
      { current: () => undefined },
    );
    expect(view.brief.lines.map(plain)).toEqual(ids.map((id) => ({ label: 'Renamed fact', text: `${id}.old → ${id}` })));
    expect(view.brief.more).toBe(0);
  });

  it('gives every entry and line the sensitivity of its item, which its text carries into the template', () => {
    const view = changesView(
      {
        ...empty,
        added: [{ kind: 'facts', id: 'f.new', item: fact('f.new', 'Staff view.', { sensitivity: 'internal' }) }],
        changed: [{ kind: 'facts', id: 'f.pub', fields: [{ path: 'status', from: 'alleged', to: 'confirmed' }] }],
      },
      { current: current({ 'f.pub': fact('f.pub', 'It happened.') }) },
    );
    expect(view.added[0]?.[TAINT]).toEqual({ level: 'internal', what: 'the change to fact "f.new"' });
    expect(view.called[0]?.[TAINT]).toEqual({ level: 'public', what: 'the change to fact "f.pub"' });
    expect(view.brief.lines.map((l) => l[TAINT].level)).toEqual(['public', 'internal']);
  });
});
