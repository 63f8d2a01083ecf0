// Words that start with a capital mid-sentence somewhere in the fact base: proper nouns.
// Hedged wording ("According to press reports, the…") lower-cases a statement's first
// word unless it is one of these.
import type { FactBase } from './factbase.js';

export function properNouns(fb: FactBase): Set<string> {
  const words = new Set<string>();
  const texts = [...fb.facts.values()].flatMap((f) => [f.statement, ...f.variants.map((v) => v.statement)]);
  for (const e of fb.entities.values()) texts.push(`x ${e.name}`);
  for (const t of texts) {
    for (const m of t.matchAll(/(?<![.!?:;—–]\s|^)\b([A-Z][\w'’-]*)/g)) if (m[1]) words.add(m[1]);
  }
  return words;
}
