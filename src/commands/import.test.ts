// The importer as a library call, against the trimmed upstream snapshot in test/fixtures.
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FILES,
  type FixtureFile,
  fixtureText,
  type GeneratedEntity,
  lineOf,
  parseGenerated,
  projectFiles,
  replaceOnce,
} from '../../test/fixtures/legislators.js';
import { testdir } from '../../test/helpers/testdir.js';
import { compareItems } from '../diff/compare.js';
import { UserError } from '../errors.js';
import { loadFactBase } from '../facts/load.js';
import { openProject } from '../project.js';
import { importLegislators } from './import.js';

const OUT = 'data/generated/legislators-ssbk.yaml';

async function importIn(root: string, opts: { committees?: string[]; out?: string; date?: string; from?: string } = {}) {
  return importLegislators({
    project: openProject(root),
    committees: opts.committees ?? ['SSBK'],
    from: opts.from ?? join(root, 'dataset'),
    out: opts.out,
    date: opts.date,
    cwd: root,
  });
}

async function importError(root: string, opts: Parameters<typeof importIn>[1] = {}): Promise<UserError> {
  const err = await importIn(root, opts).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UserError);
  return err as UserError;
}

const readOut = (root: string, out = OUT) => readFileSync(join(root, out), 'utf8');
const byId = (entities: GeneratedEntity[]) => new Map(entities.map((e) => [e.id, e]));

