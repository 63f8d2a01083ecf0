// The README's "Adding an audience" example, run as a reader would run it: the audience
// file exactly as the README shows it, added to the shipped project, builds within its
// own page limit. A README example that no longer builds is a broken promise.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, run } from './helpers/cli.js';
import { copyShipped } from './helpers/hardening.js';
import { testdir } from './helpers/testdir.js';

/** The first ```markdown block after the "## Adding an audience" heading. */
function readmeAudience(): string {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Adding an audience\n'));
  const block = /```markdown\n([\s\S]*?)```/.exec(section);
  if (!block?.[1]) throw new Error('README has no markdown block under "## Adding an audience"');
  return block[1];
}

describe('README: adding an audience', () => {
  it('builds the example audience as shown, within its page limit', () => {
    const root = copyShipped(testdir({}));
    const body = readmeAudience();
    writeFileSync(join(root, 'templates/audiences/committee-website.md'), body);
    const r = run(['build', '-a', 'committee-website', '-q'], { cwd: root });
    expect([r.code, r.stderr]).toEqual([0, '']);
    const limit = Number(/^pageLimit: (\d+)/m.exec(body)?.[1]);
    const info = spawnSync('pdfinfo', [join(root, 'out/committee-website.pdf')], { encoding: 'utf8' }).stdout;
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeLessThanOrEqual(limit);
    expect(readFileSync(join(root, 'out/committee-website.md'), 'utf8')).toContain('## What we know');
  });
});
