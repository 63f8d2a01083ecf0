// The fact base as one render sees it: every item a helper takes from it passes the render's
// guard on the way out (state.ts), so a helper cannot print an item above the audience's
// sensitivity even if it were handed one. The selection (facts/select.ts) has already
// removed such items; this is the taint check on the helpers' path, the same check
// template values get when they are printed (escape.ts: Text).
import type { FactBase } from '../../facts/factbase.js';
import { KINDS, type Kind } from '../../facts/kinds.js';

export type Admit = (kind: Kind, item: object) => void;

export function guardedView(fb: FactBase, admit: Admit): FactBase {
  const out: FactBase = { ...fb };
  for (const kind of KINDS) {
    (out as unknown as Record<Kind, Map<string, object>>)[kind] = new GuardedMap(kind, fb[kind] as Map<string, object>, admit);
  }
  return out;
}

/** A read-only view of `inner` (nothing is copied): every item handed out passes `admit`. */
class GuardedMap<V extends object> extends Map<string, V> {
  constructor(
    private readonly kind: Kind,
    private readonly inner: Map<string, V>,
    private readonly admit: Admit,
  ) {
    super();
  }

  private pass(item: V): V {
    this.admit(this.kind, item);
    return item;
  }

  override get size(): number {
    return this.inner.size;
  }

  override has(id: string): boolean {
    return this.inner.has(id);
  }

  override get(id: string): V | undefined {
    const item = this.inner.get(id);
    return item === undefined ? undefined : this.pass(item);
  }

  override keys(): MapIterator<string> {
    return this.inner.keys();
  }

  override *values(): MapIterator<V> {
    for (const item of this.inner.values()) yield this.pass(item);
  }

  override *entries(): MapIterator<[string, V]> {
    for (const [id, item] of this.inner.entries()) yield [id, this.pass(item)];
  }

  override [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  override forEach(fn: (value: V, key: string, map: Map<string, V>) => void, thisArg?: unknown): void {
    for (const [id, item] of this.entries()) fn.call(thisArg, item, id, this);
  }

  override set(): this {
    throw new TypeError('the fact base is read-only while a packet renders');
  }
}
