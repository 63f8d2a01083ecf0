// Words that start with a capital mid-sentence somewhere in the fact base: proper nouns.
// Hedged wording ("According to press reports, the…") lower-cases a statement's first
// word unless it is one of these.
import type { FactBase } from './factbase.js';

const computed = new WeakMap<FactBase, ReadonlySet<string>>();

/** Computed once per fact base: every audience of a build hedges against the same words. */
export function properNouns(fb: FactBase): ReadonlySet<string> {
  const cached = computed.get(fb);
  if (cached) return cached;
  const words = new Set<string>();
  const texts = [...fb.facts.values()].flatMap((f) => [f.statement, ...f.variants.map((v) => v.statement)]);
  for (const e of fb.entities.values()) texts.push(`x ${e.name}`);
  for (const t of texts) {
    for (const m of t.matchAll(/(?<![.!?:;\u2014\u2013]\s|^)\b([A-Z][\w'\u2019-]*)/g)) if (m[1]) words.add(m[1]);
  }
  computed.set(fb, words);
  return words;
}
