// The error boundary's report of an unexpected error: its stack, then every cause.
import { describe, expect, it } from 'vitest';
import { causeChain } from './output.js';

describe('causeChain', () => {
  it('prints the stack of the error and of each cause in turn', () => {
    const root = new RangeError('offset out of range');
    const middle = new Error('cannot read the PDF', { cause: root });
    const top = new TypeError('printing failed', { cause: middle });
    const text = causeChain(top);
    expect(text).toMatch(/^TypeError: printing failed\n\s+at /);
    expect(text).toContain('\nCaused by: Error: cannot read the PDF\n');
    expect(text).toContain('\nCaused by: RangeError: offset out of range\n');
    expect(text.indexOf('printing failed')).toBeLessThan(text.indexOf('cannot read the PDF'));
  });

  it('ends at a cause that is not an error, and at a loop', () => {
    expect(causeChain(new Error('outer', { cause: 'a string' }))).toMatch(/Caused by: a string$/);
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    Object.assign(a, { cause: b });
    expect(causeChain(a).match(/Caused by/g)).toHaveLength(1);
  });
});
