// The Word page, as the PDF's: Letter or A4 with the same margins, the handling banner at
// the top and bottom of every page, the title and audience as a running head, and the
// build stamp with "Page X of Y" (PAGE and NUMPAGES fields, which Word keeps current).
import { BorderStyle, Footer, Header, type ISectionPropertiesOptions, PageNumber, Paragraph, Tab, TabStopType, TextRun } from 'docx';
import type { BuildStamp } from '../../facts/stamp.js';
import type { Audience } from '../template-files/audiences.js';

const INCH = 1440;
const SIZES = { Letter: { width: 12240, height: 15840 }, A4: { width: 11906, height: 16838 } } as const;
// The PDF's margins (print/pdf.ts); the header and footer sit inside them, as there.
const MARGIN = { top: 0.9 * INCH, bottom: 0.85 * INCH, left: 0.75 * INCH, right: 0.75 * INCH, header: 0.3 * INCH, footer: 0.3 * INCH };

/** The width text can take on the audience's page, in twips (tables are laid out to it). */
export const textWidth = (a: Audience) => SIZES[a.front.pageSize].width - MARGIN.left - MARGIN.right;

const rule = { style: BorderStyle.SINGLE, size: 4, color: '777777', space: 2 };

/** Page size and margins, and the header and footer of every page. */
export function pageSetup(a: Audience, stamp: BuildStamp) {
  const f = a.front;
  const right = [{ type: TabStopType.RIGHT, position: textWidth(a) }];
  const banner = (spacing: object) => new Paragraph({ style: 'Banner', spacing, children: [new TextRun(f.banner)] });
  return {
    properties: { page: { size: SIZES[f.pageSize], margin: MARGIN } } satisfies ISectionPropertiesOptions,
    headers: {
      default: new Header({
        children: [
          banner({ after: 80 }),
          new Paragraph({
            style: 'Running',
            tabStops: right,
            border: { bottom: rule },
            children: [new TextRun(f.title), new TextRun({ children: [new Tab(), f.audience] })],
          }),
        ],
      }),
    },
    footers: {
      default: new Footer({
        children: [
          new Paragraph({
            style: 'Running',
            tabStops: right,
            border: { top: rule },
            children: [
              new TextRun(stamp.text),
              new TextRun({ children: [new Tab(), 'Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] }),
            ],
          }),
          banner({ before: 80 }),
        ],
      }),
    },
  };
}
