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

/** The stylesheet without comments, and a resolver of `var(--x)` from the custom properties it defines. */
function parse(css: string) {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const vars = new Map<string, string>();
  for (const m of text.matchAll(/(--[\w-]+)\s*:\s*([^;}]+)/g)) vars.set(m[1] ?? '', (m[2] ?? '').trim());
  const resolve = (value: string, depth = 0): string =>
    depth > 8
      ? value
      : value.replace(/var\(\s*(--[\w-]+)\s*(?:,([^)]*))?\)/g, (_, name: string, dflt?: string) =>
          resolve(vars.get(name) ?? dflt ?? '', depth + 1),
        );
  return { text, resolve };
}

const families = (value: string) =>
  value
    .split(',')
    .map(unquote)
    .filter((f) => f !== '' && !GENERIC.has(f.toLowerCase()));

/**
 * The stack the last rule naming `selector` on its own (`h1` in `h1, h2 { … }`) gives,
 * for output that cannot apply CSS (the Word writer); undefined when no rule does.
 */
export function stackFor(css: string, selector: string): string[] | undefined {
  const { text, resolve } = parse(css);
  let found: string[] | undefined;
  for (const m of text.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const selectors = (m[1] ?? '').split(',').map((x) => x.trim());
    const value = /(?<![\w-])font-family\s*:\s*([^;}]+)/.exec(m[2] ?? '')?.[1];
    if (value && selectors.includes(selector)) {
      const stack = families(resolve(value));
      if (stack.length > 0) found = stack;
    }
  }
  return found;
}

export function fontStacks(css: string): FontStacks {
  const { text, resolve } = parse(css);

  const embedded = new Set<string>();
  for (const m of text.matchAll(/@font-face\s*{([^}]*)}/g)) {
    const family = /font-family\s*:\s*([^;]+)/.exec(m[1] ?? '')?.[1];
    if (family) embedded.add(unquote(family).toLowerCase());
  }
  const seen = new Set<string>();
  const stacks: string[][] = [];
  for (const m of text.replace(/@font-face\s*{[^}]*}/g, '').matchAll(/(?<![\w-])font-family\s*:\s*([^;}]+)/g)) {
    const stack = families(resolve(m[1] ?? ''));
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
