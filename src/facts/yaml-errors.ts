// Pointing at a problem in a fact file's text: the first byte that is not UTF-8, where an
// unclosed quote opens, and what to do about the YAML parser's error codes.

export function firstBadByte(bytes: Uint8Array): { line: number; column: number } {
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const i = lenient.indexOf('\uFFFD');
  const before = lenient.slice(0, Math.max(0, i));
  const lines = before.split('\n');
  return {
    line: lines.length,
    column: (lines[lines.length - 1]?.length ?? 0) + 1,
  };
}

/** Where an unclosed quoted scalar starts: the last quote before `end` that opens a value. */
export function openingQuote(text: string, end: number): number {
  for (let i = Math.min(end, text.length) - 1; i >= 0; i--) {
    const ch = text[i];
    if (ch !== '"' && ch !== "'") continue;
    const before = text.slice(0, i).trimEnd().at(-1);
    if (before === undefined || ':-[{,'.includes(before)) return i;
  }
  return -1;
}

export function yamlHint(code: string): string {
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'YAML indents with spaces only; replace the tabs with spaces';
    case 'DUPLICATE_KEY':
      return 'a key may appear once per map; remove or rename one of them';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
      return 'check the indentation and punctuation on this line and the one before';
    default:
      return 'fix the YAML syntax at this position';
  }
}
