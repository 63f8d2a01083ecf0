// Audience template → Markdown. One private Handlebars instance per render, with the
// helpers bound to this render's state; partials are wrapped so that errors inside them
// point at templates/partials/<name>.hbs:line:col.
import Handlebars from 'handlebars';
import { UserError } from '../../errors.js';
import type { FactBase } from '../../facts/factbase.js';
import { type PacketTime, packetTime } from '../../facts/packet-time.js';
import { properNouns } from '../../facts/proper-nouns.js';
import { selectForAudience } from '../../facts/select.js';
import type { BuildStamp } from '../../facts/stamp.js';
import { nearest } from '../../util/closest.js';
import { escapeMarkdown as md, wrapStrings } from '../escape.js';
import { headingsOf } from '../markdown/to-html.js';
import type { Audience } from '../template-files/audiences.js';
import type { Partial } from '../template-files/partials.js';
import type { ChangesView } from './changes-view.js';
import { formatDate } from './format.js';
import type { Options } from './helpers/args.js';
import { CONTENTS, NOTES } from './helpers/blocks.js';
import { helpers } from './helpers/index.js';
import { RenderState } from './state.js';
import { inFrame } from './template-errors.js';
import { timeView } from './time-view.js';

export interface RenderInput {
  audience: Audience;
  /** The whole validated fact base; the render selects what the audience may see. */
  factBase: FactBase;
  partials: readonly Partial[];
  stamp: BuildStamp;
  /** The "Changes since" section for this audience's level (`build --since`). */
  changes?: ChangesView;
  /** As-of date, hearing and staleness settings; default: as of the stamp's date, no hearing. */
  time?: PacketTime;
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
}

export function renderMarkdown(input: RenderInput): RenderedMarkdown {
  const { audience, factBase, partials, stamp } = input;
  const visible = selectForAudience(factBase, audience.front.sensitivity);
  const state = new RenderState(visible, factBase, audience, input.properNouns ?? (() => properNouns(factBase)));
  state.time = input.time ?? packetTime({}, stamp.date);
  const hbs = Handlebars.create();
  const all = helpers(state);
  hbs.registerHelper(all);
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
    const compiled = hbs.compile(p.source, { strict: true });
    hbs.registerPartial(p.name, ((context: unknown, options: unknown) =>
      inFrame(state, { file: p.file, lineOffset: 0, source: p.source }, () =>
        compiled(context, options as Handlebars.RuntimeOptions),
      )) as unknown as Handlebars.Template);
  }
  const body = hbs.compile(audience.body, { strict: true });
  const context = wrapStrings({
    ...Object.fromEntries(Object.keys(audience.front).map((k) => [k, null])),
    ...audience.front,
    name: audience.name,
    dateLine: formatDate(audience.front.date ?? stamp.date),
    stamp: stamp.text,
    changes: input.changes ?? null,
    ...timeView(state.time),
  });
  state.contextNames = Object.keys(context as object);
  state.partialNames = partials.map((p) => p.name);
  const frame = { file: audience.file, lineOffset: audience.bodyLine - 1, source: audience.body };
  let markdown = inFrame(state, frame, () => body(context));

  const missing = audience.front.sections.filter((name) => !state.sectionsSeen.has(name));
  if (missing.length > 0) {
    const where = audience.keyPositions.sections ?? { line: 1, column: 1 };
    throw UserError.at(
      { file: audience.file, ...where },
      `section${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')} listed in front matter but not in the body`,
      `the body has ${[...state.sectionsInBody].map((n) => `"${n}"`).join(', ') || 'no {{#section}} blocks'}`,
    );
  }
  markdown = placeNotes(markdown, state);
  markdown = placeContents(markdown);
  return { markdown: tidy(markdown), cited: state.cited };
}

function placeNotes(markdown: string, state: RenderState): string {
  const block =
    state.notes.length === 0 ? '' : `## ${md(state.notesTitle)}\n\n${state.notes.map((text, i) => `[^${i + 1}]: ${text}`).join('\n')}\n`;
  if (markdown.includes(NOTES)) return markdown.split(NOTES).join(block);
  return block ? `${markdown.trimEnd()}\n\n${block}` : markdown;
}

/** Fills {{contents}} with links to the headings (level 2, and 3 at depth 3) that follow it. */
function placeContents(markdown: string): string {
  const found = CONTENTS.exec(markdown);
  if (!found) return markdown;
  const at = found.index;
  const depth = Number(found[1]);
  const rest = markdown.slice(at + found[0].length);
  const head = '## Contents\n\n';
  const before = headingsOf(`${markdown.slice(0, at)}${head}`).length;
  const lines = headingsOf(`${markdown.slice(0, at)}${head}${rest}`)
    .slice(before)
    .filter((h) => h.depth >= 2 && h.depth <= depth)
    .map((h) => `${h.depth === 3 ? '   ' : ''}- [${md(h.plain)}](#${h.id})`);
  return `${markdown.slice(0, at)}<!-- begin:contents -->\n\n${head}${lines.join('\n')}\n\n<!-- end:contents -->${rest}`;
}

function tidy(markdown: string): string {
  return `${markdown
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