describe('import legislators: SSBK from the snapshot', () => {
  it('writes the committee, its six subcommittees and its 24 members, chair and ranking member first on each side', async () => {
    const root = testdir(projectFiles());
    const result = await importIn(root);
    expect(result).toMatchObject({
      file: OUT,
      changed: true,
      committees: [{ code: 'SSBK', name: 'Senate Committee on Banking, Housing, and Urban Affairs' }],
      snapshot: { date: '2026-06-15', commit: 'dfa9622263dd4c8d08636926e498f1845704d7eb', dateFrom: 'readme' },
      counts: { committees: 1, subcommittees: 6, members: { majority: 13, minority: 11 } },
      warnings: [],
    });

    const file = parseGenerated(readOut(root));
    expect(file.generated).toBe(
      'briefbook import legislators --committee SSBK from congress-legislators @ 2026-06-15; do not edit by hand',
    );
    expect(file.sources).toEqual([
      expect.objectContaining({
        id: 'cl.source.congress-legislators',
        kind: 'dataset',
        publisher: 'unitedstates/congress-legislators',
        date: '2026-06-15',
        url: 'https://github.com/unitedstates/congress-legislators/tree/dfa9622263dd4c8d08636926e498f1845704d7eb',
      }),
    ]);
    expect(file.entities.slice(0, 7).map((e) => e.id)).toEqual([
      'cl.committee.ssbk',
      'cl.committee.ssbk04',
      'cl.committee.ssbk05',
      'cl.committee.ssbk08',
      'cl.committee.ssbk09',
      'cl.committee.ssbk12',
      'cl.committee.ssbk13',
    ]);
    expect(file.entities.slice(1, 7).every((e) => e.parent === 'cl.committee.ssbk' && e.kind === 'committee')).toBe(true);

    const members = file.entities.slice(7);
    expect(members).toHaveLength(24);
    const seat = (e: GeneratedEntity) => e.memberships?.find((m) => m.committee === 'cl.committee.ssbk');
    // Majority by rank, then minority by rank: the order of the who's-who columns.
    expect(members.map((e) => `${seat(e)?.side} ${seat(e)?.rank}`)).toEqual([
      ...Array.from({ length: 13 }, (_, i) => `majority ${i + 1}`),
      ...Array.from({ length: 11 }, (_, i) => `minority ${i + 1}`),
    ]);

    const chair = members[0];
    expect(chair).toMatchObject({
      id: 'cl.member.s001184',
      name: 'Tim Scott',
      kind: 'person',
      party: 'Republican',
      state: 'SC',
      chamber: 'senate',
      bioguide: 'S001184',
      termStart: '2023-01-03',
      website: 'https://www.scott.senate.gov',
      phone: '202-224-6121',
      sources: [{ source: 'cl.source.congress-legislators' }],
    });
    expect(chair?.roles?.[0]).toBe('Chairman, Senate Committee on Banking, Housing, and Urban Affairs');
    expect(chair?.memberships?.[0]).toEqual({ committee: 'cl.committee.ssbk', title: 'Chairman', side: 'majority', rank: 1 });

    const ranking = members[13];
    expect(ranking).toMatchObject({
      id: 'cl.member.w000817',
      name: 'Elizabeth Warren',
      party: 'Democrat',
      state: 'MA',
      bioguide: 'W000817',
    });
    expect(ranking?.roles?.[0]).toBe('Ranking Member, Senate Committee on Banking, Housing, and Urban Affairs');
    expect(ranking?.memberships?.[0]).toEqual({ committee: 'cl.committee.ssbk', title: 'Ranking Member', side: 'minority', rank: 1 });
  });

  it("gives each subcommittee's members their side, rank and title", async () => {
    const root = testdir(projectFiles());
    await importIn(root);
    const entities = parseGenerated(readOut(root)).entities;
    const digital = entities
      .flatMap((e) => (e.memberships ?? []).filter((m) => m.committee === 'cl.committee.ssbk13').map((m) => ({ name: e.name, ...m })))
      .sort((a, b) => a.side.localeCompare(b.side) || a.rank - b.rank)
      .map((m) => `${m.side} ${m.rank} ${m.name}${m.title ? ` (${m.title})` : ''}`);
    expect(byId(entities).get('cl.committee.ssbk13')?.name).toBe('Subcommittee on Digital Assets');
    expect(digital).toEqual([
      'majority 1 Cynthia M. Lummis (Chairman)',
      'majority 2 Thom Tillis',
      'majority 3 Bill Hagerty',
      'majority 4 Bernie Moreno',
      'majority 5 David McCormick',
      'majority 6 Tim Scott (Ex Officio)',
      'minority 1 Ruben Gallego (Ranking Member)',
      'minority 2 Mark R. Warner',
      'minority 3 Chris Van Hollen',
      'minority 4 Tina Smith',
      'minority 5 Elizabeth Warren (Ex Officio)',
    ]);
    // A subcommittee chair's title is a role in plain words; ex officio seats are not.
    expect(byId(entities).get('cl.member.l000571')?.roles).toContain(
      'Chairman, Subcommittee on Digital Assets, Senate Committee on Banking, Housing, and Urban Affairs',
    );
    expect(byId(entities).get('cl.member.s001184')?.roles).toEqual(['Chairman, Senate Committee on Banking, Housing, and Urban Affairs']);
  });

  it('writes a file the fact base loads without errors', async () => {
    const root = testdir(projectFiles());
    await importIn(root);
    const { factBase, report } = await loadFactBase(root, join(root, 'data'));
    expect(report.errors).toEqual([]);
    expect(factBase.entities.size).toBe(31);
    expect(factBase.generated.get(OUT)).toMatch(/^briefbook import legislators --committee SSBK /);
    const text = readOut(root);
    expect(text.split('\n').slice(0, 2)).toEqual([
      '# yaml-language-server: $schema=../../schema/briefbook.schema.json',
      expect.stringMatching(/^# Generated by `briefbook import legislators --committee SSBK`/),
    ]);
  });
});

describe('re-import', () => {
  it('gives a byte-identical file and reports it unchanged', async () => {
    const root = testdir(projectFiles());
    await importIn(root);
    const first = readOut(root);
    const again = await importIn(root);
    expect(again.changed).toBe(false);
    expect(readOut(root)).toBe(first);
  });

  it('after one rank changes upstream, changes exactly that field of that member', async () => {
    const root = testdir(projectFiles());
    await importIn(root);
    const before = parseGenerated(readOut(root));
    const baseBefore = (await loadFactBase(root, join(root, 'data'))).factBase;
    // Mike Crapo moves from 2nd to 14th on the committee in a newer snapshot.
    const path = join(root, 'dataset/committee-membership-current.yaml');
    writeFileSync(
      path,
      replaceOnce(
        readFileSync(path, 'utf8'),
        '  bioguide: S001184\n- name: Mike Crapo\n  party: majority\n  rank: 2\n',
        '  bioguide: S001184\n- name: Mike Crapo\n  party: majority\n  rank: 14\n',
      ),
    );
    expect((await importIn(root)).changed).toBe(true);
    const after = parseGenerated(readOut(root));
    expect(fieldChanges(before, after)).toEqual(['entities cl.member.c000880 memberships[0].rank: 2 → 14']);
    // And as `briefbook diff` reports it: one field of one member.
    const baseAfter = (await loadFactBase(root, join(root, 'data'))).factBase;
    expect(compareItems(baseBefore, baseAfter)).toEqual({
      added: [],
      removed: [],
      renamed: [],
      changed: [{ kind: 'entities', id: 'cl.member.c000880', fields: [{ path: 'memberships[cl.committee.ssbk].rank', from: 2, to: 14 }] }],
    });
  });
});

/** Field-level changes between two generated files, by item id (order in the file does not matter). */
function fieldChanges(a: GeneratedFile, b: GeneratedFile): string[] {
  const changes: string[] = [];
  for (const section of ['sources', 'entities'] as const) {
    const left = new Map(a[section].map((i) => [i.id, flatten(i)]));
    const right = new Map(b[section].map((i) => [i.id, flatten(i)]));
    for (const id of new Set([...left.keys(), ...right.keys()])) {
      const l = left.get(id) ?? new Map();
      const r = right.get(id) ?? new Map();
      for (const key of new Set([...l.keys(), ...r.keys()]))
        if (l.get(key) !== r.get(key)) changes.push(`${section} ${id} ${key}: ${l.get(key)} → ${r.get(key)}`);
    }
  }
  return changes;
}
type GeneratedFile = ReturnType<typeof parseGenerated>;

function flatten(value: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value)) value.forEach((v, i) => flatten(v, `${prefix}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  else out.set(prefix, String(value));
  return out;
}

describe('bad datasets are located errors', () => {
  const membership = 'committee-membership-current.yaml';
  const cases: {
    name: string;
    file: 'committee-membership-current.yaml' | 'legislators-current.yaml' | 'committees-current.yaml';
    from: string;
    to: string;
    at: string;
    message: RegExp;
    path?: string;
  }[] = [
    {
      name: 'broken YAML',
      file: membership,
      from: '  bioguide: S001184\n- name: Mike Crapo\n  party: majority\n',
      to: '  bioguide: S001184\n- name: Mike Crapo\n  party: majority: yes\n',
      at: 'majority: yes',
      message: /not valid YAML/,
    },
    {
      name: 'a rank that is not a number',
      file: membership,
      from: '  bioguide: S001184\n- name: Mike Crapo\n  party: majority\n  rank: 2\n',
      to: '  bioguide: S001184\n- name: Mike Crapo\n  party: majority\n  rank: second\n',
      at: 'second',
      message: /unexpected value for "rank"/,
      path: 'SSBK[1].rank',
    },
    {
      name: 'a renamed field (a newer format)',
      file: membership,
      from: '  bioguide: S001184\n- name: Mike Crapo\n  party: majority\n',
      to: '  bioguide: S001184\n- name: Mike Crapo\n  side: majority\n',
      at: '- name: Mike Crapo',
      message: /missing field "party"/,
      path: 'SSBK[1].party',
    },
    {
      name: 'a new value for the side',
      file: membership,
      from: '  bioguide: S001184\n- name: Mike Crapo\n  party: majority\n',
      to: '  bioguide: S001184\n- name: Mike Crapo\n  party: Republican\n',
      at: 'Republican',
      message: /unexpected value for "party".*"majority"\|"minority"/,
      path: 'SSBK[1].party',
    },
    {
      name: 'terms restructured in legislators-current.yaml',
      file: 'legislators-current.yaml',
      from: '    official_full: Mike Crapo\n',
      to: '    official_full: [Mike, Crapo]\n',
      at: '[Mike, Crapo]',
      message: /unexpected value for "official_full"/,
      path: '[2].name.official_full',
    },
  ];

  it.each(cases)('$name → $file:line:col with the field', async ({ file, from, to, at, message, path }) => {
    const edited = replaceOnce(fixtureText(file), from, to);
    const root = testdir(projectFiles({ [file]: () => edited }));
    const err = await importError(root);
    const d = err.diagnostics[0];
    expect(d).toMatchObject({ file: join(root, 'dataset', file), line: lineOf(edited, at) });
    expect(d?.column).toBeGreaterThan(0);
    expect(d?.message).toMatch(message);
    if (path) expect(d?.path).toBe(path);
    expect(err.message.startsWith(`${join(root, 'dataset', file)}:${d?.line}:${d?.column}: `)).toBe(true);
  });

  it('a file of the wrong kind says what it expected', async () => {
    const root = testdir(projectFiles({ 'committee-membership-current.yaml': () => '- SSBK\n- SSBU\n' }));
    const err = await importError(root);
    expect(err.diagnostics[0]).toMatchObject({ line: 1, column: 1, message: 'expected a map of committee codes, got a list' });
  });

  it('reports every damaged file at once', async () => {
    const root = testdir(
      projectFiles({ 'committees-current.yaml': () => 'x: [\n', 'committee-membership-current.yaml': () => 'SSBK: 3\n' }),
    );
    const err = await importError(root);
    expect(err.message).toBe('2 of the 3 dataset files are not in the congress-legislators format briefbook reads');
    expect(err.diagnostics.map((d) => d.file)).toEqual([
      join(root, 'dataset/committees-current.yaml'),
      join(root, 'dataset/committee-membership-current.yaml'),
    ]);
  });

  it('a missing file is named', async () => {
    const root = testdir(projectFiles({ 'committees-current.yaml': null }));
    const err = await importError(root);
    expect(err.message).toMatch(/is missing 1 of the 3 congress-legislators files/);
    expect(err.diagnostics).toEqual([
      expect.objectContaining({ file: join(root, 'dataset/committees-current.yaml'), message: 'dataset file not found' }),
    ]);
  });

  it('a --from folder that does not exist is named', async () => {
    const root = testdir(projectFiles());
    const err = await importError(root, { from: 'nowhere' });
    expect(err.message).toBe('--from nowhere: no such folder');
  });
});

describe('committee codes', () => {
  it('an unknown code lists the closest codes', async () => {
    const root = testdir(projectFiles());
    const err = await importError(root, { committees: ['SSBX'] });
    expect(err.message).toBe('unknown committee code "SSBX" in committees-current.yaml');
    expect(err.hint).toMatch(
      /^did you mean SSBK \(Senate Committee on Banking, Housing, and Urban Affairs\), or SSBU \(Senate Committee on the Budget\)/,
    );
  });

  it('a subcommittee code points to its committee', async () => {
    const root = testdir(projectFiles());
    const err = await importError(root, { committees: ['ssbk04'] });
    expect(err.message).toBe('SSBK04 is a subcommittee of SSBK (Senate Committee on Banking, Housing, and Urban Affairs)');
    expect(err.hint).toMatch(/--committee SSBK/);
  });

  it('codes are case-insensitive, and several committees go into one file', async () => {
    const root = testdir(projectFiles());
    const result = await importIn(root, { committees: ['ssbk', 'SSBU'] });
    expect(result.file).toBe('data/generated/legislators-ssbk-ssbu.yaml');
    expect(result.warnings).toEqual(['SSBU has no members listed in committee-membership-current.yaml']);
    const file = parseGenerated(readOut(root, result.file));
    expect(file.generated).toMatch(/^briefbook import legislators --committee SSBK --committee SSBU from /);
    expect(file.entities.map((e) => e.id)).toContain('cl.committee.ssbu');
  });
});

describe('hand-written work is never touched', () => {
  it('refuses to overwrite a file without its generated marker, and leaves it as it was', async () => {
    const mine = 'entities:\n  - id: person.tim-scott\n    name: Tim Scott\n    kind: person\n';
    const root = testdir(projectFiles({}, { [OUT]: mine }));
    const err = await importError(root);
    expect(err.message).toBe(`${OUT}:1:1: refusing to overwrite a file that was not written by this importer`);
    expect(err.hint).toMatch(/choose another --out/);
    expect(readOut(root)).toBe(mine);
  });

  it("refuses to overwrite another importer's file", async () => {
    const theirs = 'generated: "briefbook import something-else"\nentities: []\n';
    const root = testdir(projectFiles({}, { [OUT]: theirs }));
    const err = await importError(root);
    expect(err.message).toMatch(/refusing to overwrite a file generated by another importer/);
    expect(readOut(root)).toBe(theirs);
  });

  it('never writes a hand-written id; an existing hand-written committee.ssbk stays the only one', async () => {
    const hand = [
      'entities:',
      '  - id: committee.ssbk',
      '    name: Senate Committee on Banking, Housing, and Urban Affairs',
      '    kind: committee',
      '    record: cl.committee.ssbk',
      '  - id: person.tim-scott',
      '    name: Tim Scott',
      '    kind: person',
      '    bioguide: S001184',
      '',
    ].join('\n');
    const root = testdir(projectFiles({}, { 'data/entities.yaml': hand }));
    const result = await importIn(root);
    expect(readFileSync(join(root, 'data/entities.yaml'), 'utf8')).toBe(hand);
    const { factBase, report } = await loadFactBase(root, join(root, 'data'));
    expect(report.errors).toEqual([]);
    expect(factBase.entities.get('committee.ssbk')?.record).toBe('cl.committee.ssbk');
    // Tim Scott is hand-written with his bioguide id but no link: the import says how to link him.
    expect(result.links).toEqual([
      expect.objectContaining({
        file: 'data/entities.yaml',
        line: 6,
        message: '"person.tim-scott" looks like the imported record cl.member.s001184 but does not link to it',
        hint: 'add `record: cl.member.s001184` to "person.tim-scott"',
      }),
    ]);
  });

  it('refuses ids already defined in another file, and writes nothing', async () => {
    const other =
      'generated: "briefbook import legislators --committee SSBU from congress-legislators @ 2026-06-15; do not edit by hand"\nentities:\n  - id: cl.member.s001184\n    name: Tim Scott\n    kind: person\n';
    const root = testdir(projectFiles({}, { 'data/generated/legislators-ssbu.yaml': other }));
    const err = await importError(root);
    expect(err.message).toBe('1 of the imported ids are already defined in other files; nothing was written');
    expect(err.diagnostics[0]).toMatchObject({ file: 'data/generated/legislators-ssbu.yaml', line: 3, column: 9 });
    expect(err.diagnostics[0]?.hint).toMatch(/--committee SSBK --committee <the other>/);
    expect(() => readOut(root)).toThrow(/ENOENT/);
  });

  it('warns when a hand-written link points at a member this import dropped', async () => {
    const root = testdir(
      projectFiles(
        {},
        {
          'data/entities.yaml': 'entities:\n  - id: person.crapo\n    name: Mike Crapo\n    kind: person\n    record: cl.member.c000880\n',
        },
      ),
    );
    await importIn(root);
    const path = join(root, 'dataset/committee-membership-current.yaml');
    const text = readFileSync(path, 'utf8');
    // Crapo leaves the committee and all its subcommittees.
    writeFileSync(path, text.replace(/- name: Mike Crapo\n {2}party: majority\n {2}rank: \d+\n {2}bioguide: C000880\n/g, ''));
    const result = await importIn(root);
    expect(result.links).toEqual([
      expect.objectContaining({
        file: 'data/entities.yaml',
        message: '"person.crapo" links to cl.member.c000880, which this import no longer contains',
      }),
    ]);
  });
});

describe('snapshot date', () => {
  it('--date overrides the README', async () => {
    const root = testdir(projectFiles());
    const result = await importIn(root, { date: '2026-07-01' });
    expect(result.snapshot).toMatchObject({ date: '2026-07-01', dateFrom: 'option' });
    expect(parseGenerated(readOut(root)).sources[0]?.date).toBe('2026-07-01');
  });

  it('without a README, the newest file date is used', async () => {
    const root = testdir(projectFiles({ 'README.md': null }));
    const result = await importIn(root);
    expect(result.snapshot.dateFrom).toBe('modified');
    expect(result.snapshot.date).toBe(new Date().toISOString().slice(0, 10));
    expect(parseGenerated(readOut(root)).sources[0]?.url).toBe('https://github.com/unitedstates/congress-legislators');
  });

  it('a --date that is not a date is refused', async () => {
    const root = testdir(projectFiles());
    const err = await importError(root, { date: '15/06/2026' });
    expect(err.message).toBe('--date 15/06/2026 is not a date');
  });
});

describe('--from URL', () => {
  /** Serves the fixture over local HTTP, as raw.githubusercontent.com serves the upstream files. */
  async function serve(handler?: (path: string, res: ServerResponse) => boolean): Promise<{ base: string; close: () => Promise<void> }> {
    const server = createServer((req, res) => {
      const name = (req.url ?? '').replace(/^\/snapshot\//, '');
      if (handler?.(name, res)) return;
      if (!FILES.includes(name as FixtureFile) || name === 'README.md') {
        res.writeHead(404, 'Not Found').end('404: Not Found');
        return;
      }
      res
        .writeHead(200, { 'content-type': 'text/plain', 'last-modified': 'Mon, 15 Jun 2026 09:30:00 GMT' })
        .end(fixtureText(name as FixtureFile));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address() as AddressInfo;
    return {
      base: `http://127.0.0.1:${address.port}/snapshot`,
      close: () => new Promise((resolve) => server.close(() => resolve())),
    };
  }

  it('imports the same records from a base URL, citing it and its Last-Modified date', async () => {
    const http = await serve();
    try {
      const root = testdir(projectFiles());
      const result = await importIn(root, { from: `${http.base}/` });
      expect(result.snapshot).toEqual({ date: '2026-06-15', dateFrom: 'modified' });
      expect(result.counts.members).toEqual({ majority: 13, minority: 11 });
      expect(parseGenerated(readOut(root)).sources[0]?.url).toBe(`${http.base}/`);
    } finally {
      await http.close();
    }
  });

  it('an HTTP error names the URL and status', async () => {
    const http = await serve((name, res) => name === 'committees-current.yaml' && Boolean(res.writeHead(404, 'Not Found').end()));
    try {
      const err = await importError(testdir(projectFiles()), { from: http.base });
      expect(err.message).toBe(`${http.base}/committees-current.yaml: HTTP 404 Not Found`);
    } finally {
      await http.close();
    }
  });

  it('a server that never answers times out with a plain message', async () => {
    const http = await serve(() => true);
    try {
      const err = await importLegislators({
        project: openProject(testdir(projectFiles())),
        committees: ['SSBK'],
        from: http.base,
        timeoutMs: 200,
      }).catch((e: unknown) => e as UserError);
      expect((err as UserError).message).toBe(
        `cannot fetch ${http.base}/legislators-current.yaml (no answer within 200 ms): the network is not reachable from here, or it does not allow this host`,
      );
    } finally {
      await http.close();
    }
  });

  it('only http(s) URLs are fetched', async () => {
    const err = await importError(testdir(projectFiles()), { from: 'file:///etc/' });
    expect(err.message).toBe('cannot import from file:///etc/: only http(s) URLs and folders are supported');
  });
});
