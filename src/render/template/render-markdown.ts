// Audience template → Markdown. One private Handlebars instance per render, with the
// helpers bound to this render's state; partials are wrapped so that errors inside them
// point at templates/partials/<name>.hbs:line:col.
import Handlebars from 'handlebars/runtime';
import { type Diagnostic, UserError } from '../../errors.js';
import type { FactBase } from '../../facts/factbase.js';
import { type PacketTime, packetTime } from '../../facts/packet-time.js';
import { properNouns } from '../../facts/proper-nouns.js';
import { selectForAudience } from '../../facts/select.js';
import type { BuildStamp } from '../../facts/stamp.js';
import { nearest } from '../../util/closest.js';
import { type LocaleId, NUMBER_LOCALES } from '../../util/number-locales.js';
import { type Taint, wrapStrings } from '../escape.js';
import type { Audience } from '../template-files/audiences.js';
import type { Partial } from '../template-files/partials.js';
import type { ChangesView } from './changes-view.js';
import { compileStrict } from './compiled.js';
import { finishMarkdown } from './finish.js';
import { formatDate } from './format.js';
import { type Helper, type Options, ownField } from './helpers/args.js';
import { helpers } from './helpers/index.js';
import { TEMPLATE_LIMITS } from './limits.js';
import { type Revisions, stripMarks, type Tracked, Tracker } from './marks.js';
import { withoutMarks } from './placeholders.js';
import { RenderState } from './state.js';
import { includeSite, inFrame } from './template-errors.js';
import { timeView } from './time-view.js';

export interface RenderInput {
  audience: Audience;
  /** The whole validated fact base; the render selects what the audience may see. */
  factBase: FactBase;
  partials: readonly Partial[];
  stamp: BuildStamp;
  /** The "Changes since" section for this audience's level (`build --since`). */
  changes?: ChangesView;
  /** What changed since REV for this audience's level: mark it, for tracked changes (marks.ts). */
  revisions?: Revisions;
  /** As-of date, hearing and staleness settings; default: as of the stamp's date, no hearing. */
  time?: PacketTime;
  /** False: warnings that cost a reading of a whole section are not looked for (PacketContext.warnings). */
  warnings?: boolean;
  /** How figures are written; en-US by default. */
  locale?: LocaleId;
  /**
   * The fact base's proper nouns; by default computed from `factBase`. `watch` passes them
   * in, computed from the whole fact base without recording a read of every statement.
   */
  properNouns?: () => ReadonlySet<string>;
}

export interface RenderedMarkdown {
  markdown: string;
  /** Fact ids cited, in order of first citation. */
  cited: string[];
  /** With `revisions`: the Markdown with revision marks, for the Word writer. `markdown` has none. */
  tracked?: Tracked;
  /** The most sensitive thing the packet printed (its banner may not claim less). */
  held: Taint;
  /** Problems that did not stop the render: tags that select nothing, sections that render empty. */
  warnings: Diagnostic[];
  /** SVG figures for the HTML (template/timeline-svg.ts, placeFigures). */
  figures: string[];
}

