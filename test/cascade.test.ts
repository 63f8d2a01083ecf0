// The template cascade: the project's templates/ first, then briefbook's built-in partials
// and styles, so a project overrides one piece without copying the rest.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA } from './fixtures/render.js';
import { REPO, run } from './helpers/cli.js';
import { read } from './helpers/project.js';
import { testdir } from './helpers/testdir.js';

const AUDIENCE = `---
title: Cascade check
audience: Staff
genre: brief
sensitivity: public
banner: Public — draft
---
{{> title-block}}

{{#facts tag="key"}}
- {{fact id}}
{{/facts}}

{{> colophon}}
`;

const project = (files: Record<string, string> = {}) => testdir({ ...DATA, 'templates/audiences/check.md': AUDIENCE, ...files });

describe('template cascade', () => {
  it('uses the built-in partials and styles when the project has none', () => {
    const root = project();
    const r = run(['build', '-f', 'md', '-f', 'html'], { cwd: root });
    expect([r.code, r.stderr]).toEqual([0, '']);
    const md = read(root, 'out/check.md');
    expect(md).toContain('<!-- begin:title-block -->\n\n# Cascade check');
    expect(md).toContain('<!-- begin:colophon -->');
    expect(read(root, 'out/check.html')).toContain(read(REPO, 'templates/styles/briefbook.css').trim().slice(0, 200));
  });

  it('lets a project partial override the built-in one of the same name, and only that one', () => {
    const root = project({ 'templates/partials/title-block.hbs': '# {{title}} — our own title block\n' });
    const r = run(['build', '-f', 'md'], { cwd: root });
    expect([r.code, r.stderr]).toEqual([0, '']);
    const md = read(root, 'out/check.md');
    expect(md).toContain('# Cascade check — our own title block');
    expect(md).not.toContain('begin:title-block');
    expect(md).toContain('<!-- begin:colophon -->'); // still the built-in
  });

  it('lets a project stylesheet override the built-in one', () => {
    const root = project({ 'templates/styles/briefbook.css': 'body { color: rebeccapurple; }\n' });
    const r = run(['build', '-f', 'html'], { cwd: root });
    expect(r.code).toBe(0);
    const html = read(root, 'out/check.html');
    expect(html).toContain('rebeccapurple');
    expect(html).not.toContain('--serif');
  });

  it('reports an error inside a built-in partial at that partial’s own file', () => {
    // The question partial expects to run inside {{#questions}}; at top level `question` is unknown.
    const root = project({ 'templates/audiences/check.md': AUDIENCE.replace('{{> colophon}}', '{{> question}}') });
    const r = run(['build', '-f', 'md'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${join(REPO, 'templates/partials/question.hbs')}:2:`);
  });

  it('reports a partial that no layer has at its line, with the closest names', () => {
    const root = project({ 'templates/audiences/check.md': AUDIENCE.replace('{{> colophon}}', 'text\n  {{> colofon}}') });
    const r = run(['build', '-f', 'md'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('templates/audiences/check.md:15:3: error: template: no partial "colofon"');
    expect(r.stderr).toContain('did you mean "colophon"?');
  });

  it('reports a stylesheet that no layer has', () => {
    const root = project({
      'templates/audiences/check.md': AUDIENCE.replace('banner: Public — draft\n', 'banner: Public — draft\nstyles: [house.css]\n'),
    });
    const r = run(['build', '-f', 'html'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('templates/audiences/check.md:7:1: error: stylesheet "house.css" not found in templates/styles/');
  });
});
