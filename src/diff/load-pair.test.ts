// loadPair parses only what differs between two sides; this checks it against the
// straightforward way (parse everything, select, compare) on random fact bases and edits.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { Diagnostic } from '../errors.js';
import { SENSITIVITIES, type Sensitivity, STATUSES } from '../facts/kinds.js';
import { loadFromFiles } from '../facts/load.js';
import { parseFactFile, type SourceFile } from '../facts/parse-file.js';
import { selectForAudience } from '../facts/select.js';
import { compareItems } from './compare.js';
import { loadPair } from './load-pair.js';

type Row = Record<string, unknown>;

const factArb = (i: number) =>
  fc.record({
    id: fc.constant(`f.${i}`),
    statement: fc.constantFrom('Alpha said so.', 'Beta, reportedly.', 'Gamma: 25,000 accounts', 'Delta\nwith a second line'),
    status: fc.constantFrom(...STATUSES),
    sensitivity: fc.constantFrom(...SENSITIVITIES),
    tags: fc.subarray(['a', 'b', 'c']),
    sources: fc.subarray([{ source: 's.1' }, { source: 's.2', quote: 'largest' }]),
  });

// Sources carry a sensitivity, and one that only hidden facts cite is hidden too: their
// titles and levels change, so whether a source is shown can flip either way.
const sourceArb = (i: number) =>
  fc.record({ id: fc.constant(`s.${i}`), title: fc.constantFrom('One', 'Uno'), sensitivity: fc.constantFrom(...SENSITIVITIES) });
const sourceEdit = fc.record({
  at: fc.nat(),
  title: fc.constantFrom('One', 'Uno', 'Eins'),
  sensitivity: fc.constantFrom(...SENSITIVITIES),
});

const base = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc.record({
    sources: fc.tuple(sourceArb(1), sourceArb(2)),
    facts: fc.tuple(...Array.from({ length: n }, (_, i) => factArb(i))),
    questions: fc.array(
      fc.subarray(
        Array.from({ length: n }, (_, i) => `f.${i}`),
        { minLength: 1 },
      ),
      { maxLength: 3 },
    ),
  }),
);

