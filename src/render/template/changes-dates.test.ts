// A date revised since the last packet, as "Changes since" says it: in words, in both forms.
import { describe, expect, it } from 'vitest';
import { compareItems } from '../../diff/compare.js';
import { emptyFactBase } from '../../facts/factbase.js';
import { fact } from '../../facts/schema.js';
import { TAINT } from '../escape.js';
import { changesView } from './changes-view.js';

const F = (date: string, period?: Record<string, string>) =>
  fact.parse({ id: 'f.when', statement: 'Commerce restricted the models.', status: 'reported', sensitivity: 'public', date, period });

describe('dates in "Changes since"', () => {
  it('words a revised date and period, and labels the short form with the date', () => {
    const [a, b] = [emptyFactBase(), emptyFactBase()];
    a.facts.set('f.when', F('2026-06', { from: '2026-04' }));
    b.facts.set('f.when', F('after 2026-06-10', { from: 'late 2026-04' }));
    const view = changesView(
      { from: 'HEAD~1', to: 'working tree', fromCommit: null, toCommit: null, ...compareItems(a, b) },
      { current: (_, id) => b.facts.get(id) },
    );
    expect(view.changed[0]?.details.map((d) => `${d.field}: ${d.text}`)).toEqual([
      'date: June 2026 → after June 10, 2026',
      'period.from: April 2026 → late April 2026',
    ]);
    expect(view.brief.lines).toEqual([
      {
        [TAINT]: { level: 'public', what: 'the change to fact "f.when"' },
        label: 'Date revised (June 2026 → after June 10, 2026)',
        text: 'Commerce restricted the models.',
      },
    ]);
  });
});
