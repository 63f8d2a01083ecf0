// The template check's cache (render/template-check-cache.ts) as the built CLI uses it: an
// unchanged project re-validates from the cache with the same report, and a change to
// anything the render reads — the audience, a partial (the project's or a built-in one it
// overrides), a stylesheet, a fact file, briefbook.yaml, the build stamp — checks again.
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA, FRONT, fixtureProject } from './fixtures/render.js';
import { run } from './helpers/cli.js';
import { testRepo } from './helpers/git-repo.js';
import { testdir } from './helpers/testdir.js';

const PROBE = `---
${FRONT}
styles: [probe.css]
---
# Probe

{{fact "pub.alpha"}}
{{> probe}}
{{> colophon}}
`;

const PROJECT = {
  ...DATA,
  'templates/audiences/probe.md': PROBE,
  'templates/partials/probe.hbs': 'A note: {{fact "pub.beta"}}\n',
  'templates/styles/probe.css': 'body { color: black; }\n',
};

type D = { file: string; line: number; column: number; message: string };
const where = (d: D) => `${d.file}:${d.line}:${d.column}: ${d.message}`;

function validator(root: string, env: Record<string, string> = {}) {
  const cache = testdir({});
  const entries = () => readdirSync(cache).filter((e) => e.startsWith('tcheck-'));
  const validate = (extra: Record<string, string> = {}) => {
    const r = run(['validate', '--format', 'json'], { cwd: root, env: { ...env, BRIEFBOOK_CACHE_DIR: cache, ...extra } });
    const report = JSON.parse(r.stdout) as { errors: D[]; warnings: D[] };
    return { code: r.code, stdout: r.stdout, errors: report.errors.map(where) };
  };
  /** The report, and whether this run checked the templates again (stored an entry). */
  const checked = (extra?: Record<string, string>) => {
    const before = entries().length;
    const r = validate(extra);
    return { ...r, rendered: entries().length > before };
  };
  return { cache, entries, validate, checked };
}

const write = (root: string, path: string, text: string) => writeFileSync(join(root, path), text);

