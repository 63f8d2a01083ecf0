// The packet cache (render/packet-cache.ts) as the built CLI uses it: a build of an
// unchanged project writes, from the cache, the bytes a render writes with the cache off
// (Markdown, HTML and PDF); a change to anything the render reads — the audience, a
// partial, a stylesheet, a fact file, briefbook.yaml, the build stamp, --as-of — renders
// again; Word output, --since and a failing packet are never taken from it.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA, FRONT } from './fixtures/render.js';
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
`;

const PROJECT = {
  ...DATA,
  'templates/audiences/probe.md': PROBE,
  'templates/partials/probe.hbs': 'A note: {{fact "pub.beta"}}\n',
  'templates/styles/probe.css': 'body { color: black; }\n',
};

function builder(root: string, env: Record<string, string> = {}) {
  const cache = testdir({});
  const entries = () => readdirSync(cache).filter((e) => e.startsWith('packet-'));
  /** The files written, whether this run rendered (stored an entry), and the same build with the cache off. */
  const build = (args: string[] = [], extra: Record<string, string> = {}) => {
    const out = (dir: string, cacheDir: string) => {
      const r = run(['build', '-f', 'md', '-f', 'html', '-o', dir, ...args], {
        cwd: root,
        env: { ...env, BRIEFBOOK_CACHE_DIR: cacheDir, ...extra },
      });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      return Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
    };
    const before = entries().length;
    const files = out(testdir({}), cache);
    return { files, rendered: entries().length > before, off: out(testdir({}), 'off') };
  };
  return { cache, entries, build };
}

const write = (root: string, path: string, text: string) => writeFileSync(join(root, path), text);

describe('packet cache', () => {
  it('writes an unchanged project’s packets from the cache, the bytes a render writes', () => {
    const root = testdir(PROJECT);
    const b = builder(root);
    const cold = b.build();
    expect(cold.rendered).toBe(true);
    expect(Object.keys(cold.files).sort()).toEqual(['probe.html', 'probe.md']);
    expect(cold.files).toEqual(cold.off);
    expect(b.entries()).toHaveLength(1);
    const warm = b.build();
    expect(warm.rendered).toBe(false);
    expect(warm.files).toEqual(cold.off);
    expect(b.entries()).toHaveLength(1);
  }, 300_000);

  it('renders again when the audience, a partial, a stylesheet, a fact file or --as-of changes', () => {
    const root = testdir(PROJECT);
    const b = builder(root);
    const first = b.build();
    const again = (want: boolean) => {
      const r = b.build();
      expect(r.rendered).toBe(want);
      expect(r.files).toEqual(r.off);
      return r.files;
    };
    write(root, 'templates/audiences/probe.md', PROBE.replace('# Probe', '# Probe, edited'));
    expect(again(true)['probe.md']).toContain('# Probe, edited');
    write(root, 'templates/partials/probe.hbs', 'A changed note: {{fact "pub.beta"}}\n');
    expect(again(true)['probe.md']).toContain('A changed note');
    write(root, 'templates/styles/probe.css', 'body { color: navy; }\n');
    expect(again(true)['probe.html']).toContain('navy');
    const facts = DATA['data/facts.yaml'] as string;
    write(root, 'data/facts.yaml', facts.replace('twelve thousand accounts', 'thirteen thousand accounts'));
    expect(again(true)['probe.md']).toContain('thirteen thousand');
    expect(again(false)).not.toEqual(first.files);
    const asOf = b.build(['--as-of', '2026-01-02']);
    expect(asOf.rendered).toBe(true);
    expect(asOf.files).toEqual(asOf.off);
  }, 300_000);

  it('renders again when briefbook.yaml or the build stamp changes', () => {
    const repo = testRepo({ ...PROJECT, 'briefbook.yaml': 'title: Probe\n' });
    repo.commit('first');
    const b = builder(repo.root, repo.env);
    expect(b.build().rendered).toBe(true);
    expect(b.build().rendered).toBe(false);
    repo.write({ 'briefbook.yaml': 'title: Probe\nasOf: "2026-06-01"\n' });
    const config = b.build();
    expect(config.rendered).toBe(true);
    expect(config.files).toEqual(config.off);
    // Not a fact file, but the stamp now says "with uncommitted changes".
    repo.write({ 'data/notes.txt': 'draft\n' });
    const dirty = b.build();
    expect(dirty.rendered).toBe(true);
    expect(dirty.files).toEqual(dirty.off);
    repo.commit('second');
    const committed = b.build();
    expect(committed.rendered).toBe(true);
    expect(committed.files).toEqual(committed.off);
    const sde = b.build([], { SOURCE_DATE_EPOCH: '1780000000' });
    expect(sde.rendered).toBe(true);
    expect(sde.files).toEqual(sde.off);
  }, 300_000);

  it('prints an unchanged project’s PDFs from kept packets, the bytes a render prints', () => {
    const root = testdir(PROJECT);
    const b = builder(root);
    const env = { BRIEFBOOK_CACHE_DIR: b.cache, SOURCE_DATE_EPOCH: '1780000000' };
    const pdfBuild = (cacheDir: string) => {
      const dir = testdir({});
      const r = run(['build', '-f', 'md', '-f', 'html', '-f', 'pdf', '-o', dir], {
        cwd: root,
        env: { ...env, BRIEFBOOK_CACHE_DIR: cacheDir },
      });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      return Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f))]));
    };
    const off = pdfBuild('off');
    expect(Object.keys(off).sort()).toEqual(['probe.html', 'probe.md', 'probe.pdf']);
    // A Markdown + HTML build keeps the packet; the PDF build takes it (no new entry) and prints it.
    expect(b.build([], { SOURCE_DATE_EPOCH: '1780000000' }).rendered).toBe(true);
    const [entry] = b.entries();
    // A render would store the entry again (a new file under the same name).
    const inode = () => statSync(join(b.cache, entry as string)).ino;
    const before = inode();
    expect(pdfBuild(b.cache)).toEqual(off);
    expect(b.entries()).toEqual([entry]);
    expect(inode()).toBe(before);
    // A PDF build that renders keeps its packet for the next one.
    write(root, 'templates/partials/probe.hbs', 'A changed note: {{fact "pub.beta"}}\n');
    const changedOff = pdfBuild('off');
    expect(pdfBuild(b.cache)).toEqual(changedOff);
    expect(b.entries()).toHaveLength(2);
    const kept = b.entries().map((e) => statSync(join(b.cache, e)).ino);
    expect(pdfBuild(b.cache)).toEqual(changedOff);
    expect(b.entries().map((e) => statSync(join(b.cache, e)).ino)).toEqual(kept);
    expect(changedOff['probe.md']?.toString()).toContain('A changed note');
  }, 300_000);

  it('keeps nothing for Word output, --since or a packet that fails', () => {
    const repo = testRepo(PROJECT);
    repo.commit('first');
    const b = builder(repo.root, repo.env);
    const docx = run(['build', '-f', 'md', '-f', 'docx', '-o', testdir({})], {
      cwd: repo.root,
      env: { ...repo.env, BRIEFBOOK_CACHE_DIR: b.cache },
    });
    expect(docx.code).toBe(0);
    const since = run(['build', '-f', 'md', '--since', 'HEAD', '-o', testdir({})], {
      cwd: repo.root,
      env: { ...repo.env, BRIEFBOOK_CACHE_DIR: b.cache },
    });
    expect(since.code).toBe(0);
    expect(b.entries()).toEqual([]);
    repo.write({ 'templates/partials/probe.hbs': 'A note: {{fact "no.such"}}\n' });
    const failing = () =>
      run(['build', '-f', 'md', '-o', testdir({})], { cwd: repo.root, env: { ...repo.env, BRIEFBOOK_CACHE_DIR: b.cache } });
    expect(failing().code).toBe(1);
    expect(b.entries()).toEqual([]);
    expect(failing().stderr).toContain('unknown fact id "no.such"');
  }, 300_000);

  it('after a fully kept build, a broken fact file fails the build, located, and writes nothing', () => {
    const root = testdir(PROJECT);
    const b = builder(root);
    b.build();
    expect(b.build().rendered).toBe(false); // every packet kept: the fact base is not even made
    const data: Record<string, string> = DATA;
    const facts = Object.keys(data).find((f) => data[f]?.includes('id: pub.alpha'));
    expect(facts).toBeDefined();
    const broken = (data[facts as string] as string).replace('id: pub.alpha', 'idd: pub.alpha');
    write(root, facts as string, broken);
    const out = testdir({ 'probe.md': 'before\n' });
    const r = run(['build', '-f', 'md', '-f', 'html', '-o', out], { cwd: root, env: { BRIEFBOOK_CACHE_DIR: b.cache } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`${facts}:\\d+:\\d+: error: missing required field "id"`));
    expect(readdirSync(out)).toEqual(['probe.md']);
    expect(readFileSync(join(out, 'probe.md'), 'utf8')).toBe('before\n');
  }, 120_000);
});
