import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAudience } from '../src/render/template-files/audiences.js';
import { REPO, run } from './helpers/cli.js';
import { initProject, read } from './helpers/project.js';
import { testdir } from './helpers/testdir.js';

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

describe('the shipped audiences, whatever the project has', () => {
  it('new audience --from builtin:NAME copies the shipped one even where the project has its own of that name', () => {
    const root = initProject();
    const r = run(['new', 'audience', 'senator-memo', '--from', 'builtin:member-memo'], { cwd: root });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain(`(from ${join(REPO, 'templates/audiences/member-memo.md')})`);
    const shipped = parseAudience('member-memo', 'x', readFileSync(join(REPO, 'templates/audiences/member-memo.md'), 'utf8'));
    const copy = parseAudience('senator-memo', 'y', read(root, 'templates/audiences/senator-memo.md'));
    expect(copy.body).toBe(shipped.body);
    // Without the prefix, the project's own (init's generic memo) is still the one copied.
    expect(run(['new', 'audience', 'own-memo', '--from', 'member-memo'], { cwd: root }).stdout).toContain(
      '(from templates/audiences/member-memo.md)',
    );
  });

  it('refuses an unknown built-in, naming the ones there are', () => {
    const root = initProject();
    const r = run(['new', 'audience', 'x', '--from', 'builtin:member-mem'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no audience "builtin:member-mem" to copy');
    expect(r.stderr).toContain('did you mean "builtin:member-memo"?');
    expect(r.stderr).toContain('builtin:witness-prep');
  });

  it('list audiences --builtin lists the shipped audiences, from any folder', () => {
    const r = run(['list', 'audiences', '--builtin', '--json'], { cwd: testdir({}) });
    expect(r.code).toBe(0);
    const names = JSON.parse(r.stdout).map((a: { name: string }) => a.name);
    expect(names).toEqual(['briefing-book', 'executive-brief', 'hearing-day', 'member-memo', 'press-points', 'witness-prep']);
    const text = run(['list', 'audiences', '--builtin'], { cwd: initProject() });
    expect(text.stdout).toMatch(/^member-memo +internal +\/.*templates\/audiences\/member-memo\.md +Briefing Memo — /m);
    expect(text.stderr).toContain('--from builtin:<name>');
    expect(run(['list', 'facts', '--builtin'], { cwd: initProject() }).code).toBe(2);
  });
});
