// The font families a stylesheet names first, as `doctor` checks them against the machine.
import { describe, expect, it } from 'vitest';
import { fontStacks } from './font-stacks.js';

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
});
