// Git conflict markers in a fact file: finding them (so `validate` names an unresolved
// merge instead of a puzzling YAML error) and writing them (the merge driver). A line
// starting with `<<<<<<<` at column 0 can never be fact-file content: every value of a
// fact file is indented under its section, so the test cannot misfire on real text.
import type { Diagnostic } from '../errors.js';

export interface ConflictRegion {
  /** 1-based lines of the `<<<<<<<` and `>>>>>>>` markers (end is the last line when unterminated). */
  line: number;
  endLine: number;
  /** The text after `<<<<<<< `: the briefbook driver names the item and field there. */
  label: string;
}

const OPEN = /^<{7,}(?: (.*))?$/;
const CLOSE = /^>{7,}(?: .*)?$/;

export function findConflictMarkers(text: string): ConflictRegion[] {
  if (!text.includes('<<<<<<<')) return [];
  const lines = text.split(/\r?\n/);
  const found: ConflictRegion[] = [];
  let open: ConflictRegion | undefined;
  lines.forEach((line, i) => {
    const start = OPEN.exec(line);
    if (start && !open) open = { line: i + 1, endLine: lines.length, label: (start[1] ?? '').trim() };
    else if (open && CLOSE.test(line)) {
      found.push({ ...open, endLine: i + 1 });
      open = undefined;
    }
  });
  if (open) found.push(open);
  return found;
}

/** The text with every conflict resolved to one side: what a person picking that side would keep. */
export function takeSide(text: string, side: 'ours' | 'theirs'): string {
  const out: string[] = [];
  let state: 'outside' | 'ours' | 'base' | 'theirs' = 'outside';
  for (const line of text.split(/(?<=\n)/)) {
    const bare = line.replace(/\r?\n$/, '');
    if (state === 'outside' && OPEN.test(bare)) state = 'ours';
    else if (state === 'ours' && /^\|{7,}(?: .*)?$/.test(bare)) state = 'base';
    else if ((state === 'ours' || state === 'base') && /^={7,}$/.test(bare)) state = 'theirs';
    else if (state === 'theirs' && CLOSE.test(bare)) state = 'outside';
    else if (state === 'outside' || state === side) out.push(line);
  }
  return out.join('');
}

/** What the briefbook merge driver writes after `<<<<<<< `, and how `validate` reads it back. */
export const driverLabel = (what: string) => `ours: ${what}`;

export function describeConflict(c: ConflictRegion): string {
  const what = /^ours: (.+)$/.exec(c.label)?.[1];
  const lines = c.endLine > c.line ? `lines ${c.line}–${c.endLine}` : `line ${c.line}`;
  return what ? `unresolved merge conflict in ${what} (${lines})` : `unresolved merge conflict: git conflict markers (${lines})`;
}

/** One located error per unresolved conflict, instead of the YAML errors the markers would cause. */
export function conflictDiagnostics(file: string, regions: readonly ConflictRegion[]): Diagnostic[] {
  return regions.map((c) => ({ file, line: c.line, column: 1, path: '', message: describeConflict(c), hint: CONFLICT_HINT }));
}

export const CONFLICT_HINT =
  'keep one side: delete from `<<<<<<<` to `=======` to keep theirs, or from `=======` to `>>>>>>>` to keep ours, and the marker lines; ' +
  '`briefbook merge` resolves what it can across the fact base; then `git add` the file';

/** One conflict as whole lines: ours, then theirs, each ending in a line break (or empty). */
export function conflictBlock(what: string, ours: string, theirs: string, size = 7): string {
  return `${'<'.repeat(size)} ${driverLabel(what)}\n${ours}${'='.repeat(size)}\n${theirs}${'>'.repeat(size)} theirs\n`;
}
