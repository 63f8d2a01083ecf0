// A source only internal items cite — an internal staff call, or a public-looking memo
// that only internal facts rest on — must never be named in a public packet: not its id,
// its title or its note, through any helper that lists sources. Each helper is rendered
// for a public and an internal audience; the internal one shows the source, so each check
// could fail.
import { describe, expect, it } from 'vitest';
import { audience, FRONT, STAMP } from '../../../test/fixtures/render.js';
import { NEVER_PUBLIC, SENSITIVE_SOURCES } from '../../../test/fixtures/sensitive-sources.js';
import { loadFromFiles } from '../../facts/load.js';
import { renderMarkdown } from './render-markdown.js';

const { factBase, report } = loadFromFiles([{ path: 'data/all.yaml', bytes: new TextEncoder().encode(SENSITIVE_SOURCES) }]);
const INTERNAL = FRONT.replace('sensitivity: public', 'sensitivity: internal');
const render = (body: string, front: string) =>
  renderMarkdown({ audience: audience(body, front), factBase, partials: [], stamp: STAMP }).markdown.replace(/\\/g, '');

const HELPERS: [string, string][] = [
  ['fact (footnotes)', '{{#facts all=true}}- {{fact id}}\n{{/facts}}'],
  ['cite', '{{#facts all=true}}- {{cite id}}\n{{/facts}}'],
  ['value cite=true', '{{#facts all=true}}- {{value id cite=true}}\n{{/facts}}'],
  ['corroboration', '{{#facts all=true}}- {{corroboration id}}\n{{/facts}}'],
  ['the sources field of {{#facts}}', '{{#facts all=true}}- {{sources}}\n{{/facts}}'],
  ['figureTable', '{{figureTable tag="figures"}}'],
  ['timeline', '{{timeline all=true}}'],
  ['sourcesAppendix', '{{sourcesAppendix all=true}}'],
  ['notes', '{{#facts all=true}}{{fact id}}\n{{/facts}}\n{{notes title="Sources"}}'],
];

describe('sources only internal items cite', () => {
  it('loads the fixture cleanly', () => expect(report.errors).toEqual([]));

  it.each(HELPERS)('%s never names them in a public packet, and does in an internal one', (_, body) => {
    const pub = render(body, FRONT);
    for (const secret of NEVER_PUBLIC) expect(pub).not.toContain(secret);
    const internal = render(body, INTERNAL);
    expect(NEVER_PUBLIC.some((secret) => internal.includes(secret))).toBe(true);
  });

  it('shows the sources a public packet may show', () => {
    expect(render('{{sourcesAppendix all=true}}', FRONT)).toContain('Plant closure reported');
  });
});
