// Text in the order an English reader expects: the order of `localeCompare(b, 'en')`
// (CLDR's collation, through Intl), so a packet's lists sort the same on every machine
// (a bare localeCompare follows the machine's locale: Swedish puts "ö" after "z").
//
// ICU loads its collation data on the first comparison, 11-14 ms here, in every process
// that renders a glossary or a roster. Text in ASCII (most names and terms) is compared
// here instead, by the same rules: primary weights in CLDR's order (blanks, punctuation,
// symbols, digits, letters; case aside; control characters ignored), then case (lower
// before upper) at the first letter that differs only in case. util/collate.test.ts holds
// this to Intl's answer for any ASCII text; other text goes to Intl.

/** Every ASCII character that counts, in CLDR's order; a letter stands for both its cases. */
const ORDER = '\t\n\v\f\r _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyz';

/** Primary weight of each ASCII character (0: ignored). */
const PRIMARY = new Uint8Array(128);
for (let i = 0; i < ORDER.length; i++) {
  const c = ORDER.charCodeAt(i);
  PRIMARY[c] = i + 1;
  if (c >= 0x61 && c <= 0x7a) PRIMARY[c - 0x20] = i + 1;
}

const NOT_ASCII = /[\u0080-\uffff]/;
let english: Intl.Collator | undefined;

/** Negative, zero or positive as `a` sorts before, with or after `b` (the sign `a.localeCompare(b, 'en')` gives). */
export function compareText(a: string, b: string): number {
  if (NOT_ASCII.test(a) || NOT_ASCII.test(b)) {
    english ??= new Intl.Collator('en');
    return english.compare(a, b);
  }
  return walk(a, b, primaryOf) || walk(a, b, caseOf);
}

const primaryOf = (c: number) => PRIMARY[c] as number;
/** 1 for a lower-case letter or any other character that counts, 2 for an upper-case letter. */
const caseOf = (c: number) => (c >= 0x41 && c <= 0x5a ? 2 : 1);

/** The two texts compared by `weight` of each character that counts (ignored ones skipped); a prefix sorts first. */
function walk(a: string, b: string, weight: (c: number) => number): number {
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < a.length && PRIMARY[a.charCodeAt(i)] === 0) i++;
    while (j < b.length && PRIMARY[b.charCodeAt(j)] === 0) j++;
    if (i === a.length || j === b.length) return (i < a.length ? 1 : 0) - (j < b.length ? 1 : 0);
    const d = weight(a.charCodeAt(i)) - weight(b.charCodeAt(j));
    if (d !== 0) return d;
    i++;
    j++;
  }
}
