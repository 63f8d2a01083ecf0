// `briefbook new audience`: a copy to customise, its front matter explained, that builds.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainFrontMatter } from '../../src/authoring/explain-front-matter.js';
import { parseAudience } from '../../src/render/audiences.js';
import { FRONT_MATTER_KEYS } from '../../src/render/front-matter.js';
import { REPO, run } from '../helpers/cli.js';
import { initProject, read } from './project.js';

describe('briefbook new audience', () => {
  it('copies a project audience with its front matter explained, and the copy builds', () => {
    const root = initProject();
    const r = run(['new', 'audience', 'committee-website', '--from', 'press-points'], { cwd: root });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('created templates/audiences/committee-website.md (from templates/audiences/press-points.md)');
    const text = read(root, 'templates/audiences/committee-website.md');
    expect(text).toContain(
      '# Highest sensitivity the packet may contain; anything above never reaches it. One of: public, internal, restricted. Required.\nsensitivity: public',
    );
    expect(text).toContain('# pageLimit: 2    # Most pages the PDF may have');
    const original = parseAudience('press-points', 'x', read(root, 'templates/audiences/press-points.md'));
    const copy = parseAudience('committee-website', 'y', text);
    expect(copy.front).toEqual(original.front);
    expect(copy.body).toBe(original.body);

    const build = run(['build', '-a', 'committee-website', '-f', 'md'], { cwd: root });
    expect([build.code, build.stderr]).toEqual([0, '']);
    expect(read(root, 'out/committee-website.md')).toContain('## Talking points');
  });

  it('copies member-memo by default, and can copy a built-in audience', () => {
    const root = initProject();
    expect(run(['new', 'audience', 'memo-two'], { cwd: root }).stdout).toContain('(from templates/audiences/member-memo.md)');
    const r = run(['new', 'audience', 'staff-book', '--from', 'briefing-book'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`(from ${join(REPO, 'templates/audiences/briefing-book.md')})`);
    expect(r.stdout).toContain('replace the fact ids it names');
  });

  it.each([
    [['new', 'audience', 'press-points'], 'templates/audiences/press-points.md already exists'],
    [['new', 'audience', 'Press_Points'], '"Press_Points" is not a usable audience name'],
    [['new', 'audience', '-x'], null],
    [['new', 'audience', 'x', '--from', 'press-point'], 'no audience "press-point" to copy'],
  ])('refuses %j', (args, message) => {
    const root = initProject();
    const before = read(root, 'templates/audiences/press-points.md');
    const r = run(args, { cwd: root });
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    if (message) expect(r.stderr).toContain(message);
    expect(read(root, 'templates/audiences/press-points.md')).toBe(before);
  });

  it('suggests the closest audience to copy', () => {
    const root = initProject();
    expect(run(['new', 'audience', 'x', '--from', 'press-point'], { cwd: root }).stderr).toContain('did you mean "press-points"?');
  });
});

describe('explainFrontMatter', () => {
  it('explains every key: above the ones set, commented out for the rest, without changing the data', () => {
    const text = readFileSync(join(REPO, 'templates/audiences/briefing-book.md'), 'utf8');
    const yaml = /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? '';
    const explained = explainFrontMatter(yaml);
    for (const key of FRONT_MATTER_KEYS) expect(explained).toMatch(new RegExp(`^(# )?${key}:`, 'm'));
    const body = text.slice(text.indexOf('\n---\n') + 5);
    const a = parseAudience('a', 'a', text);
    const b = parseAudience('b', 'b', `---\n${explained}---\n${body}`);
    expect(b.front).toEqual(a.front);
  });
});
