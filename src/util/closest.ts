import { distance } from 'fastest-levenshtein';

/** The candidates nearest to `name` by edit distance, best first; empty when none is close. */
export function nearest(name: string, candidates: Iterable<string>, max = 3): string[] {
  const limit = Math.max(2, Math.floor(name.length / 3));
  const scored: [string, number][] = [];
  for (const c of candidates) {
    const d = c.startsWith(name) || name.startsWith(c) ? 1 : distance(name, c);
    if (d <= limit) scored.push([c, d]);
  }
  return scored
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, max)
    .map(([c]) => c);
}

export function closest(name: string, candidates: Iterable<string>): string | undefined {
  return nearest(name, candidates, 1)[0];
}
