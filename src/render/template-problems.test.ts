// blank(): the tag an error points at, turned to spaces in place, so the next render's
// errors keep their lines and columns.
import { describe, expect, it } from 'vitest';
import { blank } from './template-problems.js';

describe('blank', () => {
  it('blanks the tag at line:column, keeping every other character where it was', () => {
    const text = 'a {{fact "x"}} b\n{{{statement}}} c';
    expect(blank(text, 1, 3)).toBe('a              b\n{{{statement}}} c');
    // A column inside the tag (Handlebars points strict lookups at the name) finds its start.
    expect(blank(text, 2, 4)).toBe('a {{fact "x"}} b\n                c');
  });

  it('blanks a whole block, nested blocks of the same name included, newlines kept', () => {
    const text = 'x\n{{#facts "a"}}\n{{#facts "b"}}{{id}}{{/facts}}\n{{/facts}}\ny';
    const [first, ...rest] = text.split('\n');
    const inner = rest.slice(0, -1).map((l) => ' '.repeat(l.length));
    expect(blank(text, 2, 1)).toBe([first, ...inner, 'y'].join('\n'));
  });

  it('gives up where there is no tag: front matter lines, text, past the end', () => {
    expect(blank('plain text', 1, 3)).toBeUndefined();
    expect(blank('{{a}}', 0, 1)).toBeUndefined();
    expect(blank('{{a}}', 3, 1)).toBeUndefined();
  });
});
