// Comparing text as a reader sees it, not as it happens to be wrapped or capitalised.

/** Every run of whitespace as one space. */
export const foldSpace = (s: string) => s.replace(/\s+/g, ' ');

/** Whitespace folded, ends trimmed, case dropped. */
export const squash = (s: string) => foldSpace(s).trim().toLowerCase();
