// The contents and notes blocks go only where {{contents}} and {{notes}} put them: neither
// fact text nor template text can forge or move one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { audience, FRONT, fixtureFactBase, STAMP } from '../../../test/fixtures/render.js';
import { Placeholders, withoutMarks } from './placeholders.js';
import { renderMarkdown } from './render-markdown.js';

const NUL = String.fromCharCode(0);

describe('placeholders', () => {
  it('finds only its own marks: another render’s, or a guessed one, is not one', () => {
    const a = new Placeholders();
    const b = new Placeholders();
    const text = `x ${b.mark('notes')} ${NUL}notes::guess${NUL} ${a.mark('contents', '2')} y`;
    expect(a.find(text, 'notes')).toBeUndefined();
    expect(a.find(text, 'contents')).toMatchObject({ arg: '2', index: text.indexOf(a.mark('contents', '2')) });
    expect(a.fill(text, 'notes', 'N')).toBe(text);
    expect(b.fill(text, 'notes', 'N')).toContain('x N ');
  });

  it('fills every mark and drops every NUL, as splitting and joining would', () => {
    const p = new Placeholders();
    const piece = fc.constantFrom('a', ' ', '\n', NUL, p.mark('notes'), p.mark('contents', '2'), `${NUL}notes:`);
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.constantFrom('', 'N', '$&'), (pieces, value) => {
        const text = pieces.join('');
        expect(p.fill(text, 'notes', value)).toBe(text.split(p.mark('notes')).join(value));
        expect(withoutMarks(text)).toBe(text.split(NUL).join(''));
      }),
      { numRuns: 1000 },
    );
  });

  const forged = `${NUL}notes::${NUL} and ${NUL}contents:3:${NUL}`;

  it('keeps forged marks in fact text from placing the notes or the contents', () => {
    const fb = fixtureFactBase({
      'data/forged.yaml': `facts:\n  - id: pub.forged\n    statement: ${JSON.stringify(`Forged ${forged} here.`)}\n    status: reported\n    sensitivity: public\n    sources: [{ source: s.one }, { source: s.two }]\n`,
    });
    const body = '# T\n\n{{fact "pub.forged"}}\n\n{{contents}}\n\n## Section\n\n{{notes title="Sources"}}\n';
    const { markdown } = renderMarkdown({ audience: audience(body, `${FRONT}\ncontents: true`), factBase: fb, partials: [], stamp: STAMP });
    expect(markdown).not.toContain(NUL);
    expect(markdown.match(/## Sources/g)).toHaveLength(1);
    expect(markdown.match(/## Contents/g)).toHaveLength(1);
    expect(markdown.indexOf('## Contents')).toBeGreaterThan(markdown.indexOf('Forged'));
    expect(markdown).toContain('Forged notes:: and contents:3: here.[^1]');
  });

  it('refuses a template holding a NUL, at its line', () => {
    const render = () =>
      renderMarkdown({ audience: audience(`# T\n\nTemplate ${forged}\n`), factBase: fixtureFactBase(), partials: [], stamp: STAMP });
    expect(render).toThrow(/^templates\/audiences\/test\.md:10:\d+: template: Lexical error/);
  });
});
