// Refusal limits for fact files. Each protects the machine from a hostile or broken file
// while staying far above what a real fact base needs (documented in README "Reliability").
export const LIMITS = {
  /** One fact file; a real one is tens of kilobytes. */
  fileBytes: 8 * 1024 * 1024,
  /** YAML alias expansions per file ("billion laughs" is refused at this count). */
  aliases: 100,
  /** Nesting levels of maps and lists; the fact model needs about six. */
  nesting: 32,
  /** Items (facts, sources, …) in one file. */
  itemsPerFile: 100_000,
  /** Items in the whole fact base. */
  itemsTotal: 500_000,
} as const;
