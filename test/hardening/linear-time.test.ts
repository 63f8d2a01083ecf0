// Rendering time is linear in the text: fact text made of 200,000 "!" (38 s before) or
// 30,000 "[](" (6.7 s before) adds well under a second to `build -f md`: the CPU time of
// the build, less that of the same build without the long fact (node's start and the rest
// of the project, about 0.5 s). CPU time, not wall time, so other work on the machine
// cannot fail the test. src/render/linear-time.test.ts checks every punctuation character.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureProject } from '../fixtures/render.js';
import { run } from '../helpers/cli.js';
import { testdir } from '../helpers/testdir.js';

/** CPU seconds (user + system) of one `build -f md` of the fixture project with `text` as a fact. */
function buildSeconds(text: string): number {
  const files = fixtureProject();
  files['data/facts.yaml'] +=
    `  - id: pub.long\n    statement: ${JSON.stringify(text)}\n    status: reported\n    sensitivity: public\n    tags: [key]\n    sources: [{ source: s.one }, { source: s.two }]\n`;
  const root = testdir(files);
  const times = join(root, 'time.txt');
  const r = run(['build', '-a', 'press', '-f', 'md'], {
    cwd: root,
    prefix: ['/usr/bin/time', '-f', '%U %S', '-o', times],
    timeout: 20_000,
  });
  expect([r.code, r.stderr]).toEqual([0, '']);
  // The text is printed (after its first letter, which a hedge may lower-case).
  expect(readFileSync(join(root, 'out/press.md'), 'utf8')).toContain(text.slice(1, 1_000).replace(/[[\]]/g, '\\$&'));
  const [user = 0, system = 0] = readFileSync(times, 'utf8').trim().split(/\s+/).map(Number);
  return user + system;
}

describe('linear-time rendering of fact text', () => {
  it.each([
    ['200,000 "!"', '!'.repeat(200_000)],
    ['30,000 "[]("', '[]('.repeat(30_000)],
    ['50,000 "http"', 'http'.repeat(50_000)],
    ['100,000 "a!"', 'a!'.repeat(100_000)],
  ])('%s: build -f md in under a second of CPU more than without it', (_, text) => {
    const plain = Math.min(buildSeconds('A short statement.'), buildSeconds('Another short statement.'));
    const long = buildSeconds(text);
    expect(long - plain, `${long.toFixed(2)} s with the text, ${plain.toFixed(2)} s without`).toBeLessThan(1);
  });
});
