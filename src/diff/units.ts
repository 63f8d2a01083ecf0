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

const SECTION = /^([A-Za-z_][A-Za-z0-9_-]*):[ \t]*(#.*)?$/;
// The one top-level key that holds a value rather than a list of items.
const GENERATED = /^generated:[ \t]+[^\s#|>[{]/;
const BLANK = /^[ \t]*(#.*)?$/;
// An anchor, alias or tag: `&a`, `*a`, `!tag` after whitespace or a flow indicator.
const LINKING = /(^|[\s,[{])[&*!][^\s,\]}]/m;

export function splitItems(text: string): ItemText[] | undefined {
  if (LINKING.test(text)) return undefined;
  const items: ItemText[] = [];
  const sections = new Set<string>();
  let section: string | undefined;
  let indent = -1;
  let current: { lines: string[]; line: number } | undefined;
  let started = false;
  const flush = () => {
    if (current && section) items.push({ section, text: current.lines.join('\n'), line: current.line });
    current = undefined;
  };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (BLANK.test(line)) {
      current?.lines.push(raw);
      continue;
    }
    if (!started && (line === '---' || line.startsWith('--- '))) {
      if (line !== '---') return undefined;
      started = true;
      continue;
    }
    started = true;
    const head = line[0];
    if (head !== ' ' && head !== '-') {
      flush();
      const m = SECTION.exec(line);
      if (m) {
        // An empty section is null to YAML, an error the whole-file parse reports.
        if (section !== undefined && indent < 0) return undefined;
        section = m[1] as string;
        if (sections.has(section)) return undefined;
        sections.add(section);
        indent = -1;
        continue;
      }
      // A one-line `generated: …`; were it continued, the next indented line fails below.
      if (GENERATED.test(line)) {
        if (section !== undefined && indent < 0) return undefined;
        section = undefined;
        continue;
      }
      return undefined;
    }
    if (section === undefined) return undefined;
    const lead = line.length - line.trimStart().length;
    if (line.slice(0, lead).includes('\t')) return undefined;
    const dash = line[lead] === '-' && (line.length === lead + 1 || line[lead + 1] === ' ');
    if (indent < 0) {
      if (!dash) return undefined;
      indent = lead;
    }
    if (lead === indent && dash) {
      flush();
      current = { lines: [raw], line: i + 1 };
    } else if (lead > indent && current) {
      current.lines.push(raw);
    } else {
      return undefined;
    }
  }
  flush();
  if (section !== undefined && indent < 0) return undefined;
  return items;
}
