// The Word document's styles: the house stylesheet (templates/styles/briefbook.css) as
// Word styles. Font families come from the packet's own CSS, so a project that names other
// fonts gets them in Word too; sizes, colours and spacing are the house style's (Word
// cannot apply CSS). Real Heading 1–3 styles, so Word's navigation pane and its own table
// of contents work.
import {
  AlignmentType,
  BorderStyle,
  type INumberingOptions,
  type IParagraphStyleOptions,
  type IStylesOptions,
  LevelFormat,
  LineRuleType,
  ShadingType,
} from 'docx';
import { stackFor } from '../print/font-stacks.js';
import type { Audience } from '../template-files/audiences.js';

export const COLOR = { ink: '1A1A1A', muted: '555555', rule: '9A9A9A', accent: '1F3A5F', shade: 'EEF1F5', cellRule: 'C8C8C8' };

/** Points → Word's half-points (font sizes) and twentieths of a point (spacing, indents). */
export const half = (pt: number) => Math.round(pt * 2);
export const twips = (pt: number) => Math.round(pt * 20);
/** Line spacing in 240ths of a line, proportional to the font ("auto"; without the rule, some readers take it as exact). */
const lines = (n: number) => ({ line: n, lineRule: LineRuleType.AUTO });

/** Font stacks as the print stylesheet names them: first choice, then its fallbacks. */
export interface Fonts {
  serif: string[];
  sans: string[];
  mono: string[];
}

const FALLBACK: Fonts = {
  serif: ['Liberation Serif', 'Noto Serif', 'Times New Roman'],
  sans: ['Liberation Sans', 'Noto Sans', 'Arial'],
  mono: ['Liberation Mono', 'Noto Sans Mono', 'Courier New'],
};

export function fontsOf(css: string): Fonts {
  return {
    serif: stackFor(css, 'html') ?? stackFor(css, 'body') ?? FALLBACK.serif,
    sans: stackFor(css, 'h2') ?? stackFor(css, 'h1') ?? FALLBACK.sans,
    mono: stackFor(css, '.raw-html') ?? stackFor(css, 'code') ?? FALLBACK.mono,
  };
}

/** A run's font: the first family of a stack (the font table names the rest as its fallbacks). */
export const font = (stack: readonly string[]) => {
  const name = stack[0] ?? 'Times New Roman';
  return { ascii: name, hAnsi: name, cs: name };
};

const line = (pt: number, color: string) => ({ style: BorderStyle.SINGLE, size: Math.round(pt * 8), color, space: 1 });

