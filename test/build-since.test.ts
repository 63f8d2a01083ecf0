// `build --since REV` end to end, with real git: a copy of the shipped project, committed,
// then two commits of realistic edits. The packets' "Changes since" sections, `briefbook
// diff` and plain `git diff` through the driver must name the same items, each filtered
// for its audience.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../src/render/template/format.js';
import { run } from './helpers/cli.js';
import { type DiffJson, type Files, git, gitEnv } from './helpers/git-repo.js';
import { shippedProject as shipped } from './helpers/project.js';
import { testdir } from './helpers/testdir.js';

const CAMPAIGN = 'data/facts/campaign.yaml';
const SOURCES = 'data/sources.yaml';
const NEW_SOURCE_TITLE = 'Alibaba rejects <b>claims</b> & *denies* [wrongdoing](javascript:alert(1))';
const STAFF_ESTIMATE = 'Committee staff estimate the accounts cost the operators under fifty thousand dollars to set up.';
const MYTHOS = 'Anthropic believes the operation was meant to speed up development';

/** The shipped project, with the changes section added to the press audience. */
function shippedProject(): Files {
  const files: Files = shipped();
  // The press audience does not carry the section; a user may add it, and filtering must still hold.
  files['templates/audiences/press-points.md'] =
    `${files['templates/audiences/press-points.md']}\n{{#if changes}}\n{{> changes}}\n{{/if}}\n`;
  return files;
}

/** Replaces the first `from` after `anchor` (so an edit lands in the right item). */
function after(text: string, anchor: string, from: string, to: string): string {
  const at = text.indexOf(anchor);
  const i = text.indexOf(from, at);
  if (at < 0 || i < 0) throw new Error(`test setup: "${from}" after "${anchor}" not found`);
  return text.slice(0, i) + to + text.slice(i + from.length);
}

// One repository for the whole file (testdir() would remove it after the first test): the
// edits are committed in `origin`, and every test runs in a fresh clone of it, where no
// git config has been made yet.
const tmp = mkdtempSync(join(tmpdir(), 'briefbook-since-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const origin = sharedRepo(join(tmp, 'origin'));
const repo = sharedRepo(join(tmp, 'brief'));
let base: string;
const read = (path: string) => readFileSync(join(origin.root, path), 'utf8');

function sharedRepo(root: string) {
  const env = { GIT_CONFIG_GLOBAL: join(tmp, '.gitconfig'), GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' };
  const r = {
    root,
    git: (...args: string[]) => git(root, env, ...args),
    commit(message: string, files: Files) {
      for (const [path, content] of Object.entries(files)) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), content ?? '');
      }
      r.git('add', '-A');
      r.git('commit', '-q', '-m', message);
    },
    briefbook: (args: string[]) => run(args, { cwd: root, env }),
    diffJson(...args: string[]): DiffJson {
      const res = r.briefbook(['diff', ...args, '--format', 'json']);
      if (res.code !== 0) throw new Error(`briefbook diff exited ${res.code}: ${res.stderr}`);
      return JSON.parse(res.stdout) as DiffJson;
    },
  };
  return r;
}

beforeAll(() => {
  writeFileSync(join(tmp, '.gitconfig'), '');
  mkdirSync(origin.root);
  origin.git('init', '-q', '-b', 'main');
  origin.commit('the shipped project', shippedProject());
  base = origin.git('rev-parse', '--short', 'HEAD').trim();
  let campaign = read(CAMPAIGN);
  campaign = after(campaign, '- id: campaign.accounts', 'status: alleged', 'status: confirmed');
  campaign = after(campaign, '- id: exact-28.8m', '28.8 million exchanges, stated', '29.1 million exchanges, stated');
  campaign = after(campaign, '- id: exact-28.8m', 'number: 28800000', 'number: 29100000');
  origin.commit('revise the figures', { [CAMPAIGN]: campaign });

  campaign = after(campaign, '- id: campaign.aim-mythos', 'sensitivity: public', 'sensitivity: internal');
  campaign = after(campaign, '- id: campaign.period', 'ran in the spring of 2026', 'ran in spring 2026');
  campaign += `
  - id: campaign.staff-estimate
    statement: ${STAFF_ESTIMATE}
    status: alleged
    sensitivity: internal
    tags: [campaign]
    sources:
      - source: src.ft-followup
`;
  const sources = `${read(SOURCES)}
  - id: src.ft-followup
    title: ${JSON.stringify(NEW_SOURCE_TITLE)}
    kind: news
    via: [Financial Times]
`;
  origin.commit('restrict one claim, add a source', { [CAMPAIGN]: campaign, [SOURCES]: sources });
  origin.git('clone', '-q', origin.root, repo.root);
}, 60_000);

