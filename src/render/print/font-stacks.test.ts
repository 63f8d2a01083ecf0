// The font families a stylesheet names first, as `doctor` checks them against the machine.
import { describe, expect, it } from 'vitest';
import { fontStacks, stackFor } from './font-stacks.js';

describe('fontStacks', () => {
  it('reads font-family values, resolving custom properties and dropping generic families', () => {
    const css = `:root { --serif: "Liberation Serif", 'Noto Serif', serif; }
/* font-family: Commented Out; */
@font-face { font-family: "Embedded Face"; src: url(data:font/woff2;base64,AA==); }
body { font-family: var(--serif); }
code { font-family: "Liberation Mono", monospace; }
h1 { font-family: var(--missing, Fallback Sans), sans-serif; }
p { font-family: var(--serif); }`;
    const { stacks, embedded } = fontStacks(css);
    expect(stacks).toEqual([['Liberation Serif', 'Noto Serif'], ['Liberation Mono'], ['Fallback Sans']]);
    expect([...embedded]).toEqual(['embedded face']);
  });

  it('finds the stack a selector gets, from the last rule naming it, for the Word writer', () => {
    const css = `:root { --sans: "Liberation Sans", Arial, sans-serif; }
html { font-family: "Liberation Serif", serif; }
h1, h2 { font-family: var(--sans); color: blue; }
.memo h1 { font-family: Other; }
h2 { font-size: 12pt; }`;
    expect(stackFor(css, 'html')).toEqual(['Liberation Serif']);
    expect(stackFor(css, 'h1')).toEqual(['Liberation Sans', 'Arial']);
    expect(stackFor(css, 'h2')).toEqual(['Liberation Sans', 'Arial']);
    expect(stackFor(css, 'code')).toBeUndefined();
  });
});
