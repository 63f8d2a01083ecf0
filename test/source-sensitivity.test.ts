// End to end, with the built CLI, real git and a real Chromium: a source only internal
// items cite never appears — id, title or note — in a public packet's Markdown, HTML or
// PDF, through any helper that lists sources, nor in its "Changes since" section when such
// a source is edited or added. The internal packet, built from the same body, shows them.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NEVER_PUBLIC, SENSITIVE_SOURCES } from './fixtures/sensitive-sources.js';
import { testRepo } from './helpers/git-repo.js';

const BODY = `# Packet

{{#facts all=true}}
- {{fact id}} {{value id cite=true}} {{corroboration id}} [{{sources}}]
{{/facts}}

{{figureTable tag="figures"}}

{{timeline all=true}}

{{#if changes}}
{{> changes}}
{{/if}}

## Appendix

{{sourcesAppendix all=true}}

{{notes title="Sources"}}
`;

const packet = (sensitivity: string) => `---
title: Closure packet
audience: Tester
genre: report
sensitivity: ${sensitivity}
banner: ${sensitivity === 'public' ? 'Public — draft' : sensitivity}
---
${BODY}`;

/** Edits after the commit: both secret sources retitled and re-noted, a new internal one added. */
function edited(): string {
  return SENSITIVE_SOURCES.replace('title: Call with the plant insurer', 'title: Call with the plant insurer, second round')
    .replace('Insurer expects a large payout.', 'Insurer expects a large payout, now doubled.')
    .replace('title: Draft layoff memo', 'title: Draft layoff memo (revised)')
    .replace(
      'facts:\n',
      'facts:\n  - { id: f.union, statement: The union was briefed., status: reported, sensitivity: internal, sources: [{ source: src.union-letter }] }\n',
    )
    .replace(
      'sources:\n',
      'sources:\n  - { id: src.union-letter, title: Union side letter, kind: letter, sensitivity: internal, note: Signed in private. }\n',
    );
}

const NEW_SECRETS = ['src.union-letter', 'Union side letter', 'Signed in private'];
const pdfText = (file: string) => spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;

// Read once: the temporary repository is removed after the first test.
let built: { md: string; html: string; pdf: string; staff: string };

beforeAll(() => {
  const repo = testRepo({
    'data/all.yaml': SENSITIVE_SOURCES,
    'templates/audiences/public.md': packet('public'),
    'templates/audiences/staff.md': packet('internal'),
  });
  repo.write({ 'data/all.yaml': edited() });
  const out = join(repo.root, 'out');
  const r = repo.briefbook(['build', '--since', 'HEAD', '-o', out]);
  expect(r.stderr).not.toMatch(/error/);
  expect(r.code).toBe(0);
  const read = (name: string) => readFileSync(join(out, name), 'utf8');
  built = {
    md: read('public.md').replace(/\\/g, ''),
    html: read('public.html'),
    pdf: pdfText(join(out, 'public.pdf')).replace(/\s+/g, ' '),
    staff: read('staff.md').replace(/\\/g, ''),
  };
}, 120_000);

describe('a public packet never names a source only internal items cite', () => {
  it.each(['md', 'html', 'pdf'] as const)('in its %s, through every helper and the changes section', (format) => {
    const text = built[format];
    expect(text).toContain('Plant closure reported'); // the public source is listed
    expect(text).toMatch(/Changes since HEAD/);
    for (const secret of [...NEVER_PUBLIC, ...NEW_SECRETS]) expect(text).not.toContain(secret);
  });

  it('while the internal packet, built from the same body, names them and their edits', () => {
    const { staff } = built;
    for (const shown of [
      'Call with the plant insurer, second round',
      'Draft layoff memo (revised)',
      'Union side letter',
      'src.layoff-memo',
    ]) {
      expect(staff).toContain(shown);
    }
    expect(staff).toMatch(/source src\.insurer-call/); // its title change, in the changes section
  });
});
