// A table as the search for headings needs it: the same text taken as a table, or not, as
// marked's own table rule decides, but without its rows. Splitting every row into cells
// (and queueing each cell for the inline lexer) was most of the block pass on a big packet,
// whose sources appendix is a table of one row per fact; no row can hold a heading.
import { Tokenizer, type TokenizerObject, type Tokens } from 'marked';

const tableOf = Tokenizer.prototype.table;

export const headingTables: TokenizerObject = {
  table(this: Tokenizer, src: string): Tokens.Table | false {
    const t = this.rules.block.table.exec(src);
    if (!t || !this.rules.other.tableDelimiter.test(t[2] as string)) return false;
    // Whether it is a table depends on the header and the delimiter row alone (their cells
    // must be as many): marked's rule decides that on those two lines.
    const head = tableOf.call(this, `${t[1]}\n${t[2]}`);
    if (!head) return false;
    return { ...head, raw: t[0].replace(/\n+$/, ''), rows: [] };
  },
};
