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

/** The words of `text`, normalised: lower-case letters and digits only. */
export function normalWords(text: string): string[] {
  // Plain ASCII (most text) has no compatibility forms or accents to take apart.
  const decomposed = ASCII.test(text) ? text : text.normalize('NFKD');
  return decomposed.replace(INVISIBLE, '').replace(APOSTROPHES, '').toLowerCase().split(SEPARATORS).filter(Boolean);
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

/** One rolling polynomial hash per start: Σ h[start+i]·base^(size−1−i) mod p, each from the last. */
function rolling(h: Float64Array, size: number, base: number, p: number): Float64Array {
  const out = new Float64Array(Math.max(0, h.length - size + 1));
  if (out.length === 0) return out;
  const top = power(base, size - 1, p);
  let acc = 0;
  for (let i = 0; i < size; i++) acc = (((acc * base) % p) + (h[i] as number)) % p;
  out[0] = acc;
  for (let start = 1; start < out.length; start++) {
    const dropped = (acc - (((h[start - 1] as number) * top) % p) + p) % p;
    acc = (((dropped * base) % p) + (h[start + size - 1] as number)) % p;
    out[start] = acc;
  }
  return out;
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
    const a = rolling(one, size, BASE1, P1);
    const b = rolling(two, size, BASE2, P2);
    return a.map((x, i) => x * 2 ** 26 + (b[i] as number));
  });
}
