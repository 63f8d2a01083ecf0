// Text from a fact base, a template or a dataset, made safe to print on a terminal. A
// control character (ESC starting a colour, cursor or title sequence; a carriage return
// overwriting the line; C1 controls) or a bidirectional override could repaint or reorder
// what the reader sees; each is shown as a \uXXXX escape instead. Line breaks and tabs stay.
// The same escape is valid inside a JSON string, so JSON output goes through it too.

const UNSAFE = /(?![\t\n])[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

export function forTerminal(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
