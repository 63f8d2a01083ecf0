// Limits on what one template may make the renderer do. A partial that includes itself, or
// list blocks nested four deep over the whole fact base, would otherwise run until the
// stack or the machine gives out; each is refused at once with a located error instead.
// Far above what a real packet needs.
export const TEMPLATE_LIMITS = {
  /** Partials inside partials; the shipped templates nest two deep. */
  partialDepth: 16,
  /** List blocks ({{#facts}}, {{#questions}}, …) inside one another; a packet needs two. */
  listNesting: 3,
  /** Runs of a nested list block's body: its items times those of every block around it. */
  nestedRuns: 100_000,
} as const;
