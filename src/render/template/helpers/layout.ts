// Helpers that shape the document rather than print facts: optional sections, styled
// regions (HTML comments in the Markdown, sections in the HTML), the BLUF, page breaks.
import { unescapeMarkdown } from '../../escape.js';
import { stripMarks } from '../marks.js';
import type { RenderState } from '../state.js';
import { type Helper, safe, split } from './args.js';

const REGION = /^[a-z][a-z0-9-]*$/;

/** Visible characters of rendered Markdown: footnote references, escapes and emphasis removed. */
export function visibleText(markdown: string): string {
  return unescapeMarkdown(
    stripMarks(markdown)
      .replace(/\[\^\d{1,9}\]/g, '')
      .replace(/(?<!\\)[*_]/g, ''),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * No visible text. A letter with no mark (NUL) anywhere in the text is visible: visibleText
 * removes letters only inside marks. So the whole reading of a long section is needed only
 * when no such letter is found.
 */
const printsNothing = (markdown: string) => !(!markdown.includes('\u0000') && /[A-Za-z]/.test(markdown)) && visibleText(markdown) === '';

/**
 * A letter on a line that is not a heading, in a body with no mark and no comment: a letter
 * the reading below would keep, so the section prints something. Found without a copy of
 * the body (a sources appendix is megabytes); the line ends are every one `^` and `.` know.
 */
const lineWithLetter = (body: string) =>
  !body.includes('\u0000') && !body.includes('<!--') && /^(?!#{1,6} )[^\n\r\u2028\u2029]*[A-Za-z]/m.test(body);

/**
 * A block's body as text. Handlebars hands back a body that is one expression as that
 * expression's value (a SafeString from a helper), not a string.
 */
const bodyOf = (self: unknown, o: { fn?: (context: unknown) => unknown }): string => (o.fn ? String(o.fn(self)) : '');

export function layoutHelpers(s: RenderState): Record<string, Helper> {
  return {
    /** {{#section "glossary"}}…{{/section}}: rendered only when front matter `sections` lists it. */
    section(this: unknown, ...args) {
      const [params, o] = split(args);
      const name = String(params[0] ?? '');
      s.sectionsInBody.add(name);
      if (!s.audience.front.sections.includes(name)) return '';
      s.sectionsSeen.add(name);
      const body = bodyOf(this, o);
      // A heading over nothing: a section whose lists selected nothing (another hearing's tags?).
      // A section that prints nothing at all ({{#if changes}} without --since) is meant to.
      if (
        s.sectionWarnings &&
        /^#{1,6} /m.test(body) &&
        !lineWithLetter(body) &&
        printsNothing(body.replace(/^#{1,6} .*$/gm, '').replace(/<!--[\s\S]*?-->/g, ''))
      ) {
        s.warn(
          o.loc,
          `section "${name}" renders empty`,
          'nothing in it printed: check the tags and ids its lists select, or take it out of `sections`',
          'empty-section',
        );
      }
      return body;
    },
    /** {{#region "cover"}}…{{/region}}: a styled block (a <section class="cover"> in HTML). */
    region(this: unknown, ...args) {
      const [params, o] = split(args);
      const name = String(params[0] ?? '');
      if (!REGION.test(name)) s.fail(o.loc, `region name "${name}" is not allowed`, 'use lower-case letters, digits and "-"');
      return safe(`<!-- begin:${name} -->\n\n${bodyOf(this, o).trim()}\n\n<!-- end:${name} -->\n`);
    },
    /** {{#bluf}}…{{/bluf}}: bottom line up front, held to front matter `blufChars` (about four lines). */
    bluf(this: unknown, ...args) {
      const [, o] = split(args);
      const body = bodyOf(this, o).trim();
      const length = visibleText(body).length;
      const max = s.audience.front.blufChars;
      if (length > max) {
        s.fail(
          o.loc,
          `the BLUF is ${length} characters, over the limit of ${max} (about four lines)`,
          'shorten it, or raise `blufChars` in the front matter',
        );
      }
      return safe(`<!-- begin:bluf -->\n\n${body}\n\n<!-- end:bluf -->\n`);
    },
    pagebreak: () => safe('<!-- pagebreak -->'),
  };
}