describe('template check cache', () => {
  it('reuses an unchanged audience’s outcome, with the same report as the cache off', () => {
    const { 'templates/audiences/probe.md': _, ...rest } = PROJECT;
    const root = testdir(
      fixtureProject({
        ...rest,
        'templates/audiences/broken.md': PROBE.replace('pub.alpha', 'no.such'),
        'templates/audiences/unfinished.md': '---\ntitle: Unfinished\n---\nBody\n',
      }),
    );
    const v = validator(root);
    const off = v.validate({ BRIEFBOOK_CACHE_DIR: 'off' });
    expect(off.code).toBe(1);
    expect(off.errors).toEqual([
      'templates/audiences/broken.md:11:1: unknown fact id "no.such"',
      ...Array(3).fill(expect.stringMatching(/^templates\/audiences\/unfinished\.md:1:1: /)),
    ]);
    const cold = v.checked();
    expect(cold.rendered).toBe(true);
    expect(v.entries()).toHaveLength(4);
    const warm = v.checked();
    expect(warm.rendered).toBe(false);
    expect(warm.stdout).toBe(off.stdout);
    expect(cold.stdout).toBe(off.stdout);
  });

  it('checks again when the audience, a partial, a stylesheet or a fact file changes', () => {
    const root = testdir(PROJECT);
    const v = validator(root);
    expect(v.checked()).toMatchObject({ code: 0, rendered: true, errors: [] });
    expect(v.checked()).toMatchObject({ code: 0, rendered: false });

    write(root, 'templates/audiences/probe.md', PROBE.replace('pub.alpha', 'no.such'));
    expect(v.checked()).toMatchObject({ rendered: true, errors: ['templates/audiences/probe.md:11:1: unknown fact id "no.such"'] });
    write(root, 'templates/audiences/probe.md', PROBE);
    expect(v.checked()).toMatchObject({ code: 0, rendered: false, errors: [] });

    write(root, 'templates/partials/probe.hbs', 'A note: {{fact "no.such"}}\n');
    expect(v.checked()).toMatchObject({ rendered: true, errors: ['templates/partials/probe.hbs:1:9: unknown fact id "no.such"'] });
    write(root, 'templates/partials/probe.hbs', PROJECT['templates/partials/probe.hbs']);

    write(root, 'templates/styles/probe.css', '@import "x.css";\n');
    expect(v.checked()).toMatchObject({ rendered: true, errors: [expect.stringMatching(/^templates\/styles\/probe\.css:1:1: .*@import/)] });
    write(root, 'templates/styles/probe.css', PROJECT['templates/styles/probe.css']);
    write(root, 'templates/audiences/probe.md', PROBE.replace('[probe.css]', '[probe.css, extra.css]'));
    expect(v.checked()).toMatchObject({
      rendered: true,
      errors: [expect.stringMatching(/probe\.md:7:1: stylesheet "extra\.css" not found/)],
    });
    write(root, 'templates/styles/extra.css', 'p { margin: 0; }\n');
    expect(v.checked()).toMatchObject({ code: 0, rendered: true, errors: [] });
    write(root, 'templates/audiences/probe.md', PROBE);

    // pub.beta, named by the partial, made internal: above this public audience.
    const facts = DATA['data/facts.yaml'] as string;
    write(root, 'data/facts.yaml', facts.replace(/(id: pub\.beta[\s\S]*?sensitivity:) public/, '$1 internal'));
    expect(v.checked()).toMatchObject({ rendered: true, errors: [expect.stringMatching(/probe\.hbs:1:9: fact "pub\.beta" is internal/)] });
    // Outside git the stamp holds the data files' newest time: a write there checks again.
    write(root, 'data/facts.yaml', facts);
    expect(v.checked()).toMatchObject({ code: 0, rendered: true, errors: [] });
  });

  it('checks again when a project partial overrides a built-in one the audience uses', () => {
    const root = testdir(PROJECT);
    const v = validator(root);
    expect(v.checked()).toMatchObject({ code: 0, rendered: true });
    write(root, 'templates/partials/colophon.hbs', '{{entity "person.nobody"}}\n');
    expect(v.checked()).toMatchObject({
      rendered: true,
      errors: ['templates/partials/colophon.hbs:1:1: unknown entity id "person.nobody"'],
    });
    rmSync(join(root, 'templates/partials/colophon.hbs'));
    expect(v.checked()).toMatchObject({ code: 0, rendered: false, errors: [] });
  });

  it('checks again when briefbook.yaml or the build stamp changes', () => {
    const repo = testRepo({ ...PROJECT, 'briefbook.yaml': 'title: Probe\n' });
    const v = validator(repo.root, repo.env);
    expect(v.checked()).toMatchObject({ code: 0, rendered: true });
    expect(v.checked()).toMatchObject({ code: 0, rendered: false });
    repo.write({ 'briefbook.yaml': 'title: Probe\nasOf: "2026-06-01"\n' });
    expect(v.checked()).toMatchObject({ code: 0, rendered: true });
    expect(v.checked()).toMatchObject({ code: 0, rendered: false });
    // Not a fact file, but the stamp now says "with uncommitted changes".
    repo.write({ 'data/notes.txt': 'draft\n' });
    expect(v.checked()).toMatchObject({ code: 0, rendered: true });
    expect(v.checked({ SOURCE_DATE_EPOCH: '1780000000' })).toMatchObject({ code: 0, rendered: true });
    expect(v.checked({ SOURCE_DATE_EPOCH: '1780000000' })).toMatchObject({ code: 0, rendered: false });
    // The stamp stays as it was (uncommitted changes already): only the fact files differ.
    const facts = DATA['data/facts.yaml'] as string;
    repo.write({ 'data/facts.yaml': facts.replace(/(id: pub\.beta[\s\S]*?sensitivity:) public/, '$1 internal') });
    expect(v.checked()).toMatchObject({ rendered: true, errors: [expect.stringMatching(/probe\.hbs:1:9: fact "pub\.beta" is internal/)] });
  });

  it('is harmless when entries are corrupt or the folder is deleted', () => {
    const root = testdir({ ...PROJECT, 'templates/audiences/probe.md': PROBE.replace('pub.alpha', 'no.such') });
    const v = validator(root);
    const first = v.validate();
    expect(first.errors).toEqual(['templates/audiences/probe.md:11:1: unknown fact id "no.such"']);
    // Altered to say "no problems", with the seal left as it was: refused, checked again.
    for (const e of v.entries()) write(v.cache, e, '{"errors":[],"warnings":[]}\n//sha256:0');
    expect(v.checked()).toMatchObject({ stdout: first.stdout });
    for (const e of v.entries()) write(v.cache, e, 'torn');
    expect(v.validate().stdout).toBe(first.stdout);
    rmSync(v.cache, { recursive: true, force: true });
    expect(v.validate().stdout).toBe(first.stdout);
    expect(v.entries()).toHaveLength(1);
  });
});