type Edit =
  | { op: 'status' | 'sensitivity' | 'statement'; at: number; value: string }
  | { op: 'remove' | 'rename' | 'duplicate'; at: number }
  | { op: 'add'; fact: Row }
  | { op: 'shuffle'; seed: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('status' as const), at: fc.nat(), value: fc.constantFrom(...STATUSES) }),
  fc.record({ op: fc.constant('sensitivity' as const), at: fc.nat(), value: fc.constantFrom(...SENSITIVITIES) }),
  fc.record({ op: fc.constant('statement' as const), at: fc.nat(), value: fc.constantFrom('New words.', 'Alpha said so.') }),
  fc.record({ op: fc.constantFrom('remove' as const, 'rename' as const, 'duplicate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('add' as const), fact: factArb(99) }),
  fc.record({ op: fc.constant('shuffle' as const), seed: fc.nat() }),
);

const layout = fc.record({
  files: fc.integer({ min: 1, max: 3 }),
  compact: fc.boolean(),
  comments: fc.boolean(),
  anchor: fc.boolean(),
});

function apply(facts: Row[], edits: Edit[]): Row[] {
  let out = facts.map((f) => structuredClone(f));
  for (const e of edits) {
    const at = 'at' in e ? e.at % Math.max(1, out.length) : 0;
    const target = out[at];
    if (e.op === 'add') out.push(structuredClone(e.fact));
    else if (e.op === 'shuffle')
      out = out
        .map((f, i) => [f, (i * 7919 + e.seed) % 101] as const)
        .sort((a, b) => a[1] - b[1])
        .map(([f]) => f);
    else if (!target) continue;
    else if (e.op === 'remove') out.splice(at, 1);
    else if (e.op === 'rename') target.id = `${target.id}.renamed`;
    else if (e.op === 'duplicate') out.push(structuredClone(target));
    else if ('value' in e) target[e.op] = e.value;
  }
  return out;
}

function render(
  label: string,
  facts: Row[],
  questions: string[][],
  l: { files: number; compact: boolean; comments: boolean; anchor: boolean },
  sources: readonly Row[],
): SourceFile[] {
  const files: SourceFile[] = [];
  const enc = new TextEncoder();
  for (let k = 0; k < l.files; k++) {
    const part = facts.filter((_, i) => i % l.files === k);
    if (part.length === 0) continue;
    let text = stringify({ facts: part }, { indentSeq: !l.compact, aliasDuplicateObjects: false, lineWidth: 0 });
    if (l.comments) text = `# part ${k}\n${text.replace(/\n(\s*)- id:/g, '\n$1# next\n$1- id:')}`;
    if (l.anchor && k === 0) text = text.replace(/sources:\n/, 'sources: &cited\n');
    files.push({ path: `${label}:data/facts/${k}.yaml`, bytes: enc.encode(text) });
  }
  const qs = questions.map((refs, i) => ({ id: `q.${i}`, question: 'Why?', answer: 'Because.', facts: refs }));
  files.push({
    path: `${label}:data/sources.yaml`,
    bytes: enc.encode(stringify({ sources })),
  });
  if (qs.length) files.push({ path: `${label}:data/questions.yaml`, bytes: enc.encode(stringify({ questions: qs })) });
  return files;
}

function straightforward(a: SourceFile[], b: SourceFile[], max?: Sensitivity) {
  // A diff refuses files that do not parse and duplicate ids; the cross-item rules are validate's business.
  const load = (files: SourceFile[]) => {
    const { factBase, report } = loadFromFiles(files);
    const parseErrors: Diagnostic[] = [];
    for (const f of files) parseFactFile(f, parseErrors);
    const failed = parseErrors.length > 0 || report.errors.some((e) => e.message.startsWith('duplicate '));
    return { fb: max ? selectForAudience(factBase, max) : factBase, failed };
  };
  const x = load(a);
  const y = load(b);
  if (x.failed || y.failed) return 'error';
  return compareItems(x.fb, y.fb, { redact: max === 'public' });
}

function fast(a: SourceFile[], b: SourceFile[], max?: Sensitivity) {
  try {
    const pair = loadPair({ label: 'A', files: a }, { label: 'B', files: b }, { max });
    return compareItems(pair.from, pair.to, { redact: max === 'public' });
  } catch {
    return 'error';
  }
}

describe('loadPair', () => {
  it('gives the same changes as parsing both sides in full, for any edits and layouts', () => {
    fc.assert(
      fc.property(
        base,
        fc.array(edit, { maxLength: 4 }),
        fc.array(sourceEdit, { maxLength: 2 }),
        layout,
        layout,
        (b, edits, srcEdits, la, lb) => {
          const a = render('A', b.facts, b.questions, la, b.sources);
          const sources = b.sources.map((x) => ({ ...x }));
          for (const e of srcEdits) Object.assign(sources[e.at % sources.length]!, { title: e.title, sensitivity: e.sensitivity });
          const after = render('B', apply(b.facts, edits), b.questions, lb, sources);
          for (const max of [undefined, 'public', 'internal'] as const) {
            expect(fast(a, after, max)).toEqual(straightforward(a, after, max));
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('treats shared content as unchanged without parsing it, even when it does not parse', () => {
    const enc = new TextEncoder();
    const broken = { path: 'x', bytes: enc.encode('facts: [unclosed\n') };
    const a = {
      label: 'A',
      files: [
        { ...broken, path: 'A:broken.yaml' },
        { path: 'A:ok.yaml', bytes: enc.encode('sources:\n  - id: s.1\n    title: One\n') },
      ],
    };
    const b = {
      label: 'B',
      files: [
        { ...broken, path: 'B:broken.yaml' },
        { path: 'B:ok.yaml', bytes: enc.encode('sources:\n  - id: s.1\n    title: Uno\n') },
      ],
    };
    const pair = loadPair(a, b);
    expect(compareItems(pair.from, pair.to).changed).toEqual([
      { kind: 'sources', id: 's.1', fields: [{ path: 'title', from: 'One', to: 'Uno' }] },
    ]);
  });
});
