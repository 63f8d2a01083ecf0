// Revision marks: where the text a fact helper printed sits in a packet's Markdown, so the
// Word writer can show the facts that changed since REV as tracked changes
// (`build --since REV -f docx`). This file is the whole mechanism; docs/architecture.md
// ("Revision marks") describes it.
//
// Only a render given `Revisions` makes marks, and it returns two Markdowns: the packet's
// own, with every mark and every removed item stripped (byte for byte what a render
// without revisions gives, so .md, .html and .pdf never change), and the tracked one,
// which only the Word writer reads:
//
//   NUL "R" n NUL … NUL "/R" NUL   span n (spans[n - 1]): text of fact `id` as printed now
//   NUL "G" NUL … NUL "/G" NUL     items printed only as deletions: facts removed since
//                                  REV, as the list they were in printed them
//
// A mark holds NUL, as the CONTENTS and NOTES placeholders do (helpers/blocks.ts): fact
// text reaches the Markdown through escapeMarkdown, which strips control characters, so no
// fact can forge or close a mark.
import type { Fact } from '../../facts/schema.js';

const NUL = '\u0000';
const OPEN_REMOVED = `${NUL}G${NUL}`;
const CLOSE_REMOVED = `${NUL}/G${NUL}`;
const CLOSE = `${NUL}/R${NUL}`;

/** A span's opening mark (group 1: its number) or its closing mark, for the Word writer's tokenizer. */
export const SPAN_MARK = new RegExp(`^${NUL}R(\\d+)${NUL}|^${CLOSE}`);
const SPANS = new RegExp(`${NUL}R\\d+${NUL}|${CLOSE}`, 'g');
const REMOVED = new RegExp(`${OPEN_REMOVED}[\\s\\S]*?${CLOSE_REMOVED}`, 'g');
const REMOVED_EDGES = new RegExp(`${OPEN_REMOVED}|${CLOSE_REMOVED}`, 'g');

export interface Span {
  /** The fact whose text this is. */
  id: string;
  /**
   * What the same helper printed for the fact at REV, as escaped Markdown like the span;
   * null when the fact is new to this audience (the whole span is an insertion).
   */
  before: string | null;
  /** The fact is gone since REV; the span is its old text and the whole paragraph a deletion. */
  removed: boolean;
}

/** The fact base at REV as one audience saw it, against the one being built. */
export interface Revisions {
  /** The fact at REV when it changed since; null when it is new to the audience; undefined when unchanged. */
  before(id: string): Fact | null | undefined;
  /** Facts the audience saw at REV that are gone (not merely hidden from it now), by id. */
  removed: ReadonlyMap<string, Fact>;
}

/** The Markdown with marks, and what each span stands for. */
export interface Tracked {
  markdown: string;
  spans: readonly Span[];
}

/** The packet's own Markdown: marks and removed items gone. */
export const stripMarks = (markdown: string) => markdown.replace(REMOVED, '').replace(SPANS, '');

/** The tracked Markdown as the Word writer lexes it: removed items kept in place, their block marks gone. */
export const unwrapRemoved = (markdown: string) => markdown.replace(REMOVED_EDGES, '');

/** Every text the tracked packet can show, removed items and earlier wordings included, for the leak guard. */
export function trackedText(t: Tracked): string {
  return [unwrapRemoved(t.markdown).replace(SPANS, ''), ...t.spans.map((s) => s.before ?? '')].join('\n\n');
}

/** Collects the spans of one render. */
export class Tracker {
  readonly spans: Span[] = [];
  /** Set while a list prints its removed facts. */
  removing = false;

  constructor(readonly revisions: Revisions) {}

  /**
   * A fact's printed text (`now`, escaped Markdown), marked when it differs from what
   * `text` gives for the fact at REV; `rest` (its note reference, a flag) follows it. A new
   * or removed fact's whole output is the span, so accepting or rejecting takes it all.
   */
  print(f: Fact, now: string, text: (f: Fact) => string | undefined, rest: string): string {
    if (this.removing) return this.span({ id: f.id, before: now, removed: true }, now + rest);
    const was = this.revisions.before(f.id);
    if (was === undefined) return now + rest;
    const before = was === null ? undefined : text(was);
    if (before === now) return now + rest;
    if (before === undefined) return this.span({ id: f.id, before: null, removed: false }, now + rest);
    return this.span({ id: f.id, before, removed: false }, now) + rest;
  }

  /** What a list prints for its removed facts, kept out of the packet's own Markdown. */
  removedItems(print: () => string): string {
    this.removing = true;
    try {
      const out = print();
      return out ? `${OPEN_REMOVED}${out}${CLOSE_REMOVED}` : '';
    } finally {
      this.removing = false;
    }
  }

  private span(span: Span, text: string): string {
    this.spans.push(span);
    return `${NUL}R${this.spans.length}${NUL}${text}${CLOSE}`;
  }
}
