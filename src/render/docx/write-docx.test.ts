// The Word file of every shipped audience, read back: real Word structure (Heading styles,
// footnotes, tables with repeated header rows, banner and page fields in header and
// footer), every paragraph of the packet in order, and nothing a public packet may not carry.
import { beforeAll, describe, expect, it } from 'vitest';
import { audience, DATA, fixtureFactBase, INJECTION, PRESS, SECRET, STAFF, STAMP, shippedPartials } from '../../../test/fixtures/render.js';
import { REPO } from '../../../test/helpers/cli.js';
import { allText, paragraphs, readDocx } from '../../../test/helpers/docx.js';
import { loadValid } from '../../facts/load.js';
import { openProject } from '../../project.js';
import { squash } from '../../util/text.js';
import { lexMarkdown, plainText } from '../markdown/to-html.js';
import { type Packet, type PacketContext, renderPacket } from '../packet.js';
import { loadAudiences, parseAudience } from '../template-files/audiences.js';
import { loadPartials } from '../template-files/partials.js';
import { packetDocx } from './write-docx.js';

const shipped = new Map<string, { packet: Packet; parts: Map<string, string>; bytes: Uint8Array }>();

beforeAll(async () => {
  const project = openProject(REPO);
  const ctx: PacketContext = { project, factBase: await loadValid(project), partials: await loadPartials(project), stamp: STAMP };
  for (const a of await loadAudiences(project)) {
    const packet = await renderPacket(a, ctx);
    const bytes = await packetDocx(packet);
    shipped.set(a.name, { packet, parts: readDocx(bytes), bytes });
  }
}, 60_000);

/** Text compared without its spacing: a hard line break is a break in Word and nothing in plainText. */
const letters = (s: string) => squash(s).replace(/\s+/g, '');

/** The text of every block of the Markdown a reader sees, in order (contents and notes are Word's own fields and footnotes). */
function markdownBlocks(markdown: string): string[] {
  const out: string[] = [];
  let skip = false;
  const visit = (tokens: readonly ReturnType<typeof lexMarkdown>[number][]) => {
    for (const t of tokens) {
      if (t.type === 'html') skip = /begin:contents/.test(t.text) ? true : /end:contents/.test(t.text) ? false : skip;
      if (skip || t.type === 'footnotes') continue;
      if (t.type === 'heading' || t.type === 'paragraph' || (t.type === 'text' && 'tokens' in t)) out.push(plainText(t.tokens));
      else if (t.type === 'list') for (const item of t.items) visit(item.tokens);
      else if (t.type === 'table') for (const row of [t.header, ...t.rows]) for (const cell of row) out.push(plainText(cell.tokens));
    }
  };
  visit(lexMarkdown(markdown));
  return out.map(letters).filter((x) => x !== '' && x !== 'notes' && x !== 'sources');
}

