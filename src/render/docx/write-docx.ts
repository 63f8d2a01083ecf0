// A packet as a Word document (.docx), made from the same rendered Markdown as every other
// format: its tokens walked into real Word structure (Heading styles, lists, tables with
// repeated header rows, footnotes, a TOC field), on the PDF's page with the handling banner
// in the header and footer of every page. With `build --since REV`, the facts that changed
// are Word revisions (render/template/marks.ts). The bytes are then fixed (package.ts) so
// the same inputs give the same file.
import { Document, Packer } from 'docx';
import type { Token, Tokens } from 'marked';
import { Slugger } from '../markdown/slugger.js';
import { lexMarkdown, plainText } from '../markdown/to-html.js';
import type { Packet } from '../packet.js';
import { unwrapRemoved } from '../template/marks.js';
import { type BlockContext, BlockWriter } from './blocks.js';
import { RevisionAuthor } from './elements.js';
import { InlineWriter, revisionMarks } from './inline.js';
import { Notes } from './notes.js';
import { fixPackage } from './package.js';
import { pageSetup, textWidth } from './page.js';
import { documentStyles, font, fontsOf, numbering } from './styles.js';

/** Revisions and document dates: the build stamp's time (the fact base's commit), to the second. */
export const stampTime = (epoch: number) => new Date(epoch * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

export async function packetDocx(p: Packet): Promise<Uint8Array> {
  const f = p.audience.front;
  const tokens = lexMarkdown(p.tracked ? unwrapRemoved(p.tracked.markdown) : p.markdown, p.tracked ? [revisionMarks] : []);
  const fonts = fontsOf(p.css);
  const date = stampTime(p.stamp.epoch);
  const headings = headingAnchors(tokens);
  let heading = 0;
  const ctx: BlockContext = {
    spans: p.tracked?.spans ?? [],
    ...(p.tracked ? { author: new RevisionAuthor('briefbook', date) } : {}),
    notes: new Notes((t) => new InlineWriter(ctx).write(t)),
    anchor: (id) => headings.byId.get(id),
    mono: font(fonts.mono),
    width: textWidth(p.audience),
    ordered: [],
    nextHeading: () => headings.inOrder[heading++] ?? `h_${heading}`,
  };
  ctx.notes.collect(tokens);
  const children = new BlockWriter(ctx).write(tokens);
  const doc = new Document({
    title: f.title,
    subject: f.subject ?? f.subtitle ?? f.description ?? '',
    description: f.description ?? '',
    creator: f.author ?? 'briefbook',
    lastModifiedBy: 'briefbook',
    revision: 1,
    customProperties: [
      { name: 'Audience', value: f.audience },
      { name: 'Sensitivity', value: f.sensitivity },
      { name: 'Handling', value: f.banner },
      { name: 'Fact base', value: p.stamp.text },
    ],
    // Word's "+Headings" and "+Body" fonts, for what staff add themselves.
    theme: { name: 'briefbook', fonts: { headings: fonts.sans[0], body: fonts.serif[0] } },
    styles: documentStyles(p.audience, fonts),
    numbering: numbering(ctx.ordered),
    footnotes: ctx.notes.footnotes,
    sections: [{ ...pageSetup(p.audience, p.stamp), children }],
  });
  return fixPackage(new Uint8Array(await Packer.toBuffer(doc)), { date, epoch: p.stamp.epoch, fonts });
}

/**
 * A Word bookmark for every heading, named from the id the HTML gives it (so `#timeline`
 * links work in Word too): letters, digits and "_", at most 40 characters, unique.
 */
function headingAnchors(tokens: readonly Token[]) {
  const slugger = new Slugger();
  const inOrder: string[] = [];
  const byId = new Map<string, string>();
  const taken = new Set<string>();
  // In document order, block quotes included, as the HTML numbers repeated ids.
  const headings = (list: readonly Token[]): Tokens.Heading[] =>
    list.flatMap((t) =>
      t.type === 'heading' ? [t as Tokens.Heading] : t.type === 'blockquote' ? headings((t as Tokens.Blockquote).tokens) : [],
    );
  for (const t of headings(tokens)) {
    const id = slugger.slug(plainText(t.tokens));
    const base = `h_${id.replace(/[^A-Za-z0-9]/g, '_')}`.slice(0, 36);
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
    taken.add(name);
    inOrder.push(name);
    byId.set(id, name);
  }
  return { inOrder, byId };
}
