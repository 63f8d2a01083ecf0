// Handlebars' own errors (syntax, strict lookups, missing partials) carry a line and
// column of the template text, or none at all; these turn them into UserErrors at the
// template file's line and column, with a hint.
import { UserError } from '../../errors.js';
import { nearest } from '../../util/closest.js';
import { ITEM_FIELDS } from './helpers/args.js';
import type { Loc, RenderState } from './state.js';

export function inFrame<T>(state: RenderState, frame: { file: string; lineOffset: number; source?: string }, run: () => T): T {
  state.frames.push(frame);
  try {
    return run();
  } catch (e) {
    throw located(e, state);
  } finally {
    state.frames.pop();
  }
}

/**
 * Where the template running includes partial `name`: Handlebars gives no position, so
 * this is the first {{> name}} in the template's text.
 */
export function includeSite(state: RenderState, name: string): Loc {
  const source = state.frames.at(-1)?.source ?? '';
  const at = new RegExp(`{{~?>\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).exec(source)?.index;
  const before = at === undefined ? '' : source.slice(0, at);
  return { start: { line: before.split('\n').length, column: before.length - before.lastIndexOf('\n') - 1 } };
}

/** Handlebars' own errors (syntax, strict lookups) → a UserError at file:line:col. */
function located(e: unknown, state: RenderState): unknown {
  if (e instanceof UserError || !(e instanceof Error)) return e;
  if (e instanceof TypeError && /Cannot read properties of (undefined|null)/.test(e.message)) {
    const frame = state.where(undefined);
    return new UserError(`${frame.file}: template: a path goes through a missing value (${e.message})`, {
      hint: 'a dotted path such as {{a.b.c}} names something that is not there; check the spelling, or guard it with {{#if a.b}}',
      diagnostics: [{ file: frame.file, line: 0, column: 0, path: '', message: `template: ${e.message}`, hint: 'check dotted paths' }],
      cause: e,
    });
  }
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    // Recursion that is not a partial including itself (say, an inline partial that does).
    return UserError.at(
      state.where(undefined),
      'template: recursion too deep (a partial or block that includes itself?)',
      'remove the include or block that closes the loop',
      e,
    );
  }
  const partial = /^The partial (.+) could not be found/.exec(e.message)?.[1];
  if (partial !== undefined) {
    const near = nearest(partial, state.partialNames);
    return UserError.at(
      state.where(includeSite(state, partial)),
      `template: no partial "${partial}"`,
      `${near.length ? `did you mean ${near.map((n) => `"${n}"`).join(' or ')}? ` : ''}partials are templates/partials/<name>.hbs in the project or built into briefbook: ${state.partialNames.join(', ') || '(none)'}`,
      e,
    );
  }
  const he = e as Error & { lineNumber?: number; column?: number };
  const parse = /(?:Parse|Lexical) error on line (\d+)/.exec(he.message);
  const line = he.lineNumber ?? (parse ? Number(parse[1]) : undefined);
  if (line === undefined && !/^(Parse error|Lexical error|Missing helper|".*" not defined)/.test(he.message)) return e;
  const loc: Loc = { start: { line: line ?? 1, column: he.column ?? 0 } };
  const message = he.message
    .replace(/ - \d+:\d+$/, '')
    .replace(/\n[\s\S]*$/, '')
    .replace(/ in \[object Object\]$/, '');
  const detail = parse ? he.message.split('\n').slice(1).join(' ').replace(/\s+/g, ' ').trim() : '';
  const undefinedName = /^"(.*)" not defined/.exec(message)?.[1];
  if (undefinedName !== undefined) return unknownName(state, loc, undefinedName, e);
  return UserError.at(state.where(loc), `template: ${message}`, detail || 'see docs/packets.md', e);
}

/** A name that is neither a helper nor a value here; inside a loop, the hint names the item's fields. */
function unknownName(state: RenderState, loc: Loc, name: string, e: Error): UserError {
  // Annotated by the loop it escaped from, or (inside a partial) the loop still running.
  const item = state.blocks.at(-1)?.item;
  const inItem = (e as { [ITEM_FIELDS]?: string[] })[ITEM_FIELDS] ?? (item ? Object.keys(item) : undefined);
  // {{statement.raw}} fails on "raw": a name inside a value, not a field of the item.
  const fields = pathAt(state, loc).includes('.') ? undefined : inItem;
  const near = nearest(name, fields ?? [...state.helperNames, ...state.contextNames]).filter((n) => n !== name);
  const suggest = near.length ? `did you mean ${near.map((n) => `"${n}"`).join(' or ')}? ` : '';
  if (!fields) {
    return UserError.at(
      state.where(loc),
      `template: unknown name "${name}" (neither a helper nor a value here)`,
      suggest.trim() || 'check the spelling; docs/packets.md lists the helpers and the context values',
      e,
    );
  }
  const outer = state.contextNames.includes(name) ? `"${name}" is the packet's, not the item's: write {{@root.${name}}}. ` : '';
  return UserError.at(
    state.where(loc),
    `template: the item of this loop has no field "${name}"`,
    `${outer}${suggest}The item's fields: ${fields.join(', ')}.`,
    e,
  );
}

/** The path written at `loc` in the running template ("statement.raw"), or "" when it cannot be read. */
function pathAt(state: RenderState, loc: Loc): string {
  const lines = (state.frames.at(-1)?.source ?? '').split('\n');
  return /^[\w@./-]*/.exec((lines[loc.start.line - 1] ?? '').slice(loc.start.column))?.[0] ?? '';
}
