// Markdown tables as Word tables laid out as the print stylesheet lays them: the header
// row shaded and repeated on every page, rows never split across pages, thin rules under
// each row, columns as wide as their text needs within the page.
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { Tokens } from 'marked';
import { plainText } from '../markdown/to-html.js';
import type { BlockContext } from './blocks.js';
import { InlineWriter, wholeChange } from './inline.js';
import { COLOR } from './styles.js';

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const line = (pt: number, color: string) => ({ style: BorderStyle.SINGLE, size: Math.round(pt * 8), color });
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** About one character of 9.5pt table text, in twips. */
const CHAR = 100;

/**
 * Column widths (twips) summing to `width`. Every column gets room for its longest word
 * (the first column for its whole label, as print keeps it on one line); what is left is
 * shared by how much text each column holds, capped so one long column cannot squeeze the
 * others.
 */
export function columnWidths(t: Tokens.Table, width: number): number[] {
  const rows = [t.header, ...t.rows];
  const texts = t.header.map((_, c) => rows.map((r) => plainText(r[c]?.tokens)));
  const floor = texts.map((col, c) => {
    const longest = Math.max(
      0,
      ...col.map((x) => (c === 0 ? Math.min(x.length, 24) : Math.max(0, ...x.split(/\s+/).map((w) => w.length)))),
    );
    return (longest + 2) * CHAR;
  });
  const spare = Math.max(0, width - floor.reduce((a, b) => a + b, 0));
  const need = texts.map((col) => Math.min(48, Math.max(1, ...col.map((x) => x.length))));
  const total = need.reduce((a, b) => a + b, 0);
  const widths = floor.map((f, c) => f + Math.floor((spare * (need[c] ?? 0)) / total));
  // Rounding leftovers go to the last column, so the table is exactly as wide as the text.
  widths[widths.length - 1] = (widths.at(-1) ?? 0) + width - widths.reduce((a, b) => a + b, 0);
  return widths;
}

export function table(t: Tokens.Table, ctx: BlockContext): Table {
  const widths = columnWidths(t, ctx.width);
  const cell = (c: Tokens.TableCell, header: boolean, i: number) => {
    const whole = ctx.author ? wholeChange(c.tokens, ctx.spans) : undefined;
    return new TableCell({
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      margins: { top: 60, bottom: 60, left: 100, right: 100 },
      verticalAlign: VerticalAlignTable.TOP,
      borders: header
        ? { top: line(1, COLOR.ink), bottom: line(0.75, COLOR.ink), left: NONE, right: NONE }
        : { top: NONE, bottom: line(0.5, COLOR.cellRule), left: NONE, right: NONE },
      ...(header ? { shading: { type: ShadingType.CLEAR, fill: COLOR.shade, color: 'auto' } } : {}),
      children: [
        new Paragraph({
          style: header ? 'TableHeading' : 'TableText',
          ...(c.align ? { alignment: ALIGN[c.align] } : {}),
          children: new InlineWriter(ctx, whole).write(c.tokens),
          ...(whole && ctx.author ? { run: ctx.author.mark(whole) } : {}),
        }),
      ],
    });
  };
  return new Table({
    width: { size: ctx.width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: t.header.map((c, i) => cell(c, true, i)) }),
      ...t.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, false, i)) })),
    ],
  });
}
