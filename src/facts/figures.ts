// Finding a figure in a document's text, however the document writes it: 28800000 may be
// "28.8m", "28.8 million" or "28,800,000"; 6 may be "six"; a lower bound of 100,000 on a
// figure hedged as "millions" is "hundreds of thousands". `validate --sources-dir` uses it
// to check that a document gives the figure it is cited for.
import type { Value } from './schema.js';

const SMALL =
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'.split(
    ' ',
  );
const TENS: Record<number, string> = { 30: 'thirty', 40: 'forty', 50: 'fifty', 60: 'sixty', 70: 'seventy', 80: 'eighty', 90: 'ninety' };

/** 10,000 → "tens of thousands", 100,000 → "hundreds of thousands", 2,000,000 → "millions". */
export function magnitude(n: number): string | undefined {
  if (n >= 1e9) return 'billions';
  if (n >= 1e8) return 'hundreds of millions';
  if (n >= 1e7) return 'tens of millions';
  if (n >= 1e6) return 'millions';
  if (n >= 1e5) return 'hundreds of thousands';
  if (n >= 1e4) return 'tens of thousands';
  if (n >= 1e3) return 'thousands';
  return undefined;
}

const SCALES = [
  { scale: 1e9, name: 'billion', short: ['bn', 'b'] },
  { scale: 1e6, name: 'million', short: ['m', 'mn', 'mln'] },
  { scale: 1e3, name: 'thousand', short: ['k'] },
];

const word = (n: number) => (Number.isInteger(n) ? (SMALL[n] ?? TENS[n]) : undefined);
const trim = (x: number) => String(Math.round(x * 1000) / 1000);

/** Every way a document may write `n`, lower-case. */
export function figureForms(n: number): string[] {
  const abs = Math.abs(n);
  const [int = '', frac] = String(abs).split('.');
  const dec = frac ? `.${frac}` : '';
  const forms = new Set([`${int}${dec}`]);
  for (const sep of [',', ' ', '\u00a0', '\u202f']) forms.add(`${int.replace(/\B(?=(\d{3})+(?!\d))/g, sep)}${dec}`);
  const w = word(abs);
  if (w) forms.add(w);
  for (const { scale, name, short } of SCALES) {
    const x = abs / scale;
    if (abs < scale || Math.round(x * 1000) / 1000 !== x) continue;
    for (const s of short) forms.add(`${trim(x)}${s}`).add(`${trim(x)} ${s}`);
    forms.add(`${trim(x)} ${name}`);
    const xw = word(x);
    if (xw) forms.add(`${xw} ${name}`);
  }
  return [...forms].map((f) => (n < 0 ? `-${f}` : f));
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether `text` (any case, any spacing) gives `n` in one of its forms, as a whole figure. */
export function givesFigure(text: string, n: number): boolean {
  const t = text.toLowerCase().replace(/[ \t\r\n]+/g, ' ');
  return figureForms(n).some((f) =>
    new RegExp(`(?<![\\p{L}\\p{N}])(?<!\\p{N}[.,])${escapeRe(f)}(?![\\p{L}\\p{N}])(?![.,]\\p{N})`, 'u').test(t),
  );
}

/**
 * The figures a value asserts, each with the forms that count as giving it: its number,
 * both ends of a range — and, for a count hedged as "thousands" or "millions" with a lower
 * bound, that bound's magnitude ("tens of thousands"), which is how sources put it.
 */
export function valueFigures(v: Value): { figure: number; phrase?: string }[] {
  const out: { figure: number; phrase?: string }[] = [];
  if (v.number !== undefined) out.push({ figure: v.number });
  const hedgedScale = v.qualifier === 'thousands' || v.qualifier === 'millions';
  if (v.min !== undefined) out.push({ figure: v.min, phrase: hedgedScale ? magnitude(v.min) : undefined });
  if (v.max !== undefined) out.push({ figure: v.max });
  return out;
}
