// Everything one audience's render needs and records: the facts it may see, the full
// fact base (only to tell "too sensitive" from "unknown"), the footnotes cited so far,
// which template file is running (so helper errors point at file:line:col), and the
// render's guard: every value printed carries its item's sensitivity (its taint), and one
// above the audience's is refused here, whichever path it took.
import { type Diagnostic, UserError } from '../../errors.js';
import type { FactBase } from '../../facts/factbase.js';
import { type Kind, type Sensitivity, SINGULAR } from '../../facts/kinds.js';
import { above, noteLevel, restingLevel } from '../../facts/levels.js';
import type { PacketTime } from '../../facts/packet-time.js';
import { type Provenance, provenanceOf } from '../../facts/provenance.js';
import type { Fact, Variant } from '../../facts/schema.js';
import { nearest } from '../../util/closest.js';
import { DEFAULT_LOCALE, NUMBER_LOCALES, type NumberLocale } from '../../util/number-locales.js';
import type { Guard, Taint } from '../escape.js';
import type { Audience } from '../template-files/audiences.js';
import { guardedView } from './guarded.js';
import type { Tracker } from './marks.js';
import { Placeholders } from './placeholders.js';
import { provenanceNote } from './provenance-text.js';

export interface Loc {
  start: { line: number; column: number };
}

/** A template file running: its lines offset by its front matter; its text locates errors Handlebars gives no position for. */
interface Frame {
  file: string;
  lineOffset: number;
  source?: string;
}

type Item = { id: string; sensitivity?: Sensitivity; facts?: readonly string[] };

export class RenderState implements Guard {
  readonly frames: Frame[] = [];
  /** The fact base this audience may see, each item passing the guard as a helper takes it. */
  readonly fb: FactBase;
  /** The list blocks running, innermost last: where each is, how many items it has, the item running. */
  readonly blocks: { loc: Loc | undefined; count: number; item?: object }[] = [];
  /** Where the helpers running were called, innermost last (a refusal points at the innermost). */
  readonly calls: (Loc | undefined)[] = [];
  readonly partials: string[] = []; // partials running, innermost last
  /** Where {{contents}} and {{notes}} go, filled in after the template has run. */
  readonly marks = new Placeholders();
  /** The most sensitive thing printed so far: the banner may not claim less. */
  held: Taint = { level: 'public', what: 'nothing above public' };
  partialNames: string[] = []; // the partials this render can use, for hints
  /** SVG figures drawn ({{timelineFigure}}), figure N at N - 1; placed in the HTML only. */
  readonly figures: string[] = [];
  /** Footnote texts in order of first citation; the index + 1 is the note number. */
  readonly notes: string[] = [];
  private readonly noteIndex = new Map<string, number>();
  /** Fact ids cited, in order of first citation. */
  readonly cited: string[] = [];
  private readonly citedSet = new Set<string>();
  readonly sectionsSeen = new Set<string>();
  readonly sectionsInBody = new Set<string>();
  helperNames: string[] = []; // names a template may use, for "did you mean" hints
  contextNames: string[] = [];
  notesTitle = 'Notes'; // the footnotes block's heading, set by {{notes title="…"}}
  /** Marks what changed since REV, for tracked changes (marks.ts); only when the build asks for them. */
  tracker?: Tracker;
  /** The as-of date, hearing and staleness settings of this build; set before any helper runs. */
  time!: PacketTime;
  numbers: NumberLocale = NUMBER_LOCALES[DEFAULT_LOCALE]; // how figures are written (briefbook.yaml `locale`)
  sectionWarnings = true; // whether {{#section}} looks for a heading over nothing (render-markdown.ts `warnings`)
  private nouns?: ReadonlySet<string>;
  private readonly levelOf = (item: Partial<Item>) => restingLevel(item, (id) => this.full.facts.get(id)?.sensitivity); // with what it rests on

  constructor(
    readonly visible: FactBase, // the selection for this audience's level, the same object for every packet of that level
    readonly full: FactBase,
    readonly audience: Audience,
    /** The fact base's proper nouns (facts/proper-nouns.ts), computed on first use. */
    private readonly nounsOf: () => ReadonlySet<string>,
  ) {
    // Every item a helper reads passes here: its taint (and name) is made only to refuse it.
    this.fb = guardedView(visible, (kind, item) => above(this.levelOf(item), this.ceiling) && this.admit(this.taint(kind, item as Item)));
  }

  /** The taint of an item's values: its level (counting the facts it rests on), and its name. */
  taint(kind: Kind, item: Item): Taint {
    return { level: this.levelOf(item), what: `${SINGULAR[kind]} "${item.id}"` };
  }

  /** The taint of an item's editorial note (a fact's, a source's): internal at least. */
  noteTaint(item: Item, noun = 'fact'): Taint {
    return { level: noteLevel(item), what: `the note on ${noun} "${item.id}"` };
  }

  get ceiling(): Sensitivity {
    return this.audience.front.sensitivity;
  }

  /** Refuses a value above the audience's sensitivity, at the block (or template) printing it. */
  admit(taint: Taint): void {
    if (!above(taint.level, this.ceiling)) return;
    this.fail(
      [...this.calls].reverse().find((l) => l !== undefined),
      `this packet would print ${taint.what}, which is ${taint.level}, above its sensitivity (${this.ceiling})`,
      `the fact base's ${taint.level} material never reaches a ${this.ceiling} packet; remove what prints it, or raise \`sensitivity\` in the front matter`,
    );
  }

