// Handlebars' own errors (syntax, strict lookups, missing partials) carry a line and
// column of the template text, or none at all; these turn them into UserErrors at the
// template file's line and column, with a hint.
import { UserError } from '../../errors.js';
import { nearest } from '../../util/closest.js';
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
  if (undefinedName !== undefined) {
    const near = nearest(undefinedName, [...state.helperNames, ...state.contextNames]);
    return UserError.at(
      state.where(loc),
      `template: unknown name "${undefinedName}" (neither a helper nor a value here)`,
      near.length
        ? `did you mean ${near.map((n) => `"${n}"`).join(' or ')}?`
        : 'check the spelling; docs/packets.md lists the helpers and the context values',
      e,
    );
  }
  return UserError.at(state.where(loc), `template: ${message}`, detail || 'see docs/packets.md', e);
}