export function documentStyles(audience: Audience, fonts: Fonts): IStylesOptions {
  const genre = audience.front.genre;
  const compact = genre === 'memo' || genre === 'brief';
  const sans = { font: font(fonts.sans) };
  const heading = (size: number, before: number, after: number) => ({
    run: { ...sans, size: half(size), bold: true, color: COLOR.accent },
    paragraph: { spacing: { before: twips(before), after: twips(after), ...lines(240) }, keepNext: true, keepLines: true },
  });
  const h2 = heading(compact ? 12 : 14, compact ? 10 : 18, 6);
  const style = (id: string, name: string, options: Omit<IParagraphStyleOptions, 'id' | 'name'>): IParagraphStyleOptions => ({
    id,
    name,
    basedOn: 'Normal',
    quickFormat: true,
    ...options,
  });
  return {
    default: {
      document: {
        run: { font: font(fonts.serif), size: half(genre === 'memo' ? 10.5 : 11), color: COLOR.ink },
        // CSS line-height 1.38 of the font size is about 1.2 of Word's single spacing.
        paragraph: { spacing: { after: twips(7), ...lines(288) } },
      },
      heading1: heading(20, 0, 8),
      heading2: { ...h2, paragraph: { ...h2.paragraph, border: { bottom: line(0.75, COLOR.accent) } } },
      heading3: heading(genre === 'q-and-a' ? 11 : 11.5, genre === 'q-and-a' ? 14 : 12, 4),
      heading4: heading(11, 10, 4),
      listParagraph: { paragraph: { spacing: { after: twips(3) } } },
      footnoteText: { run: { size: half(compact ? 7.5 : 8.5) }, paragraph: { spacing: { after: twips(2), ...lines(240) } } },
      hyperlink: { run: { color: COLOR.accent, underline: {} } },
    },
    paragraphStyles: [
      style('ContentsHeading', 'TOC Heading', { run: { ...sans, size: half(14), bold: true, color: COLOR.accent } }),
      style('Bluf', 'BLUF', {
        paragraph: {
          border: { top: line(1, COLOR.accent), bottom: line(1, COLOR.accent), left: line(1, COLOR.accent), right: line(1, COLOR.accent) },
          shading: { type: ShadingType.CLEAR, fill: COLOR.shade, color: 'auto' },
          spacing: { before: twips(8), after: twips(10) },
          indent: { left: twips(9), right: twips(9) },
        },
      }),
      style('Cover', 'Cover', { run: { size: half(13) } }),
      style('CoverLabel', 'Cover label', {
        run: { ...sans, size: half(10), allCaps: true, color: COLOR.muted, characterSpacing: 20 },
        paragraph: { border: { top: line(2, COLOR.accent) }, spacing: { before: twips(115) } },
      }),
      style('Marking', 'Handling marking', {
        run: { ...sans, size: half(9), bold: true, allCaps: true, characterSpacing: 15 },
        paragraph: { border: { top: line(0.75, COLOR.ink) }, spacing: { before: twips(158) } },
      }),
      style('Head', 'Memo head', {
        run: { ...sans, size: half(10) },
        paragraph: { spacing: { after: 0, ...lines(360) }, border: { bottom: line(1.5, COLOR.ink) } },
      }),
      style('TitleBlock', 'Title block', {
        run: { ...sans, size: half(10), color: COLOR.muted },
        paragraph: { border: { bottom: line(1.5, COLOR.accent) } },
      }),
      style('Colophon', 'Colophon', {
        run: { ...sans, size: half(8), color: COLOR.muted },
        paragraph: { border: { top: line(0.5, COLOR.rule) }, spacing: { before: twips(18) } },
      }),
      style('Compact', 'Two columns', { run: { size: half(10) } }),
      style('Quote', 'Quote', {
        run: { color: COLOR.muted },
        paragraph: { indent: { left: twips(18) }, border: { left: line(1.5, COLOR.rule) } },
      }),
      style('Code', 'Code', { run: { font: font(fonts.mono), size: half(9) }, paragraph: { spacing: { after: 0, ...lines(240) } } }),
      style('TableText', 'Table text', { run: { size: half(9.5) }, paragraph: { spacing: { after: 0, ...lines(250) } } }),
      style('TableHeading', 'Table heading', {
        run: { ...sans, size: half(8.5), bold: true },
        paragraph: { spacing: { after: 0, ...lines(250) }, keepNext: true },
      }),
      style('Banner', 'Handling banner', {
        run: { ...sans, size: half(7.5), bold: true, allCaps: true, characterSpacing: 15 },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0, ...lines(240) } },
      }),
      style('Running', 'Running head', {
        run: { ...sans, size: half(7.5), color: '444444' },
        paragraph: { spacing: { after: 0, ...lines(240) } },
      }),
    ],
  };
}

/** Where the text of a list item at `level` starts (twips); the number hangs in front, room for "10.". */
export const listIndent = (level: number) => twips(24 + level * 18);

/** Bullets, and one numbered list definition per ordered list (each starts at its own number). */
export function numbering(starts: readonly number[]): INumberingOptions {
  const indent = (level: number) => ({ paragraph: { indent: { left: listIndent(level), hanging: twips(18) } } });
  const levels = (format: 'bullet' | 'decimal', start = 1) =>
    Array.from({ length: 9 }, (_, level) => ({
      level,
      format: format === 'bullet' ? LevelFormat.BULLET : LevelFormat.DECIMAL,
      text: format === 'bullet' ? ['•', '◦', '▪'][level % 3] : `%${level + 1}.`,
      alignment: AlignmentType.LEFT,
      start: level === 0 ? start : 1,
      style: indent(level),
    }));
  return {
    config: [
      { reference: 'bullets', levels: levels('bullet') },
      ...starts.map((start, i) => ({ reference: `numbers-${i + 1}`, levels: levels('decimal', start) })),
    ],
  };
}
