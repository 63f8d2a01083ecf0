import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffWords } from './word-diff.js';

const side = (changes: ReturnType<typeof diffWords>, op: 'deleted' | 'inserted') =>
  changes
    .filter((c) => c.op !== op)
    .map((c) => c.text)
    .join('');

describe('diffWords', () => {
  it('marks only the changed figure of a re-figured statement', () => {
    expect(diffWords('28.8 million exchanges, stated without a hedge.', '29.1 million exchanges, stated without a hedge.')).toEqual([
      { op: 'deleted', text: '28.8 ' },
      { op: 'inserted', text: '29.1 ' },
      { op: 'same', text: 'million exchanges, stated without a hedge.' },
    ]);
  });

  it('shows a dropped word and a lead-in that went away', () => {
    expect(diffWords('Allegedly, the campaign ran in the spring of 2026.', 'The campaign ran in spring of 2026.')).toEqual([
      { op: 'deleted', text: 'Allegedly, the ' },
      { op: 'inserted', text: 'The ' },
      { op: 'same', text: 'campaign ran in ' },
      { op: 'deleted', text: 'the ' },
      { op: 'same', text: 'spring of 2026.' },
    ]);
  });

  it('gives each side back exactly, for any two texts', () => {
    const text = fc.array(fc.constantFrom('a', 'b', 'c', ' ', '  ', 'd.'), { maxLength: 30 }).map((x) => x.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const changes = diffWords(a, b);
        expect(side(changes, 'inserted')).toBe(a);
        expect(side(changes, 'deleted')).toBe(b);
      }),
      { numRuns: 300 },
    );
  });
});
