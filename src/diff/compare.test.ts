import { describe, expect, it } from 'vitest';
import { emptyFactBase, type FactBase } from '../facts/factbase.js';
import { fact, source } from '../facts/schema.js';
import { compareItems } from './compare.js';

const F = (extra: Record<string, unknown> = {}) =>
  fact.parse({ id: 'f', statement: 'Operators used about 25,000 accounts.', status: 'alleged', sensitivity: 'public', ...extra });

function base(...items: ReturnType<typeof fact.parse>[]): FactBase {
  const fb = emptyFactBase();
  for (const f of items) fb.facts.set(f.id, f);
  return fb;
}

describe('compareItems', () => {
  it.each([
    [
      'a figure',
      { value: { number: 1, unit: 'accounts' } },
      { value: { number: 2, unit: 'accounts' } },
      [{ path: 'value.number', from: 1, to: 2 }],
    ],
    ['a value added', {}, { value: { number: 2, unit: 'accounts' } }, [{ path: 'value', from: null, to: { number: 2, unit: 'accounts' } }]],
    [
      'a period end',
      { period: { from: '2026-04' } },
      { period: { from: '2026-04', to: '2026-06' } },
      [{ path: 'period.to', from: null, to: '2026-06' }],
    ],
    [
      'the second citation of one source',
      { sources: [{ source: 's' }, { source: 's', quote: 'a' }] },
      { sources: [{ source: 's' }, { source: 's', quote: 'b' }] },
      [{ path: 'sources[s (2)].quote', from: 'a', to: 'b' }],
    ],
    [
      'a variant without an id, keyed by its statement',
      { variants: [{ statement: 'Old.', sources: [{ source: 's' }] }] },
      { variants: [{ statement: 'New.', sources: [{ source: 's' }] }] },
      [
        { path: 'variants[#295f19e4]', from: { statement: 'Old.', sources: [{ source: 's' }] }, to: null },
        { path: 'variants[#558a7268]', from: null, to: { statement: 'New.', sources: [{ source: 's' }] } },
      ],
    ],
    [
      'a quote inside a variant',
      { variants: [{ id: 'v', statement: 'V.', sources: [{ source: 's', quote: 'x' }] }] },
      { variants: [{ id: 'v', statement: 'V.', sources: [{ source: 's', quote: 'y' }] }] },
      [{ path: 'variants[v].sources[s].quote', from: 'x', to: 'y' }],
    ],
    [
      'entities as a set',
      { entities: ['a', 'b'] },
      { entities: ['b', 'c'] },
      [{ path: 'entities', from: ['a', 'b'], to: ['b', 'c'], added: ['c'], removed: ['a'] }],
    ],
    [
      'sensitivity and status before the rest',
      { note: 'x' },
      { note: 'y', sensitivity: 'internal', status: 'confirmed' },
      [
        { path: 'status', from: 'alleged', to: 'confirmed' },
        { path: 'sensitivity', from: 'public', to: 'internal' },
        { path: 'note', from: 'x', to: 'y' },
      ],
    ],
  ])('reports %s at its path', (_, before, after, fields) => {
    const r = compareItems(base(F(before)), base(F(after)));
    expect(r.changed).toEqual([{ kind: 'facts', id: 'f', fields }]);
  });

  it.each([
    ['reordered tags', { tags: ['a', 'b'] }, { tags: ['b', 'a'] }],
    [
      'reordered citations',
      { sources: [{ source: 'a' }, { source: 'b', quote: 'q' }] },
      { sources: [{ source: 'b', quote: 'q' }, { source: 'a' }] },
    ],
    ['a repeated tag', { tags: ['a'] }, { tags: ['a', 'a'] }],
  ])('sees no change in %s', (_, before, after) => {
    expect(compareItems(base(F(before)), base(F(after))).changed).toEqual([]);
  });

  it('ignores notes when redacting for an audience below internal', () => {
    const r = compareItems(base(F({ note: 'x' })), base(F({ note: 'y' })), { redact: true });
    expect(r.changed).toEqual([]);
    const added = compareItems(base(), base(F({ note: 'secret', sources: [{ source: 's', note: 'also secret' }] })), { redact: true });
    expect(JSON.stringify(added)).not.toContain('secret');
  });

  it('pairs renames one to one and leaves the rest as added and removed', () => {
    const a = base(F({ id: 'x' }), F({ id: 'y' }));
    const b = base(F({ id: 'x2' }), F({ id: 'y2' }), F({ id: 'z', statement: 'Other.' }));
    const r = compareItems(a, b);
    expect(r.renamed).toHaveLength(2);
    expect(r.renamed.map((e) => e.from).sort()).toEqual(['x', 'y']);
    expect(r.added.map((e) => e.id)).toEqual(['z']);
    expect(r.removed).toEqual([]);
  });

  it('compares every kind, and only the kinds asked for', () => {
    const a = emptyFactBase();
    const b = emptyFactBase();
    a.sources.set('s', source.parse({ id: 's', title: 'One' }));
    b.sources.set('s', source.parse({ id: 's', title: 'Two' }));
    expect(compareItems(a, b).changed).toEqual([{ kind: 'sources', id: 's', fields: [{ path: 'title', from: 'One', to: 'Two' }] }]);
    expect(compareItems(a, b, { kinds: ['facts'] }).changed).toEqual([]);
  });
});
