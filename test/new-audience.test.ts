import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAudience } from '../src/render/template-files/audiences.js';
import { REPO, run } from './helpers/cli.js';
import { initProject, read } from './helpers/project.js';

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
