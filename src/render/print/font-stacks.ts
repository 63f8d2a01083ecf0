// The font stacks a stylesheet asks for: every `font-family` value, with `var(--x)`
// resolved from the custom properties it defines, split into family names (quotes and
// generic families such as serif dropped). Families defined by @font-face are embedded
// in the page, so they need not be installed.
const GENERIC = new Set([
  'serif',
  'sans-serif',
  'monospace',
  'cursive',
  'fantasy',
  'system-ui',
  'ui-serif',
  'ui-sans-serif',
  'ui-monospace',
  'ui-rounded',
  'emoji',
  'math',
  'fangsong',
  'inherit',
  'initial',
  'unset',
  'revert',
]);

export interface FontStacks {
  /** Each distinct stack, first choice first. */
  stacks: string[][];
  /** Lower-cased family names defined by @font-face. */
  embedded: Set<string>;
}

export function fontStacks(css: string): FontStacks {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const vars = new Map<string, string>();
  for (const m of text.matchAll(/(--[\w-]+)\s*:\s*([^;}]+)/g)) vars.set(m[1] ?? '', (m[2] ?? '').trim());
  const resolve = (value: string, depth = 0): string =>
    depth > 8
      ? value
      : value.replace(/var\(\s*(--[\w-]+)\s*(?:,([^)]*))?\)/g, (_, name: string, dflt?: string) =>
          resolve(vars.get(name) ?? dflt ?? '', depth + 1),
        );

  const embedded = new Set<string>();
  for (const m of text.matchAll(/@font-face\s*{([^}]*)}/g)) {
    const family = /font-family\s*:\s*([^;]+)/.exec(m[1] ?? '')?.[1];
    if (family) embedded.add(unquote(family).toLowerCase());
  }
  const seen = new Set<string>();
  const stacks: string[][] = [];
  for (const m of text.replace(/@font-face\s*{[^}]*}/g, '').matchAll(/(?<![\w-])font-family\s*:\s*([^;}]+)/g)) {
    const stack = resolve(m[1] ?? '')
      .split(',')
      .map(unquote)
      .filter((f) => f !== '' && !GENERIC.has(f.toLowerCase()));
    const key = stack.join('|');
    if (stack.length > 0 && !seen.has(key)) {
      seen.add(key);
      stacks.push(stack);
    }
  }
  return { stacks, embedded };
}

const unquote = (s: string) =>
  s
    .trim()
    .replace(/^(['"])(.*)\1$/, '$2')
    .trim();
