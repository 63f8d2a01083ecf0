// Everything one audience's render needs and records: the facts it may see, the full
// fact base (only to tell "too sensitive" from "unknown"), the footnotes cited so far,
// and which template file is running (so helper errors point at file:line:col).
import { UserError } from '../../errors.js';
import type { FactBase } from '../../facts/factbase.js';
import type { PacketTime } from '../../facts/packet-time.js';
import { type Provenance, provenanceOf } from '../../facts/provenance.js';
import type { Fact, Variant } from '../../facts/schema.js';
import { rank } from '../../facts/select.js';
import { nearest } from '../../util/closest.js';
import type { Audience } from '../template-files/audiences.js';
import { provenanceNote } from './provenance-text.js';

export interface Loc {
  start: { line: number; column: number };
}

interface Frame {
  file: string;
  /** Added to template lines to give file lines (the front matter's length for audience bodies). */
  lineOffset: number;
  /** The template text, to locate errors Handlebars reports without a position. */
  source?: string;
}

export class RenderState {
  readonly frames: Frame[] = [];
  /** Names of the partials this render can use, for hints. */
  partialNames: string[] = [];
  /** Footnote texts in order of first citation; the index + 1 is the note number. */
  readonly notes: string[] = [];
  private readonly noteIndex = new Map<string, number>();
  /** Fact ids cited, in order of first citation. */
  readonly cited: string[] = [];
  private readonly citedSet = new Set<string>();
  readonly sectionsSeen = new Set<string>();
  readonly sectionsInBody = new Set<string>();
  /** Names a template may use, for "did you mean" hints. */
  helperNames: string[] = [];
  contextNames: string[] = [];
  /** Heading of the footnotes block, set by {{notes title="…"}}. */
  notesTitle = 'Notes';
  /** The as-of date, hearing and staleness settings of this build; set before any helper runs. */
  time!: PacketTime;
  private nouns?: ReadonlySet<string>;

  constructor(
    readonly fb: FactBase,
    readonly full: FactBase,
    readonly audience: Audience,
    /** The fact base's proper nouns (facts/proper-nouns.ts), computed on first use. */
    private readonly nounsOf: () => ReadonlySet<string>,
  ) {}

  get properNouns(): ReadonlySet<string> {
    this.nouns ??= this.nounsOf();
    return this.nouns;
  }

  get showsInternal(): boolean {
    return rank(this.audience.front.sensitivity) >= rank('internal');
  }

  where(loc: Loc | undefined): { file: string; line: number; column: number } {
    const frame = this.frames.at(-1) ?? { file: this.audience.file, lineOffset: this.audience.bodyLine - 1 };
    return {
      file: frame.file,
      line: (loc?.start.line ?? 1) + frame.lineOffset,
      column: (loc?.start.column ?? 0) + 1,
    };
  }

  fail(loc: Loc | undefined, message: string, hint: string): never {
    throw UserError.at(this.where(loc), message, hint);
  }

  /** A fact this audience may see; anything else is a located build error. */
  fact(id: string, loc: Loc | undefined): Fact {
    const f = this.fb.facts.get(id);
    if (f) return f;
    const hidden = this.full.facts.get(id);
    if (hidden) {
      this.fail(
        loc,
        `fact "${id}" is ${hidden.sensitivity}, above this audience's sensitivity (${this.audience.front.sensitivity})`,
        `remove it from ${this.audience.file}, or raise \`sensitivity\` in its front matter if the packet may carry ${hidden.sensitivity} material`,
      );
    }
    const near = nearest(id, this.fb.facts.keys());
    this.fail(
      loc,
      `unknown fact id "${id}"`,
      near.length ? `did you mean ${near.map((n) => `"${n}"`).join(' or ')}?` : 'run `briefbook list facts` to see the ids',
    );
  }

  entity(id: string, loc: Loc | undefined) {
    const e = this.fb.entities.get(id);
    if (e) return e;
    if (this.full.entities.has(id)) this.fail(loc, `entity "${id}" is above this audience's sensitivity`, `remove it from the template`);
    const near = nearest(id, this.fb.entities.keys());
    return this.fail(
      loc,
      `unknown entity id "${id}"`,
      near.length ? `did you mean ${near.map((n) => `"${n}"`).join(' or ')}?` : 'run `briefbook list entities`',
    );
  }

  markCited(id: string): void {
    if (this.citedSet.has(id)) return;
    this.citedSet.add(id);
    this.cited.push(id);
  }

  /** Registers a footnote (once per key) and returns its Markdown reference, e.g. `[^3]`. */
  note(key: string, text: () => string): string {
    let n = this.noteIndex.get(key);
    if (n === undefined) {
      this.notes.push(text());
      n = this.notes.length;
      this.noteIndex.set(key, n);
    }
    return `[^${n}]`;
  }

  /** A fact's (or one variant's) provenance, as this audience may see it. */
  provenance(f: Fact, variant?: Variant): Provenance {
    return provenanceOf(this.fb, f, variant);
  }

  /**
   * The footnote for a fact (or one variant: only the documents that give that version):
   * each document and whom it credits, then origins, documents and outlets. Identical
   * notes are shared.
   */
  cite(f: Fact, variant?: Variant): string {
    this.markCited(f.id);
    const text = provenanceNote(this.fb, this.provenance(f, variant));
    return this.note(`text:${text}`, () => text);
  }
}
