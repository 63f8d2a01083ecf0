// The item schemas on zod's two paths: a process checks its first PLAIN_ITEMS items on the
// plain path and the rest on the fast path zod compiles (util/zod-plain.ts), so the two
// must agree on every item — the same data when it passes, the same issues when it does
// not. Checked on the shipped fact base's items and on items broken at random places.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import jsyaml from 'js-yaml';
import { describe, expect, it, vi } from 'vitest';
import type { Diagnostic } from '../errors.js';
import { PLAIN, PLAIN_ITEMS } from '../util/zod-plain.js';
import { ITEM_SCHEMAS } from './item-schemas.js';
import { KINDS, type Kind } from './kinds.js';

const DATA = new URL('../../data/', import.meta.url).pathname;
const items: { kind: Kind; raw: unknown }[] = readdirSync(DATA, { recursive: true })
  .map(String)
  .filter((p) => p.endsWith('.yaml'))
  .sort()
  .flatMap((p) => {
    const doc = jsyaml.load(readFileSync(join(DATA, p), 'utf8')) as Partial<Record<Kind, unknown[]>>;
    return KINDS.flatMap((kind) => (doc[kind] ?? []).map((raw) => ({ kind, raw })));
  });

/** Both paths' results, as plain data. */
function bothPaths(kind: Kind, raw: unknown) {
  const plainOf = (r: ReturnType<(typeof ITEM_SCHEMAS)[Kind]['safeParse']>) => (r.success ? { data: r.data } : { issues: r.error.issues });
  const schema = ITEM_SCHEMAS[kind];
  return { plain: plainOf(schema.safeParse(raw, PLAIN)), compiled: plainOf(schema.safeParse(raw)) };
}

/** `raw` with the value at `path` (object keys and list indexes, as far as they go) replaced, or deleted for undefined. */
function broken(raw: unknown, path: readonly number[], value: unknown): unknown {
  const copy = structuredClone(raw);
  let node = copy as Record<string, unknown> | unknown[];
  for (let depth = 0; depth < path.length; depth++) {
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[(path[depth] as number) % keys.length] as string;
    const child = (node as Record<string, unknown>)[key];
    const last = depth === path.length - 1 || child === null || typeof child !== 'object';
    if (!last) {
      node = child as Record<string, unknown>;
      continue;
    }
    if (value === undefined) delete (node as Record<string, unknown>)[key];
    else (node as Record<string, unknown>)[key] = value;
    break;
  }
  return copy;
}

/** How many functions `run` makes with `new Function`: zod's compiled path makes one per object schema it first checks. */
function functionsMade(run: () => void): number {
  const original = globalThis.Function;
  let made = 0;
  globalThis.Function = new Proxy(original, {
    construct(target, args) {
      made++;
      return Reflect.construct(target, args);
    },
  });
  try {
    run();
  } finally {
    globalThis.Function = original;
  }
  return made;
}

describe('item schemas on zod’s plain and compiled paths', () => {
  it('checks without PLAIN on the compiled path, with PLAIN on the plain one (so the comparisons below compare two paths)', () => {
    const { kind, raw } = items.find((i) => i.kind === 'facts') as { kind: Kind; raw: unknown };
    expect(functionsMade(() => ITEM_SCHEMAS[kind].safeParse(raw, PLAIN))).toBe(0);
    expect(functionsMade(() => ITEM_SCHEMAS[kind].safeParse(raw))).toBeGreaterThan(0);
  });

  it('the shipped fact base has items of most kinds to check', () => {
    expect(items.length).toBeGreaterThan(150);
    expect(new Set(items.map((i) => i.kind)).size).toBeGreaterThanOrEqual(5);
  });

  it('agree on every shipped item', () => {
    for (const { kind, raw } of items) {
      const { plain, compiled } = bothPaths(kind, raw);
      expect(plain).toHaveProperty('data');
      expect(compiled).toEqual(plain);
    }
  });

  it('agree on items broken at random places', () => {
    const values = fc.constantFrom<unknown>(
      undefined,
      null,
      '',
      ' ',
      'x',
      0,
      -1,
      1.5,
      true,
      [],
      {},
      ['x'],
      { id: 'x' },
      '2026-13-45',
      'June 2026',
    );
    fc.assert(
      fc.property(
        fc.nat(items.length - 1),
        fc.array(fc.nat(40), { minLength: 1, maxLength: 4 }),
        values,
        fc.option(fc.tuple(fc.string({ maxLength: 8 }), values), { nil: undefined }),
        (at, path, value, extra) => {
          const { kind, raw } = items[at] as { kind: Kind; raw: unknown };
          const item = broken(raw, path, value) as Record<string, unknown>;
          if (extra) item[extra[0]] = extra[1];
          const { plain, compiled } = bothPaths(kind, item);
          expect(compiled).toEqual(plain);
        },
      ),
      { numRuns: 600 },
    );
  });
});

describe('parseFactFile’s choice of path', () => {
  const file = (n: number, from: number) => {
    const fact = (items.find((i) => i.kind === 'facts') as { raw: Record<string, unknown> }).raw;
    const facts = Array.from({ length: n }, (_, i) => ({ ...fact, id: `gen.fact-${from + i}` }));
    return { path: `data/gen-${from}.yaml`, bytes: new TextEncoder().encode(jsyaml.dump({ facts }, { noRefs: true })) };
  };

  it(`takes the plain path for a process's first ${PLAIN_ITEMS} items and the compiled one after`, async () => {
    // This file is the only one in its worker to call parseFactFile: its count starts at 0.
    const { parseFactFile } = await import('./parse-file.js');
    const check = vi.spyOn(ITEM_SCHEMAS.facts, 'safeParse');
    const diags: Diagnostic[] = [];
    parseFactFile(file(PLAIN_ITEMS - 1, 0), diags);
    parseFactFile(file(3, PLAIN_ITEMS), diags);
    expect(diags).toEqual([]);
    const paths = check.mock.calls.map(([, ctx]) => (ctx === PLAIN ? 'plain' : ctx === undefined ? 'compiled' : 'other'));
    check.mockRestore();
    expect(paths).toEqual([...Array(PLAIN_ITEMS).fill('plain'), 'compiled', 'compiled']);
  });
});