export function renderMarkdown(input: RenderInput): RenderedMarkdown {
  const { audience, factBase, partials, stamp } = input;
  const visible = selectForAudience(factBase, audience.front.sensitivity);
  const state = new RenderState(visible, factBase, audience, input.properNouns ?? (() => properNouns(factBase)));
  if (input.revisions) state.tracker = new Tracker(input.revisions);
  state.time = input.time ?? packetTime({}, stamp.date);
  if (input.locale) state.numbers = NUMBER_LOCALES[input.locale];
  state.sectionWarnings = input.warnings !== false;
  const hbs = Handlebars.create();
  const all = helpers(state);
  hbs.registerHelper(Object.fromEntries(Object.entries(all).map(([name, fn]) => [name, calledAt(state, name, fn)])));
  const helperNames = [...Object.keys(all), 'if', 'unless', 'each', 'with', 'lookup', 'log'];
  state.helperNames = helperNames;
  hbs.registerHelper('helperMissing', (...args: unknown[]) => {
    const o = args.at(-1) as Options & { name: string };
    const near = nearest(o.name, helperNames);
    state.fail(
      o.loc,
      `unknown helper "${o.name}"`,
      near.length ? `did you mean ${near.map((n) => `"${n}"`).join(' or ')}?` : 'see docs/packets.md, "Helpers"',
    );
  });
  for (const p of partials) {
    const compiled = compileStrict(hbs, p.source);
    hbs.registerPartial(p.name, ((context: unknown, options: unknown) => {
      enterPartial(state, p.name);
      try {
        return inFrame(state, { file: p.file, lineOffset: 0, source: p.source }, () =>
          compiled(context, options as Handlebars.RuntimeOptions),
        );
      } finally {
        state.partials.pop();
      }
    }) as unknown as Handlebars.Template);
  }
  const body = compileStrict(hbs, audience.body);
  // Front matter and build details are the template's own text; the changes section
  // carries each item's taint (changes-view.ts). Every string answers to the render's guard.
  const context = wrapStrings(
    {
      ...Object.fromEntries(Object.keys(audience.front).map((k) => [k, null])),
      ...audience.front,
      name: audience.name,
      dateLine: formatDate(audience.front.date ?? stamp.date),
      stamp: stamp.text,
      changes: input.changes ?? null,
      ...timeView(state.time),
    },
    { level: 'public', what: 'front matter' },
    state,
  );
  state.contextNames = Object.keys(context as object);
  state.partialNames = partials.map((p) => p.name);
  const frame = { file: audience.file, lineOffset: audience.bodyLine - 1, source: audience.body };
  const rendered = () => {
    const markdown = inFrame(state, frame, () => body(context));
    checkSections(audience, state);
    return markdown;
  };
  // What the render found, read once it has run.
  const done = (markdown: string) => ({ markdown, cited: state.cited, held: state.held, warnings: state.warnings, figures: state.figures });
  // Any NUL a template typed is dropped from the packet; the tracked Markdown keeps the revision marks.
  if (!state.tracker) return done(withoutMarks(finishMarkdown(rendered, state)));
  const markdown = rendered();
  // The packet's own Markdown is made from the body with the marks stripped, exactly as without them.
  const packet = done(withoutMarks(finishMarkdown(() => stripMarks(markdown), state)));
  return { ...packet, tracked: { markdown: finishMarkdown(() => markdown, state), spans: state.tracker.spans } };
}

/** Every section the front matter lists must be in the body. */
function checkSections(audience: Audience, state: RenderState): void {
  const missing = audience.front.sections.filter((name) => !state.sectionsSeen.has(name));
  if (missing.length > 0) {
    const where = audience.keyPositions.sections ?? { line: 1, column: 1 };
    throw UserError.at(
      { file: audience.file, ...where },
      `section${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')} listed in front matter but not in the body`,
      `the body has ${[...state.sectionsInBody].map((n) => `"${n}"`).join(', ') || 'no {{#section}} blocks'}`,
    );
  }
}

/** A helper that records where it was called while it runs, so refusals inside it are located. */
function calledAt(state: RenderState, name: string, fn: Helper): Helper {
  return function (this: unknown, ...args: unknown[]) {
    const o = args.at(-1) as Options | undefined;
    // Handlebars asks a helper first; a bare {{date}} on a loop item that has a date means the field.
    const field = args.length === 1 && !o?.fn ? ownField(this, name) : undefined;
    if (field) return field.value;
    state.calls.push(o?.loc);
    try {
      return fn.apply(this, args);
    } finally {
      state.calls.pop();
    }
  };
}

/** A partial including itself (directly or through others), or nested too deep, is a located error. */
function enterPartial(state: RenderState, name: string): void {
  const cycle = state.partials.indexOf(name);
  if (cycle >= 0 || state.partials.length >= TEMPLATE_LIMITS.partialDepth) {
    const path = [...state.partials.slice(Math.max(cycle, 0)), name].map((n) => `{{> ${n}}}`).join(' → ');
    state.fail(
      includeSite(state, name),
      cycle >= 0
        ? `partial "${name}" includes itself: ${path}`
        : `partials nested ${state.partials.length + 1} deep, over the limit of ${TEMPLATE_LIMITS.partialDepth}`,
      'a partial may not include itself, directly or through other partials; remove the include that closes the loop',
    );
  }
  state.partials.push(name);
}
