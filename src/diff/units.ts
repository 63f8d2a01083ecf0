// Splits a fact file into its top-level items as text, so a diff parses only the items
// whose text changed. YAML parsing dominates the cost of a diff (a 10,000-fact base
// takes seconds to parse), while an edit touches a few items.
//
// An item's value depends only on its own lines in a plain block-style file, so parsing
// `section:` + those lines gives exactly the item the whole file gives. Anything that can
// tie items together or that the splitter does not understand (anchors, aliases, tags,
// directives, several documents, flow-style sections, odd indentation) makes the file
// unsplittable, and it is then parsed whole.

export interface ItemText {
  /** The section the item belongs to, e.g. "facts". */
  section: string;
  /** The item's lines exactly as in the file, including trailing blank and comment lines. */
  text: string;
  /** 1-based line of the item's first line in the file. */
  line: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const splits = new WeakMap<Uint8Array, ItemText[] | undefined>();

/**
 * The items of a fact file's bytes (splitItems), or undefined when the file must be parsed
 * whole (not UTF-8, or not splittable). Kept per buffer: `diff` splits the blobs read from
 * git as they arrive, while git is still writing the rest, and `build --since` loads the
 * same two sides once per sensitivity level.
 */
export function fileItems(bytes: Uint8Array): ItemText[] | undefined {
  if (splits.has(bytes)) return splits.get(bytes);
  let items: ItemText[] | undefined;
  try {
    items = splitItems(utf8.decode(bytes));
  } catch {
    items = undefined;
  }
  splits.set(bytes, items);
  return items;
}

const SECTION = /^([A-Za-z_][A-Za-z0-9_-]*):[ \t]*(#.*)?$/;
// The one top-level key that holds a value rather than a list of items.
const GENERATED = /^generated:[ \t]+[^\s#|>[{]/;
// A blank or comment-only line, matched from the line's start (sticky): the line is one
// when the match reaches its end. `[^…]` is what `.` matches.
const BLANK = /[ \t]*(?:#[^\n\r\u2028\u2029]*)?/y;
// An anchor, alias or tag: `&a`, `*a`, `!tag` after whitespace or a flow indicator.
const LINKING = /(^|[\s,[{])[&*!][^\s,\]}]/m;

/**
 * Walks the text line by line by index and cuts each item as one slice of it: a 10,000-fact
 * base is about 5 MB a side, and splitting it into line strings and joining them again
 * cost more than the rest of a diff.
 */
export function splitItems(text: string): ItemText[] | undefined {
  if (LINKING.test(text)) return undefined;
  const items: ItemText[] = [];
  const sections = new Set<string>();
  let section: string | undefined;
  let indent = -1;
  // The item being read: where its first line starts (-1: none), that line's number, where its last line ends.
  let start = -1;
  let firstLine = 0;
  let end = 0;
  let started = false;
  const flush = () => {
    if (start >= 0 && section) items.push({ section, text: text.slice(start, end), line: firstLine });
    start = -1;
  };
  let lineNo = 0;
  for (let s = 0; s <= text.length; ) {
    const nl = text.indexOf('\n', s);
    const e = nl < 0 ? text.length : nl;
    const next = e + 1;
    lineNo++;
    // The line ends before its \n and one \r before it.
    const le = e > s && text.charCodeAt(e - 1) === 13 ? e - 1 : e;
    BLANK.lastIndex = s;
    BLANK.test(text);
    if (BLANK.lastIndex === le) {
      if (start >= 0) end = e;
      s = next;
      continue;
    }
    if (!started && text.startsWith('---', s) && (le - s === 3 || text.startsWith('--- ', s))) {
      if (le - s !== 3) return undefined;
      started = true;
      s = next;
      continue;
    }
    started = true;
    const head = text.charCodeAt(s);
    if (head !== 32 && head !== 45) {
      flush();
      const line = text.slice(s, le);
      const m = SECTION.exec(line);
      if (m) {
        // An empty section is null to YAML, an error the whole-file parse reports.
        if (section !== undefined && indent < 0) return undefined;
        section = m[1] as string;
        if (sections.has(section)) return undefined;
        sections.add(section);
        indent = -1;
        s = next;
        continue;
      }
      // A one-line `generated: …`; were it continued, the next indented line fails below.
      if (GENERATED.test(line)) {
        if (section !== undefined && indent < 0) return undefined;
        section = undefined;
        s = next;
        continue;
      }
      return undefined;
    }
    if (section === undefined) return undefined;
    const lead = indentOf(text, s, le);
    if (lead < 0) return undefined;
    const at = s + lead;
    const dash = text.charCodeAt(at) === 45 && (at + 1 === le || text.charCodeAt(at + 1) === 32);
    if (indent < 0) {
      if (!dash) return undefined;
      indent = lead;
    }
    if (lead === indent && dash) {
      flush();
      start = s;
      firstLine = lineNo;
      end = e;
    } else if (lead > indent && start >= 0) {
      end = e;
    } else {
      return undefined;
    }
    s = next;
  }
  flush();
  if (section !== undefined && indent < 0) return undefined;
  return items;
}

/** How far a line's content is indented (what trimStart removes), or -1 when a tab is among it. */
function indentOf(text: string, s: number, le: number): number {
  let p = s;
  while (p < le && text.charCodeAt(p) === 32) p++;
  const c = p < le ? text.charCodeAt(p) : 0;
  // Printable ASCII after the spaces: the common case, no other whitespace to count.
  if (c > 32 && c < 127) return p - s;
  const line = text.slice(s, le);
  const lead = line.length - line.trimStart().length;
  return line.slice(0, lead).includes('\t') ? -1 : lead;
}
