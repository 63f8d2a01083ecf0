// Audience front matter: strict schema with located errors; executable front matter off.
import { describe, expect, it } from 'vitest';
import { UserError } from '../../errors.js';
import { parseAudience } from './audiences.js';

const parse = (text: string) => parseAudience('x', 'templates/audiences/x.md', text);

function problems(text: string) {
  try {
    parse(text);
  } catch (e) {
    if (e instanceof UserError) return e.diagnostics.map((d) => ({ line: d.line, column: d.column, message: d.message, hint: d.hint }));
    throw e;
  }
  throw new Error('expected front matter errors');
}

const GOOD = 'title: T\naudience: A\ngenre: memo\nsensitivity: public\nbanner: Public draft';

describe('audience front matter', () => {
  it('reads a valid file, with defaults and the line the body starts on', () => {
    const a = parse(`---\n${GOOD}\n---\nBody {{x}}\n`);
    expect(a.front).toMatchObject({ title: 'T', pageSize: 'Letter', sections: [], styles: ['briefbook.css'], contents: false });
    expect(a.bodyLine).toBe(8);
    expect(a.body).toBe('Body {{x}}\n');
    expect(a.keyPositions.banner).toEqual({ line: 6, column: 1 });
  });

  it.each([
    ['an unknown key, with a suggestion', `${GOOD}\npagesize: A4`, 7, 1, /unknown front matter key "pagesize"/, /did you mean "pageSize"/],
    ['a bad value', `${GOOD.replace('public', 'secret')}`, 5, 14, /front matter "sensitivity": Invalid option/, /docs\/packets.md/],
    ['a missing key', GOOD.replace('audience: A\n', ''), 1, 1, /front matter needs "audience"/, /add `audience:`/],
    ['a wrong type', `${GOOD}\npageLimit: two`, 7, 12, /front matter "pageLimit"/, /.+/],
    ['a YAML syntax error', `${GOOD}\ntags: [a`, 7, 9, /front matter: /, /fix the YAML syntax/],
  ])('locates %s', (_, front, line, column, message, hint) => {
    const [p] = problems(`---\n${front}\n---\nbody\n`);
    expect(p).toMatchObject({ line, column });
    expect(p?.message).toMatch(message);
    expect(p?.hint).toMatch(hint);
  });

  it('reports every problem at once', () => {
    expect(problems(`---\n${GOOD}\nfoo: 1\nbar: 2\n---\n`)).toHaveLength(2);
  });

  it('never runs JavaScript front matter', () => {
    const g = globalThis as { __briefbookPwned?: boolean };
    const text = '---js\n{ title: (globalThis.__briefbookPwned = true, "T"), audience: "A" }\n---\nbody\n';
    const [p] = problems(text);
    expect(g.__briefbookPwned).toBeUndefined();
    expect(p).toMatchObject({ line: 1, message: 'front matter in js is not allowed' });
    expect(problems(text.replace('---js', '---javascript'))[0]?.message).toBe('front matter in javascript is not allowed');
    expect(g.__briefbookPwned).toBeUndefined();
  });

  it('refuses a file without front matter', () => {
    expect(problems('# Just a body\n')[0]?.message).toBe('audience file has no front matter');
  });
});