/** The "Changes since" section of a Markdown packet: from its heading to the next one. */
function section(markdown: string): string {
  const start = markdown.indexOf('## Changes since');
  if (start < 0) return '';
  const next = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, next < 0 ? undefined : next);
}

const NOUNS: Record<string, string> = {
  fact: 'facts',
  source: 'sources',
  entity: 'entities',
  event: 'events',
  question: 'questions',
  'glossary term': 'glossary',
  'analysis item': 'analysis',
};
const ITEM = /^(fact|source|entity|event|question|glossary term|analysis item) ([a-z0-9][a-z0-9._-]*)$/;

/** "kind:id" of every item a section lists (bold "**fact campaign.accounts**" bullets and renames). */
function sectionIds(text: string): string[] {
  const ids = [...text.matchAll(/^- \*\*([^*]+)\*\*/gm)].map((m) => ITEM.exec((m[1] ?? '').replace(/\\(.)/g, '$1')));
  return ids.filter((m) => m !== null).map((m) => `${NOUNS[m[1] as string]}:${m[2]}`);
}

const diffIds = (d: DiffJson) => [
  ...d.changed.map((c) => `${c.kind}:${c.id}`),
  ...d.added.map((c) => `${c.kind}:${c.id}`),
  ...d.removed.map((c) => `${c.kind}:${c.id}`),
  ...d.renamed.map((c) => `${c.kind}:${c.to}`),
];

