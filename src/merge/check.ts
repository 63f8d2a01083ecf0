// Checking a merged fact file before it is written: a field combined from both sides that
// no longer validates becomes a conflict (ours' field against theirs'), and a reference
// to an item the merge removed from this file, or an id defined twice, is reported as a
// conflict too — never written silently. Problems one side already had are only noted.
import type { Diagnostic } from '../errors.js';
import { takeSide } from '../facts/conflict-markers.js';
import { KINDS, type Kind, SINGULAR } from '../facts/kinds.js';
import { parseFactFile } from '../facts/parse-file.js';
import type { MergeConflict } from './edits.js';
import { referencesOf } from './references.js';
import { fieldKey } from './three-way.js';
import { readVersion, sectionIds, type Version } from './version.js';

export interface Checked {
  /** Combined fields that must be merged again as conflicts. */
  force: string[];
  conflicts: MergeConflict[];
  notes: string[];
}

export interface CheckInput {
  text: string;
  path: string;
  versions: { base: Version; ours: Version; theirs: Version };
  combined: ReadonlySet<string>;
  /** Whether another file of the fact base defines this item (it was moved, not removed). */
  elsewhere: (kind: Kind, id: string) => boolean;
  /** The merge left conflict markers: lines would not match, so only combined fields are checked. */
  hasMarkers: boolean;
}

export function checkMerged({ text, path, versions, combined, elsewhere, hasMarkers }: CheckInput): Checked | { broken: string } {
  // Every side of a conflict was a valid file: checking ours' side checks what the merge combined.
  const resolved = hasMarkers ? takeSide(text, 'ours') : text;
  const bytes = new TextEncoder().encode(resolved);
  const diags: Diagnostic[] = [];
  const parsed = parseFactFile({ path, bytes }, diags);
  // Only a file that did not load needs the slower look at whether the merge broke its YAML.
  const read = parsed.data && diags.length === 0 ? undefined : readVersion(bytes);
  if (read && 'problem' in read && resolved.trim() !== '') return { broken: read.problem };
  const out: Checked = { force: [], conflicts: [], notes: [] };
  for (const d of diags) {
    const m = /^(\w+)\[(\d+)\](?:\.([^.[]+))?/.exec(d.path);
    const id = m && read && 'doc' in read ? read.doc.getIn([m[1], Number(m[2]), 'id']) : undefined;
    const key = m && typeof id === 'string' ? fieldKey(m[1] as Kind, id, m[3] ?? '') : '';
    if (combined.has(key)) out.force.push(key);
    else out.notes.push(`${d.file}:${d.line}:${d.column}: ${d.message} (as one side already had it; \`briefbook validate\` reports it)`);
  }
  if (hasMarkers || !parsed.data) return out;
  const defined = (v: Version) => new Set(KINDS.flatMap((k) => sectionIds(v, k).map((id) => `${k}:${id}`)));
  const [b, o, t] = [defined(versions.base), defined(versions.ours), defined(versions.theirs)];
  const seen = new Set<string>();
  for (const kind of KINDS) {
    (parsed.data[kind] ?? []).forEach((item, kept) => {
      const index = parsed.rawIndex(kind, kept);
      const here = `${kind}:${item.id}`;
      if (seen.has(here)) {
        const line = parsed.locate([kind, index, 'id']).line;
        out.conflicts.push(plain(kind, item.id, '', line, 'defines it again in this file', 'defines it again in this file'));
      }
      seen.add(here);
      for (const ref of referencesOf(kind, item as unknown as Record<string, unknown>)) {
        const target = `${ref.kind}:${ref.id}`;
        const now = (k: Kind, x: string) => idsNow(parsed.data ?? {}, k).has(x) || parsed.broken.some((i) => i.kind === k && i.id === x);
        const gone = (b.has(target) || o.has(target) || t.has(target)) && !now(ref.kind, ref.id);
        if (!gone || elsewhere(ref.kind, ref.id)) continue;
        const removed = `removed ${SINGULAR[ref.kind]} ${ref.id} (or moved it to another file)`;
        const refers = `refers to ${SINGULAR[ref.kind]} ${ref.id}`;
        const [ours, theirs] = o.has(target) ? [refers, removed] : [removed, refers];
        const field = ref.at.filter((s) => typeof s === 'string').join('.');
        out.conflicts.push({ ...plain(kind, item.id, field, parsed.locate([kind, index, ...ref.at]).line, ours, theirs), reference: true });
      }
    });
  }
  return out;
}

function plain(kind: Kind, id: string, path: string, line: number, ours: string, theirs: string): MergeConflict {
  const what = `${SINGULAR[kind]} ${id}${path ? ` field ${path}` : ''}`;
  return { what, ours, theirs, line, item: { kind, id }, path };
}

function idsNow(data: Partial<Record<Kind, { id: string }[]>>, kind: Kind): Set<string> {
  return new Set((data[kind] ?? []).map((i) => i.id));
}
