// The whole render of a packet (template, Markdown, HTML, leak guard) takes time linear in
// the length of fact text, whatever characters it repeats. Each pattern is rendered at two
// lengths, eight times apart: linear work grows about 8×, quadratic 64× (200,000 "!" took
// 38 s before: marked's e-mail lookahead; 30,000 "[](" 6.7 s: the footnote scan). A ratio
// needs no absolute speed, and CPU time (the best of a few runs) is not what other
// processes take; the slack absorbs a garbage collection.
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

/** CPU milliseconds (this process, all its threads) of rendering a packet with `text` as a fact. */
async function renderMs(text: string): Promise<number> {
  const fb = fixtureFactBase({
    'data/long.yaml': `facts:\n  - id: pub.long\n    statement: ${JSON.stringify(text)}\n    status: reported\n    sensitivity: public\n    tags: [key]\n    sources: [{ source: s.one }, { source: s.two }]\n`,
  });
  const started = process.cpuUsage();
  await renderPacket(audience(BODY), { project, factBase: fb, partials, stamp: STAMP });
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

const best = async (runs: number, text: string) => {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) min = Math.min(min, await renderMs(text));
  return min;
};

describe('linear-time rendering', () => {
  it.each(PATTERNS)('%j repeated', async (pattern) => {
    const small = Math.ceil(20_000 / pattern.length);
    await renderMs(pattern.repeat(small)); // warm up
    const a = await best(3, pattern.repeat(small));
    const b = await best(2, pattern.repeat(8 * small));
    expect(b, `${pattern}: ${a.toFixed(0)} ms at ${small}×, ${b.toFixed(0)} ms at ${8 * small}×`).toBeLessThan(16 * a + 300);
  });
});