describe('build --since REV', () => {
  let out: string;
  beforeAll(() => {
    out = join(repo.root, 'out-md');
    const res = repo.briefbook(['build', '--since', 'HEAD~2', '-f', 'md', '-f', 'html', '-o', out]);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
  });
  const packet = (name: string) => readFileSync(join(out, `${name}.md`), 'utf8');

  it('lists the changes in the briefing book, called-out ones first, under "Changes since REV (commit, date)"', () => {
    const s = section(packet('briefing-book'));
    const date = formatDate(repo.git('show', '-s', '--format=%cs', 'HEAD~2').trim());
    expect(s.split('\n')[0]).toBe(`## Changes since HEAD\\~2 (${base}, ${date})`);
    expect(s).toContain('2 status or sensitivity changes, 2 revised, 2 added');
    const order = ['**Status and sensitivity**', '**Revised**', '**Added**'].map((h) => s.indexOf(h));
    expect(order.every((i, k) => i >= 0 && (k === 0 || i > (order[k - 1] as number)))).toBe(true);
    expect(s).toContain('  - status: alleged → confirmed');
    expect(s).toContain('  - sensitivity: public → internal');
    expect(s).toContain('  - variants\\[exact-28.8m\\].value.number: 28.8 million → 29.1 million');
    // A changed statement is shown as old and new text.
    expect(s).toContain('    - before: The alleged campaign ran in the spring of 2026,');
    expect(s).toContain('    - after: The alleged campaign ran in spring 2026,');
    // An internal fact added since is there for an internal audience.
    expect(s).toContain(`- **fact campaign.staff-estimate** (alleged, internal) — ${STAFF_ESTIMATE}`);
  });

  it('escapes fact-base text in the section like everywhere else', () => {
    const s = section(packet('briefing-book'));
    expect(s).toContain(
      '- **source src.ft-followup** (public) — Alibaba rejects \\<b\\>claims\\</b\\> & \\*denies\\* \\[wrongdoing\\](javascript:alert(1))',
    );
    expect(s).not.toContain('<b>');
    expect(s).not.toMatch(/(?<!\\)\]\(javascript/);
    const html = readFileSync(join(out, 'briefing-book.html'), 'utf8');
    expect(html).toContain('Alibaba rejects &lt;b&gt;claims&lt;/b&gt; &amp; *denies* [wrongdoing](javascript:alert(1))');
    expect(html).not.toContain('<b>claims');
  });

  it('names the same items as `briefbook diff` and as plain `git diff` through the driver', () => {
    const all = repo.diffJson('HEAD~2');
    const listed = sectionIds(section(packet('briefing-book')));
    expect(listed.length).toBeGreaterThanOrEqual(6);
    // The briefing book is internal: everything but restricted items, and this change set has none.
    expect(listed.sort()).toEqual(diffIds(all).sort());
    expect(sectionIds(section(packet('briefing-book'))).sort()).toEqual(
      diffIds(repo.diffJson('HEAD~2', '--audience', 'briefing-book')).sort(),
    );

    const setup = repo.briefbook(['git-setup']);
    expect(setup.code).toBe(0);
    expect(gitDiffIds(repo.git('diff', 'HEAD~2', '--', 'data'))).toEqual(diffIds(all).sort());
  });

  it('keeps the member memo short: one line per item, at most eight', () => {
    const s = section(packet('member-memo'));
    expect(s).toMatch(/^## Changes since HEAD\\~2 \(/);
    const lines = s.split('\n').filter((l) => l.startsWith('- '));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThanOrEqual(8);
    expect(s).toContain('- **Now confirmed (was alleged)**: Anthropic says the campaign used');
    expect(s).toContain('- **Figure revised (28.8 million → 29.1 million)**: Anthropic puts the number of exchanges');
    expect(s).toContain('- **New fact**: Committee staff estimate');
  });

  it('never shows a public audience an internal item, even when its template includes the section', () => {
    const s = section(packet('press-points'));
    expect(s).toContain('## Changes since HEAD\\~2');
    for (const hidden of ['campaign.aim-mythos', 'campaign.staff-estimate', STAFF_ESTIMATE, MYTHOS]) expect(s).not.toContain(hidden);
    expect(packet('press-points')).not.toContain(STAFF_ESTIMATE);
    // What the press diff shows as changed or added is listed; what left its view is only counted.
    const press = repo.diffJson('HEAD~2', '--audience', 'press-points');
    const shown = diffIds({ ...press, removed: [] });
    expect(sectionIds(s).sort()).toEqual(shown.sort());
    for (const gone of press.removed) expect(s).not.toContain(gone.id);
    expect(s).toContain(`${press.removed.length} items from the earlier version are no longer cleared for this packet`);
    expect(s).toContain('status: alleged → confirmed');
  });

  it('leaves packets without the section unchanged, and builds none without --since', () => {
    expect(packet('executive-brief')).not.toContain('Changes since');
    const plain = join(repo.root, 'out-plain');
    expect(repo.briefbook(['build', '-f', 'md', '-o', plain]).code).toBe(0);
    for (const name of ['briefing-book', 'member-memo', 'press-points']) {
      expect(readFileSync(join(plain, `${name}.md`), 'utf8')).not.toContain('Changes since');
    }
  });
});

/** "kind:id" of every item with a changed line in a `git diff` printed through the driver. */
function gitDiffIds(out: string): string[] {
  const ids = new Set<string>();
  let current: string | undefined;
  for (const line of out.split('\n')) {
    if (line.startsWith('diff --git') || line.startsWith('--- ') || line.startsWith('+++ ')) {
      current = undefined;
      continue;
    }
    const hunk = /^@@ [^@]* @@ ?(.*)$/.exec(line);
    if (hunk) {
      current = item(hunk[1] ?? '') ?? undefined;
      continue;
    }
    const own = item(line.slice(1));
    if (own) current = own;
    if (/^[-+]/.test(line) && current) ids.add(current);
  }
  return [...ids].sort();
}

function item(text: string): string | null {
  const m = ITEM.exec(text);
  return m ? `${NOUNS[m[1] as string]}:${m[2]}` : null;
}

describe('build --since with a bad revision', () => {
  it.each([
    ['an unknown revision', 1, ['--since', 'no-such-rev'], 'unknown revision "no-such-rev": git cannot find a commit by that name'],
    ['a path instead of a revision', 1, ['--since', 'data'], '--since needs a git revision; "data" is a path'],
    ['an empty revision', 2, ['--since', ''], '--since needs a git revision'],
  ])('%s: exits %i and writes nothing', (_, code, args, message) => {
    const out = join(repo.root, `out-bad-${code}-${args[1] || 'empty'}`);
    const res = repo.briefbook(['build', ...args, '-o', out]);
    expect(res.code).toBe(code);
    expect(res.stderr).toContain(message);
    expect(existsSync(out)).toBe(false);
  });

  it('outside a git repository: exits 1 naming the folder, and writes nothing', () => {
    const dir = testdir(shippedProject() as Record<string, string>);
    const res = run(['build', '--since', 'HEAD', '-f', 'md'], { cwd: dir, env: gitEnv() });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('is not in a git repository');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

describe('build --since as PDF', () => {
  it('keeps the member memo within its two pages with the section', () => {
    const out = join(repo.root, 'out-pdf');
    const res = repo.briefbook(['build', '--since', 'HEAD~2', '-a', 'member-memo', '-f', 'pdf', '-o', out, '--json']);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const file = join(out, 'member-memo.pdf');
    const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    expect(text).toContain(`Changes since HEAD~2 (${base},`);
    expect(text).toContain('Now confirmed (was alleged):');
  }, 180_000);
});