describe('Word output of the shipped audiences', () => {
  it('is a Word package for each of the six', () => {
    expect([...shipped.keys()].sort()).toEqual([
      'briefing-book',
      'executive-brief',
      'hearing-day',
      'member-memo',
      'press-points',
      'witness-prep',
    ]);
    for (const { parts } of shipped.values()) {
      for (const part of ['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'word/footnotes.xml', 'word/header1.xml']) {
        expect(parts.has(part), part).toBe(true);
      }
    }
  });

  it('has every paragraph, heading, list item and table cell of the packet, in order', () => {
    for (const [name, { packet, parts }] of shipped) {
      const word = paragraphs(parts.get('word/document.xml') ?? '').map((p) => letters(p.text));
      const expected = markdownBlocks(packet.markdown);
      expect(expected.length, name).toBeGreaterThan(10);
      let at = 0;
      const missing = expected.filter((text) => {
        const found = word.indexOf(text, at);
        if (found < 0) return true;
        at = found + 1;
        return false;
      });
      expect(missing, name).toEqual([]);
    }
  });

  it('gives headings Word heading styles and lists them in a contents field where the audience has contents', () => {
    const book = shipped.get('briefing-book')!;
    const body = paragraphs(book.parts.get('word/document.xml') ?? '');
    const h2 = body.filter((p) => p.style === 'Heading2').map((p) => p.text);
    expect(h2).toEqual(expect.arrayContaining(['Summary', "What we don't know", "Who's who", 'Timeline', 'Glossary', 'Appendix: Sources']));
    expect(body.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(["Anthropic's Allegation Against Alibaba"]);
    expect(body.some((p) => p.style === 'Heading3')).toBe(true);
    expect(book.parts.get('word/document.xml')).toMatch(/<w:instrText[^>]*>TOC \\h \\o &quot;2-2&quot;<\/w:instrText>/);
    // The notes are footnotes now: no empty "Notes" heading.
    expect(h2).not.toContain('Notes');
    expect(shipped.get('member-memo')?.parts.get('word/document.xml')).not.toContain('TOC \\');
  });

  it('makes source notes real footnotes, a shared note a NOTEREF to the first', () => {
    for (const [name, { packet, parts }] of shipped) {
      const notes = new Set(packet.markdown.match(/^\[\^\d+\]:/gm)).size;
      const refs = (packet.markdown.match(/\[\^\d+\](?!:)/g) ?? []).length;
      const footnotes = (parts.get('word/footnotes.xml')?.match(/<w:footnote w:id="[1-9]\d*"/g) ?? []).length;
      expect(footnotes, name).toBe(notes);
      const document = parts.get('word/document.xml') ?? '';
      expect((document.match(/<w:footnoteReference /g) ?? []).length, name).toBe(notes);
      expect((document.match(/NOTEREF _RefNote\d+ \\f \\h/g) ?? []).length, name).toBe(refs - notes);
    }
    const first = paragraphs(shipped.get('member-memo')?.parts.get('word/footnotes.xml') ?? '').find((p) => p.text !== '');
    // The memo's first note: the reports that date the letter (the BLUF's first reference).
    expect(first?.text).toMatch(/^“Anthropic accuses Alibaba of ‘brazen’ bid to copy Claude”/);
  });

  it('repeats every table header row on each page and never splits a row', () => {
    const document = shipped.get('briefing-book')?.parts.get('word/document.xml') ?? '';
    const tables = document.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    expect(tables.length).toBe((shipped.get('briefing-book')?.packet.markdown.match(/^\|:--/gm) ?? []).length);
    for (const t of tables) {
      const rows = t.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
      expect(rows[0]).toContain('<w:tblHeader/>');
      expect(rows.every((r) => r.includes('<w:cantSplit/>'))).toBe(true);
    }
  });

  it('puts the banner and running title in the header, the stamp, banner and page fields in the footer', () => {
    for (const { packet, parts } of shipped.values()) {
      const f = packet.audience.front;
      const header = paragraphs(parts.get('word/header1.xml') ?? '');
      const footer = paragraphs(parts.get('word/footer1.xml') ?? '');
      expect(header.map((p) => p.text)).toEqual([f.banner, `${f.title}\t${f.audience}`]);
      expect(footer.map((p) => p.text)).toEqual([`${STAMP.text}\tPage  of `, f.banner]);
      expect(parts.get('word/footer1.xml')).toMatch(/>PAGE<\/w:instrText>[\s\S]*>NUMPAGES<\/w:instrText>/);
      expect(parts.get('word/document.xml')).toMatch(/<w:headerReference w:type="default"[\s\S]*<w:footerReference w:type="default"/);
    }
  });

  it('names the fonts of the print stylesheet with their fallbacks, and sets the document properties without machine details', () => {
    const { parts } = shipped.get('press-points')!;
    expect(parts.get('word/styles.xml')).toContain(
      '<w:rFonts w:ascii="Liberation Serif" w:cs="Liberation Serif" w:hAnsi="Liberation Serif"/>',
    );
    expect(parts.get('word/fontTable.xml')).toContain(
      '<w:font w:name="Liberation Sans"><w:altName w:val="Noto Sans"/><w:family w:val="swiss"/>',
    );
    expect(parts.get('word/fontTable.xml')).toContain('<w:font w:name="Noto Serif"><w:altName w:val="Times New Roman"/>');
    const core = parts.get('docProps/core.xml') ?? '';
    expect(core).toContain('<dc:title>Anthropic&apos;s Allegation Against Alibaba — Talking Points</dc:title>');
    expect(core).toContain('<dc:creator>briefbook</dc:creator>');
    expect([...core.matchAll(/<dcterms:(?:created|modified)[^>]*>([^<]*)</g)].map((m) => m[1])).toEqual([
      '2026-06-26T00:00:00Z',
      '2026-06-26T00:00:00Z',
    ]);
    expect(allText(parts)).not.toMatch(/\/work\/|\/tmp\/|\/home\/|\broot\b/);
    expect(parts.get('word/document.xml')).toContain('<w:pgSz w:w="12240" w:h="15840"');
  });

  it('gives the same bytes for the same packet', async () => {
    const { packet, bytes } = shipped.get('briefing-book')!;
    expect(Buffer.from(await packetDocx(packet)).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('Word output of a fixture project', () => {
  const fb = fixtureFactBase();
  const ctx = { project: openProject(REPO), factBase: fb, partials: shippedPartials(), stamp: STAMP };

  it('never carries internal text in a public packet; the internal one does', async () => {
    const press = readDocx(await packetDocx(await renderPacket(parseAudience('press', 'templates/audiences/press.md', PRESS), ctx)));
    const staff = readDocx(await packetDocx(await renderPacket(parseAudience('staff', 'templates/audiences/staff.md', STAFF), ctx)));
    expect(allText(press)).not.toContain(SECRET);
    expect(allText(press)).not.toContain('Subpoena planned');
    expect(allText(staff)).toContain(SECRET);
  });

  it('keeps fact text as text: no markup, no script, no non-http link', async () => {
    const fbx = fixtureFactBase({
      'data/facts.yaml': `${DATA['data/facts.yaml']}  - id: pub.injection\n    statement: ${JSON.stringify(INJECTION)}\n    status: reported\n    sensitivity: public\n    sources: [{ source: s.one }, { source: s.two }]\n`,
    });
    const packet = await renderPacket(
      audience('{{fact "pub.injection" cite=false}}\n\n[ok](https://example.com/a) [bad](javascript:alert(1))\n'),
      { ...ctx, factBase: fbx },
    );
    const parts = readDocx(await packetDocx(packet));
    const body = paragraphs(parts.get('word/document.xml') ?? '').map((p) => p.text);
    expect(body).toContain(INJECTION);
    expect(body).toContain('ok bad');
    expect(parts.get('word/document.xml')).not.toMatch(/<script|<b>|<img/);
    expect(parts.get('word/_rels/document.xml.rels')).toContain('Target="https://example.com/a" TargetMode="External"');
    expect(parts.get('word/_rels/document.xml.rels')).not.toContain('javascript:');
    expect(parts.get('word/document.xml')).not.toMatch(/<w:hyperlink [^>]*>(?:(?!<\/w:hyperlink>).)*bad/);
  });

  it('lays the page out as the audience says: A4, its author', async () => {
    const front = 'title: A4 packet\naudience: Tester\ngenre: brief\nsensitivity: public\npageSize: A4\nauthor: Committee staff';
    const parts = readDocx(await packetDocx(await renderPacket(audience('## One\n\nText.\n', front), ctx)));
    expect(parts.get('word/document.xml')).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(parts.get('docProps/core.xml')).toContain('<dc:creator>Committee staff</dc:creator>');
  });

  it('lays out every Markdown construct a template can write', async () => {
    const deep = Array.from({ length: 11 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    const body = [
      '## First',
      'See [the second](#second-part), ~~struck~~, `code`, *em* and **strong**.\\\nAfter a hard break.',
      '3. three\n4. four\n   - inner bullet',
      deep,
      '> Quoted text.',
      '```\nline one\nline two\n```',
      '---',
      '<!-- begin:unknown-region -->\n\nIn a region.\n\n<!-- end:unknown-region -->',
      '<div>raw html</div>',
      '<!-- pagebreak -->',
      '| A | B |\n|:--|--:|\n| 1 | 2 |',
      '| C |\n|:--|\n| 3 |',
      '## Second part',
      '##### Deep heading',
    ].join('\n\n');
    const parts = readDocx(await packetDocx(await renderPacket(audience(body), ctx)));
    const xml = parts.get('word/document.xml') ?? '';
    const body_ = paragraphs(xml);
    const find = (text: string) => body_.find((p) => p.text === text);
    expect(find('See the second, struck, code, em and strong.\nAfter a hard break.')?.xml).toMatch(
      /<w:hyperlink [^>]*w:anchor="h_second_part"[\s\S]*<w:strike\/>[\s\S]*Liberation Mono[\s\S]*<w:i\/>[\s\S]*<w:b\/>[\s\S]*<w:br\/>/,
    );
    expect(xml).toMatch(/<w:bookmarkStart w:name="h_second_part"/);
    expect(parts.get('word/numbering.xml')).toMatch(/<w:start w:val="3"\/>/);
    expect(find('inner bullet')?.xml).toContain('<w:ilvl w:val="1"/>');
    expect(find('level 10')?.xml).toContain('<w:ilvl w:val="8"/>');
    expect(find('Quoted text.')?.style).toBe('Quote');
    expect(find('line one\nline two')?.style).toBe('Code');
    expect(find('<div>raw html</div>')?.style).toBe('Code');
    expect(find('In a region.')).toBeDefined();
    expect(find('Deep heading')?.style).toBe('Heading4');
    // The page break sits on an empty paragraph before the table; the two tables stay two.
    const tables = xml.match(/<w:tbl>/g) ?? [];
    expect(tables).toHaveLength(2);
    expect(xml).toMatch(/<w:pageBreakBefore\/>[\s\S]*?<\/w:p><w:tbl>/);
    expect(xml).toMatch(/<\/w:tbl><w:p>[\s\S]*?<\/w:p><w:tbl>/);
    expect(xml).toContain('<w:jc w:val="right"/>');
  });
});
