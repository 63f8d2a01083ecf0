// The leak guard end to end, through the built CLI: internal text pasted into a public
// packet (its template, a stylesheet's generated content) refuses that packet at the
// internal item's file:line and writes nothing; a banner may not claim less than what the
// packet prints, nor clearance that nobody recorded.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureProject, PRESS, SECRET } from './fixtures/render.js';
import { run } from './helpers/cli.js';
import { read } from './helpers/project.js';
import { testdir } from './helpers/testdir.js';

const ANALYSIS = 'Staff judge the attribution weak and would not repeat it in any public setting.';
const DATA = {
  'data/analysis.yaml': `analysis:\n  - id: a.judgement\n    kind: assessment\n    text: ${ANALYSIS}\n    facts: [pub.alpha]\n`,
};
const out = (root: string) => readdirSync(join(root, 'out'), { withFileTypes: true }).map((e) => e.name);
const built = (root: string) => {
  try {
    return out(root);
  } catch {
    return [];
  }
};

describe('build: text pasted into a public packet', () => {
  it('is refused at the withheld item, in whatever form it was pasted, and nothing of that packet is written', () => {
    const curly = ANALYSIS.replace('attribution', '“attribution”').replace('setting.', 'set\u00ADting');
    const root = testdir(fixtureProject({ ...DATA, 'templates/audiences/press.md': `${PRESS}\nOur view: ${curly}\n` }));
    const r = run(['build', '-f', 'md', '-f', 'html'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^data\/analysis\.yaml:4:11: error: press: the packet contains the text of analysis item "a\.judgement", which is internal, above its sensitivity \(public\); nothing was written for it \(analysis\[0\]\.text\)$/m,
    );
    expect(r.stderr).toContain('reach the packet without a helper');
    expect(built(root)).toEqual(['staff.html', 'staff.md']);
  });

  it('is refused when a stylesheet prints it as generated content, CSS escapes and all', () => {
    const escaped = SECRET.replace('The', '\\54 he').replace('subpoena', 'sub\\70 oena');
    const root = testdir(
      fixtureProject({
        'templates/styles/house.css': `main::after { content: "${escaped}"; }\n`,
        'templates/audiences/press.md': PRESS.replace(
          'banner: Public — draft',
          'banner: Public — draft\nstyles: [briefbook.css, house.css]',
        ),
      }),
    );
    const r = run(['build', '-a', 'press', '-f', 'html'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^data\/facts\.yaml:\d+:\d+: error: press: the packet contains the text of fact "int\.secret"/m);
  });
});

describe('build: banners', () => {
  const internalFact = '\n{{fact "int.secret"}}\n';

  it('refuses a public marking on a packet that prints internal material, at the banner', () => {
    const body = PRESS.replace('sensitivity: public', 'sensitivity: internal') + internalFact;
    const root = testdir(fixtureProject({ 'templates/audiences/press.md': body }));
    const r = run(['build', '-a', 'press', '-f', 'md'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'templates/audiences/press.md:6:1: error: press: the banner "Public — draft" claims public, but the packet prints internal material (fact "int.secret"); nothing was written for it',
    );
    expect(built(root)).toEqual([]);
  });

  it('refuses "cleared for release" that nobody recorded, and prints the clearance that is', () => {
    const claimed = PRESS.replace('banner: Public — draft', 'banner: Public — cleared for release');
    const refused = run(['build', '-a', 'press', '-f', 'md'], {
      cwd: testdir(fixtureProject({ 'templates/audiences/press.md': claimed })),
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'templates/audiences/press.md:6:1: error: the banner says the packet is cleared, but the front matter does not record who cleared it and when',
    );

    const cleared = PRESS.replace('banner: Public — draft\n', 'clearance: { by: "J. Doe, Press Secretary", date: "2026-06-20" }\n');
    const root = testdir(fixtureProject({ 'templates/audiences/press.md': cleared }));
    const r = run(['build', '-a', 'press', '-f', 'html'], { cwd: root });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(read(root, 'out/press.html')).toContain(
      '<div class="banner banner-top">Public — cleared for release by J. Doe, Press Secretary on 2026-06-20</div>',
    );
  });

  it('derives the banner from the sensitivity when the front matter sets none', () => {
    const root = testdir(fixtureProject({ 'templates/audiences/press.md': PRESS.replace('banner: Public — draft\n', '') }));
    expect(run(['build', '-a', 'press', '-f', 'html'], { cwd: root }).code).toBe(0);
    expect(read(root, 'out/press.html')).toContain('<div class="banner banner-top">Public — draft, not yet cleared for release</div>');
  });
});
