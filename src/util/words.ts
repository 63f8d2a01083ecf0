// Text reduced to the words a reader takes from it, for comparing two texts however either
// was typed or printed: the leak guard matches a packet's words against withheld text.
//
// Two texts that read the same give the same words: Unicode compatibility forms (NFKD:
// "ﬁ", fullwidth letters, superscripts), accents, case, invisible characters (soft
// hyphens, zero-width spaces, bidi marks, control characters), apostrophes (straight or
// curly: "Alibaba's" = "Alibaba’s" = "Alibabas") and all other punctuation, dashes and
// quotes included (a dropped final period changes nothing).

const INVISIBLE = /[\p{Cf}\p{M}]|(?![\t\n\v\f\r])\p{Cc}/gu;
const APOSTROPHES = /['‘’‛ʼʹ`´′]/g;
const SEPARATORS = /[^\p{L}\p{N}]+/u;
const ASCII = /^\p{ASCII}*$/u;

/** The words of `text`, normalised: lower-case letters and digits only. */
export function normalWords(text: string): string[] {
  // Plain ASCII (most text) has no compatibility forms or accents to take apart.
  const decomposed = ASCII.test(text) ? text : text.normalize('NFKD');
  return decomposed.replace(INVISIBLE, '').replace(APOSTROPHES, '').toLowerCase().split(SEPARATORS).filter(Boolean);
}
