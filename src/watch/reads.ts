// What one audience's render read from the fact base, so `briefbook watch` rebuilds only
// the packets an edit can change. Instead of every helper declaring what it uses, the
// render is handed a tracked view of the fact base: each item is a read-only Proxy that
// notes which of its fields were read, and each kind's map notes when it was listed.
// A changed field of an item then affects exactly the audiences that read that field —
// to print it, to filter on it ({{#facts tag=…}} reads every fact's `tags`), to select by
// sensitivity, or in the leak guard — with no list of "display fields" to keep in step
// with the helpers.
import type { FactBase } from '../facts/factbase.js';
import { KINDS, type Kind } from '../facts/kinds.js';

/** Field name meaning "the whole item" (it was spread, serialised or enumerated). */
export const WHOLE = '*';
/** Field name meaning "whether the item exists". */
export const EXISTS = '';

export class Reads {
  /** `kind:id` → top-level fields read. */
  readonly fields = new Map<string, Set<string>>();
  /** Kinds whose list (which ids, in what order) was read. */
  readonly lists = new Set<Kind>();
  /** Values computed from the whole fact base that the render consulted, e.g. "properNouns". */
  readonly derived = new Set<string>();

  note(key: string, field: string): void {
    const set = this.fields.get(key);
    if (set) set.add(field);
    else this.fields.set(key, new Set([field]));
  }

  /** A view of `fb` whose reads are recorded here. */
  track(fb: FactBase): FactBase {
    const out: FactBase = { ...fb };
    for (const kind of KINDS) {
      (out as unknown as Record<Kind, Map<string, object>>)[kind] = new TrackedMap(kind, fb[kind] as Map<string, object>, this);
    }
    tracked.set(out, { raw: fb, reads: this });
    return out;
  }
}

const tracked = new WeakMap<FactBase, { raw: FactBase; reads: Reads }>();

/** The untracked fact base behind a tracked one (itself when untracked), with its recorder. */
export function untracked(fb: FactBase): { raw: FactBase; reads?: Reads } {
  return tracked.get(fb) ?? { raw: fb };
}

class TrackedMap<V extends object> extends Map<string, V> {
  constructor(
    private readonly kind: Kind,
    inner: Map<string, V>,
    private readonly reads: Reads,
  ) {
    super();
    for (const [id, item] of inner) super.set(id, itemProxy(item, `${kind}:${id}`, reads));
  }

  override get(id: string): V | undefined {
    this.reads.note(`${this.kind}:${id}`, EXISTS);
    return super.get(id);
  }

  override has(id: string): boolean {
    this.reads.note(`${this.kind}:${id}`, EXISTS);
    return super.has(id);
  }

  private listed(): void {
    this.reads.lists.add(this.kind);
  }

  override get size(): number {
    this.listed();
    return super.size;
  }

  override keys() {
    this.listed();
    return super.keys();
  }

  override values() {
    this.listed();
    return super.values();
  }

  override entries() {
    this.listed();
    return super.entries();
  }

  override [Symbol.iterator]() {
    this.listed();
    return super[Symbol.iterator]();
  }

  override forEach(fn: (value: V, key: string, map: Map<string, V>) => void, thisArg?: unknown): void {
    this.listed();
    super.forEach(fn, thisArg);
  }

  override set(): this {
    throw new Error('a tracked fact base is read-only');
  }

  override delete(): boolean {
    throw new Error('a tracked fact base is read-only');
  }

  override clear(): void {
    throw new Error('a tracked fact base is read-only');
  }
}

function itemProxy<T extends object>(item: T, key: string, reads: Reads): T {
  return new Proxy(item, {
    get(target, prop, receiver) {
      if (typeof prop === 'string') reads.note(key, prop);
      return Reflect.get(target, prop, receiver);
    },
    has(target, prop) {
      if (typeof prop === 'string') reads.note(key, prop);
      return Reflect.has(target, prop);
    },
    ownKeys(target) {
      reads.note(key, WHOLE);
      return Reflect.ownKeys(target);
    },
    set() {
      throw new Error('a tracked fact base is read-only');
    },
  });
}
