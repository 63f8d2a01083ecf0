// Text reduced to the words a reader takes from it, for comparing two texts however either
// was typed or printed: the leak guard matches a packet's words against withheld text.
//
// Two texts that read the same give the same words: Unicode compatibility forms (NFKD:
// "ﬁ", fullwidth letters, superscripts), accents, case, invisible characters (soft
// hyphens, zero-width spaces, bidi marks, control characters), apostrophes (straight or
// curly: "Alibaba's" = "Alibaba’s" = "Alibabas") and all other punctuation, dashes and
// quotes included (a dropped final period changes nothing).

const INVISIBLE = /[\p{Cf}\p{M}]|(?![\t\n\v\f\r])\p{Cc}/gu;
const APOSTROPHES = /['\u2018\u2019\u201B\u02BC\u02B9`\u00B4\u2032]/g; // ' ‘ ’ ‛ ʼ ʹ ` ´ ′
const SEPARATORS = /[^\p{L}\p{N}]+/u;
const ASCII = /^\p{ASCII}*$/u;
// The same three for ASCII text: its invisible characters are the controls, its
// apostrophes ' and `, its letters and digits a-z and 0-9 once lower-cased.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what it removes
const ASCII_INVISIBLE = /[\x00-\x08\x0E-\x1F\x7F]/g;
const ASCII_APOSTROPHES = /['`]/g;
const ASCII_SEPARATORS = /[^a-z0-9]+/;

/** The words of `text`, normalised: lower-case letters and digits only. */
export function normalWords(text: string): string[] {
  // Plain ASCII (most text) has no compatibility forms or accents to take apart, and is
  // split by patterns without Unicode properties: V8 compiles and runs those several times
  // faster (the leak guard reads every withheld and shown text, and every packet, so).
  if (ASCII.test(text)) {
    return text.replace(ASCII_INVISIBLE, '').replace(ASCII_APOSTROPHES, '').toLowerCase().split(ASCII_SEPARATORS).filter(Boolean);
  }
  return text.normalize('NFKD').replace(INVISIBLE, '').replace(APOSTROPHES, '').toLowerCase().split(SEPARATORS).filter(Boolean);
}

// Two moduli under 2^26: a value below one times a value below the other stays below 2^52,
// exact in a double.
const P1 = 67_108_859;
const P2 = 67_108_837;
const BASE1 = 40_503_611;
const BASE2 = 29_369_879;

/** FNV-1a of each word, with two different offsets, reduced to the two moduli. */
function wordHashes(words: readonly string[]): [Float64Array, Float64Array] {
  const one = new Float64Array(words.length);
  const two = new Float64Array(words.length);
  words.forEach((word, w) => {
    let a = 0x811c9dc5;
    let b = 0x050c5d1f;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193) >>> 0;
      b = Math.imul(b ^ c, 0x01000193) >>> 0;
    }
    one[w] = a % P1;
    two[w] = b % P2;
  });
  return [one, two];
}

/** `base` to the `n`th power, modulo `p`. */
function power(base: number, n: number, p: number): number {
  let out = 1;
  for (let i = 0; i < n; i++) out = (out * base) % p;
  return out;
}

/**
 * Adds `scale` times the rolling polynomial hash of each start, Σ h[start+i]·base^(size−1−i)
 * mod p, to out[start], each hash from the last with one remainder: acc·base − h[dropped]·
 * base^size + h[added] is under 2^53 in magnitude (each product under 2^52), exact in a
 * double. (Four remainders a step, as this was first written, were most of the leak
 * guard's index, run once per build in code not yet optimised.)
 */
function addRolling(out: Float64Array, h: Float64Array, size: number, base: number, p: number, scale: number): void {
  if (out.length === 0) return;
  const top = power(base, size, p);
  let acc = 0;
  for (let i = 0; i < size; i++) acc = (acc * base + (h[i] as number)) % p;
  out[0] = (out[0] as number) + acc * scale;
  for (let start = 1; start < out.length; start++) {
    acc = (acc * base - (h[start - 1] as number) * top + (h[start + size - 1] as number)) % p;
    if (acc < 0) acc += p;
    out[start] = (out[start] as number) + acc * scale;
  }
}

/**
 * A key for every run of `size` consecutive words (at each start), in time linear in the
 * words and without building the runs as strings: two rolling hashes modulo two primes.
 * Equal runs get equal keys; two different runs share one with odds of about 1 in 2^52, so
 * a caller acting on a match compares the words themselves.
 */
export function runKeys(words: readonly string[], size: number): Float64Array {
  return runKeysOfSizes(words, [size])[0] as Float64Array;
}

/** `runKeys` for each of `sizes`, the words hashed once for all of them. */
export function runKeysOfSizes(words: readonly string[], sizes: readonly number[]): Float64Array[] {
  const [one, two] = wordHashes(words);
  return sizes.map((size) => {
    // The first hash times 2^26 plus the second: under 2^52, exact.
    const keys = new Float64Array(Math.max(0, words.length - size + 1));
    addRolling(keys, one, size, BASE1, P1, 2 ** 26);
    addRolling(keys, two, size, BASE2, P2, 1);
    return keys;
  });
}
