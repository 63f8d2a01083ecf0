// Which words of a sentence changed: the longest common run of words kept, the rest as
// deletions and insertions. A reworded fact then shows in Word as a few struck and
// underlined words instead of the whole sentence deleted and typed again. Statements are
// a sentence or two, so the quadratic table is small.

export type WordChange = { op: 'same' | 'deleted' | 'inserted'; text: string };

/** Words and the spaces after them, so joining the pieces gives the text back exactly. */
function words(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

export function diffWords(before: string, after: string): WordChange[] {
  const a = words(before);
  const b = words(after);
  // lcs[i][j]: the longest common subsequence of a[i..] and b[j..], compared without trailing spaces.
  const key = (w: string) => w.trimEnd();
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = key(a[i]!) === key(b[j]!) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: WordChange[] = [];
  const push = (op: WordChange['op'], text: string) => {
    const last = out.at(-1);
    if (last && last.op === op) last.text += text;
    else out.push({ op, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && key(a[i]!) === key(b[j]!)) {
      // The words match; the spaces after them may not (the last word has none).
      const word = key(b[j]!);
      const [was, now] = [a[i++]!.slice(word.length), b[j++]!.slice(word.length)];
      push('same', word);
      if (was === now) push('same', now);
      else {
        if (was) push('deleted', was);
        if (now) push('inserted', now);
      }
    } else if (i < a.length && (j === b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      // Deletions first, as Word shows a replaced word: struck, then the new one.
      push('deleted', a[i++]!);
    } else {
      push('inserted', b[j++]!);
    }
  }
  return out;
}
