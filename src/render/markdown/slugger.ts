// Heading ids for the HTML, the contents list and PDF bookmarks.

/**
 * GitHub's anchor ids ("Who's who" → "whos-who", repeats get -1, -2…), so .md links work on
 * GitHub too; only headings longer than 80 characters differ (cut short for PDF names).
 */
export class Slugger {
  private readonly seen = new Map<string, number>();

  slug(text: string): string {
    const full = text
      .toLowerCase()
      .trim()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    // PDF names (bookmark and link targets) may not exceed 127 bytes; long question headings would.
    const base = (full.length > 80 ? full.slice(0, 80).replace(/-[^-]*$/, '') : full) || 'section';
    let id = base;
    let n = this.seen.get(base);
    if (n === undefined) {
      this.seen.set(base, 0);
    } else {
      do {
        n++;
        id = `${base}-${n}`;
      } while (this.seen.has(id));
      this.seen.set(base, n);
      this.seen.set(id, 0);
    }
    return id;
  }
}
