// The whole render of a packet (template, Markdown, HTML, leak guard) takes time linear in
// the length of fact text, whatever characters it repeats. Each pattern is rendered at two
// lengths, four times apart: linear work grows about 4×, quadratic 16× (200,000 "!" took
// 38 s before: marked's e-mail lookahead; 30,000 "[](" 6.7 s: the footnote scan). A ratio
// needs no absolute time, so a busy machine cannot fail the test; the slack absorbs noise.
import { describe, expect, it } from 'vitest';
import { audience, fixtureFactBase, STAMP, shippedPartials } from '../../test/fixtures/render.js';
import { REPO } from '../../test/helpers/cli.js';
import { openProject } from '../project.js';
import { renderPacket } from './packet.js';

const PUNCTUATION = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'];
const PATTERNS = [...PUNCTUATION, '[](', '[^', '<!--', '<a', 'http', 'a!', 'a@', 'www.', '](', '*a', '_a_', '\\*', '&#', 'a\u00ad', 'é'];
const project = openProject(REPO);
const partials = shippedPartials();
const BODY = '{{#facts tag="key"}}\n- {{fact id hedge=true}}\n{{/facts}}\n\n{{#bluf}}{{statement "pub.beta"}}{{/bluf}}\n';

async function renderMs(text: string): Promise<number> {
  const fb = fixtureFactBase({
    'data/long.yaml': `facts:\n  - id: pub.long\n    statement: ${JSON.stringify(text)}\n    status: reported\n    sensitivity: public\n    tags: [key]\n    sources: [{ source: s.one }, { source: s.two }]\n`,
  });
  const started = performance.now();
  await renderPacket(audience(BODY), { project, factBase: fb, partials, stamp: STAMP });
  return performance.now() - started;
}

describe('linear-time rendering', () => {
  it.each(PATTERNS)('%j repeated', async (pattern) => {
    const small = Math.ceil(20_000 / pattern.length);
    await renderMs(pattern.repeat(small)); // warm up
    const a = Math.min(await renderMs(pattern.repeat(small)), await renderMs(pattern.repeat(small)));
    const b = Math.min(await renderMs(pattern.repeat(4 * small)), await renderMs(pattern.repeat(4 * small)));
    expect(b, `${pattern}: ${a.toFixed(0)} ms at ${small}×, ${b.toFixed(0)} ms at ${4 * small}×`).toBeLessThan(8 * a + 150);
  });
});
