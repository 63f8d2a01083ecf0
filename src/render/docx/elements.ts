// WordprocessingML the docx library has no class for: a tracked insertion around any run
// (a note reference included), and a field with a formatted cached result (NOTEREF).
import { DeletedTextRun, type IRunOptions, NextAttributeComponent, type ParagraphChild, type TextRun, XmlComponent } from 'docx';

class Element extends XmlComponent {
  constructor(name: string, attributes: Record<string, string | number>, children: readonly (XmlComponent | string)[] = []) {
    super(name);
    const attrs = Object.entries(attributes).map(([key, value]) => [key, { key, value }]);
    if (attrs.length > 0) this.root.push(new NextAttributeComponent(Object.fromEntries(attrs)));
    this.root.push(...children);
  }
}

/** Who made a tracked change and when: "briefbook", at the build stamp's time. */
export class RevisionAuthor {
  // Far above the bookmark ids the library counts from 1, so annotation ids never collide.
  private next = 100_000;

  constructor(
    readonly author: string,
    readonly date: string,
  ) {}

  private attrs() {
    return { id: this.next++, author: this.author, date: this.date };
  }

  /** `run` as inserted text. */
  inserted(run: ParagraphChild): ParagraphChild {
    const a = this.attrs();
    return new Element('w:ins', { 'w:id': a.id, 'w:author': a.author, 'w:date': a.date }, [run as XmlComponent]) as ParagraphChild;
  }

  /** Text as deleted (`w:delText`), with its run formatting. */
  deleted(text: string, options: IRunOptions): ParagraphChild {
    return new DeletedTextRun({ ...options, text, ...this.attrs() });
  }

  /** For a paragraph whose mark is inserted or deleted with its text (Paragraph `run` option). */
  mark(kind: 'inserted' | 'deleted') {
    return kind === 'inserted' ? { insertion: this.attrs() } : { deletion: this.attrs() };
  }
}

const fieldChar = (type: 'begin' | 'separate' | 'end') => new Element('w:r', {}, [new Element('w:fldChar', { 'w:fldCharType': type })]);

/** A field Word recomputes (F9, printing), shown as `result` until it does. */
export function field(instruction: string, result: TextRun): ParagraphChild[] {
  const instr = new Element('w:r', {}, [new Element('w:instrText', { 'xml:space': 'preserve' }, [` ${instruction} `])]);
  return [fieldChar('begin'), instr, fieldChar('separate'), result, fieldChar('end')] as ParagraphChild[];
}