  /** Admits a value that is printed, and remembers the highest level printed. */
  hold(taint: Taint): void {
    this.admit(taint);
    if (above(taint.level, this.held.level)) this.held = taint;
  }

  holdItem(kind: Kind, item: Item): void {
    if (above(this.levelOf(item), this.held.level)) this.hold(this.taint(kind, item));
  }

  /** An item's editorial note, when the audience may see notes (they are internal at least). */
  noteOf(item: { note?: string; sensitivity?: Sensitivity }): string | undefined {
    return above(noteLevel(item), this.ceiling) ? undefined : item.note;
  }

  get properNouns(): ReadonlySet<string> {
    this.nouns ??= this.nounsOf();
    return this.nouns;
  }

  where(loc: Loc | undefined): { file: string; line: number; column: number } {
    const frame = this.frames.at(-1) ?? { file: this.audience.file, lineOffset: this.audience.bodyLine - 1 };
    return {
      file: frame.file,
      line: (loc?.start.line ?? 1) + frame.lineOffset,
      column: (loc?.start.column ?? 0) + 1,
    };
  }

  /** Problems that do not stop the render (a tag that selects nothing, an empty section), once per place. */
  readonly warnings: Diagnostic[] = [];
  warn(loc: Loc | undefined, message: string, hint: string, rule: string): void {
    const d = { path: '', ...this.where(loc), message, hint, rule };
    if (!this.warnings.some((w) => w.line === d.line && w.column === d.column && w.file === d.file && w.message === message))
      this.warnings.push(d);
  }

  fail(loc: Loc | undefined, message: string, hint: string): never {
    throw UserError.at(this.where(loc), message, hint);
  }

  /** A fact this audience may see; anything else is a located build error. */
  fact(id: string, loc: Loc | undefined): Fact {
    // A fact removed since REV is printed only as a deletion (tracked changes).
    const f = this.fb.facts.get(id) ?? (this.tracker?.removing ? this.tracker.revisions.removed.get(id) : undefined);
    if (f) {
      this.holdItem('facts', f);
      return f;
    }
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
    if (e) {
      this.holdItem('entities', e);
      return e;
    }
    if (this.full.entities.has(id)) this.fail(loc, `entity "${id}" is above this audience's sensitivity`, `remove it from the template`);
    const near = nearest(id, this.fb.entities.keys());
    return this.fail(
      loc,
      `unknown entity id "${id}"`,
      near.length ? `did you mean ${near.map((n) => `"${n}"`).join(' or ')}?` : 'run `briefbook list entities`',
    );
  }

  /** A source id this audience cannot see: too sensitive, or unknown (with the closest ids). */
  missingSource(id: string, loc: Loc | undefined): never {
    const hidden = this.full.sources.get(id);
    if (hidden) this.fail(loc, `source "${id}" is above this audience's sensitivity`, `remove it from ${this.audience.file}`);
    const near = nearest(id, this.fb.sources.keys());
    return this.fail(
      loc,
      `unknown source id "${id}"`,
      near.length ? `did you mean ${near.map((n) => `"${n}"`).join(' or ')}?` : 'run `briefbook list sources`',
    );
  }

  /** What a helper prints for a fact: `text` of it, then `rest`; with a tracker, marked where it differs at REV. */
  track(f: Fact, text: (f: Fact) => string | undefined, rest = ''): string {
    const now = text(f) ?? '';
    return this.tracker ? this.tracker.print(f, now, text, rest) : now + rest;
  }

  markCited(id: string): void {
    // A removed fact, printed only as a deletion, is cited nowhere.
    if (this.citedSet.has(id) || this.tracker?.removing) return;
    this.citedSet.add(id);
    this.cited.push(id);
  }

  /** Registers a footnote (once per key) and returns its Markdown reference, e.g. `[^3]`. */
  note(key: string, text: () => string): string {
    if (this.tracker?.removing) return '';
    let n = this.noteIndex.get(key);
    if (n === undefined) {
      this.notes.push(text());
      n = this.notes.length;
      this.noteIndex.set(key, n);
    }
    return `[^${n}]`;
  }

  /**
   * A fact's (or one variant's) provenance, as this audience may see it. Computed on the
   * selection shared by every audience of this level (so once per fact base and level);
   * the documents it names pass the guard as they are printed (cite, provenance-text).
   */
  provenance(f: Fact, variant?: Variant): Provenance {
    return provenanceOf(this.visible, f, variant);
  }

  /**
   * The footnote for a fact (or one variant: only the documents that give that version):
   * each document and whom it credits, then origins, documents and outlets. Identical
   * notes are shared.
   */
  cite(f: Fact, variant?: Variant): string {
    this.holdItem('facts', f);
    this.markCited(f.id);
    const p = this.provenance(f, variant);
    for (const id of p.documents) {
      const source = this.fb.sources.get(id);
      if (source) this.holdItem('sources', source);
    }
    // Read through the guarded view: every document and party named passes the guard.
    const text = provenanceNote(this.fb, p);
    return this.note(`text:${text}`, () => text);
  }
}
