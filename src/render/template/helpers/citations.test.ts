// {{quote}}, {{sourceNote}} and {{#citations}}: what citations and sources say about themselves.
import { describe, expect, it } from 'vitest';
import { audience, FRONT, fixtureFactBase, INTERNAL_FRONT, STAMP, shippedPartials } from '../../../../test/fixtures/render.js';
import { userError } from '../../../../test/helpers/errors.js';
import { renderMarkdown } from '../render-markdown.js';

const fb = fixtureFactBase({
  'data/quoted.yaml': `sources:
  - id: s.letter
    title: The chair's letter
    publisher: Committee
    date: "2026-06-09"
    note: Received by fax; page 2 missing.
facts:
  - id: pub.quoted
    statement: The chair called the copying "industrial scale".
    status: reported
    sensitivity: public
    sources:
      - { source: s.letter, quote: "copying on an industrial scale", note: "Page 1, second paragraph." }
      - { source: s.two }
`,
});
const render = (body: string, front = FRONT) =>
  renderMarkdown({ audience: audience(body, front), factBase: fb, partials: shippedPartials(), stamp: STAMP, locale: 'en-US' }).markdown;

describe('citation helpers', () => {
  it('quotes a citation’s words with a note naming only the document that has them', () => {
    const md = render('{{quote "pub.quoted"}}');
    expect(md).toContain('“copying on an industrial scale”[^1]');
    expect(md).toMatch(/\[\^1\]: “The chair's letter” \(Committee, June 9, 2026\)\./);
    expect(md).not.toContain('Second report on Alpha');
    expect(render('{{quote "pub.quoted" cite=false}}').trim()).toBe('“copying on an industrial scale”');
  });

  it('says which sources a fact quotes when the one asked for quotes nothing', () => {
    const e = userError(() => render('{{quote "pub.quoted" source="s.two"}}'));
    expect(e.diagnostics[0]?.message).toBe('fact "pub.quoted" has no quoted words from source "s.two"');
    expect(e.diagnostics[0]?.hint).toBe('its citations quote "s.letter": name one with source="…"');
    expect(userError(() => render('{{quote "pub.alpha"}}')).diagnostics[0]?.hint).toMatch(/add `quote:` to a citation/);
  });

  it('prints a source’s note in internal packets, and refuses it in public ones', () => {
    expect(render('[{{sourceNote "s.letter"}}][{{sourceNote "s.two"}}]', INTERNAL_FRONT)).toContain('[Received by fax; page 2 missing.][]');
    const e = userError(() => render('{{sourceNote "s.letter"}}'));
    expect(e.diagnostics[0]?.message).toMatch(/would print the note on source "s.letter", which is internal/);
    expect(userError(() => render('{{sourceNote "s.leter"}}')).diagnostics[0]).toMatchObject({
      message: 'unknown source id "s.leter"',
      hint: 'did you mean "s.letter"?',
    });
  });

  it('lists each citation with its document, quote and note; quote and date are the citation’s own there', () => {
    const md = render(
      '{{#citations "pub.quoted"}}- {{title}} ({{date}}): {{#if quote}}“{{quote}}”{{/if}} {{note}}\n{{/citations}}',
      INTERNAL_FRONT,
    );
    expect(md).toContain("- The chair's letter (June 9, 2026): “copying on an industrial scale” Page 1, second paragraph.");
    expect(md).toContain('- Second report on Alpha (June 12, 2026):');
    const pub = userError(() => render('{{#citations "pub.quoted"}}{{note}}{{/citations}}'));
    expect(pub.diagnostics[0]?.message).toMatch(/the note on fact "pub.quoted", which is internal/);
  });
});
