// The annotations read back the way the GitHub Actions runner reads workflow commands
// (actions/runner ActionCommand.TryParseV2): `::name key=value,key=value::data`, with
// %25 %0D %0A (and %3A %2C in properties) undone. A hostile file name or message must come
// back exactly as it was and never split into another command.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../errors.js';
import { githubAnnotations } from './report-github.js';

const ALLOWED = new Set(['title', 'file', 'line', 'endLine', 'col', 'endColumn']);

function parseCommand(line: string) {
  const m = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!m) throw new Error(`not a workflow command: ${line}`);
  const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
  const unescapeProperty = (s: string) => unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','));
  const properties: Record<string, string> = {};
  for (const pair of (m[2] ?? '').split(',').filter(Boolean)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new Error(`bad property "${pair}" in ${line}`);
    properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
  }
  return { command: m[1], properties, data: unescapeData(m[3] ?? '') };
}

const diag = (over: Partial<Diagnostic>): Diagnostic => ({
  file: 'data/facts/a.yaml',
  line: 3,
  column: 5,
  path: 'facts[0].status',
  message: 'invalid status',
  hint: 'use alleged',
  ...over,
});

describe('githubAnnotations', () => {
  it('writes one well-formed command per problem, errors then warnings, that reads back exactly', () => {
    const nasty = diag({
      file: 'data/facts/a,b:c%25 d.yaml',
      message: 'statement says "50%" :: and\r\n::error file=x::injected',
      hint: 'a, b: c\nnext',
    });
    const warning = diag({ line: 0, column: 0, path: '', message: 'file-level', hint: '' });
    const out = githubAnnotations([nasty], [warning]);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    const [e, w] = lines.map(parseCommand);
    expect(e?.command).toBe('error');
    expect(Object.keys(e?.properties ?? {}).every((k) => ALLOWED.has(k))).toBe(true);
    expect(e?.properties).toEqual({ file: 'data/facts/a,b:c%25 d.yaml', line: '3', col: '5' });
    expect(e?.data).toBe('statement says "50%" :: and\r\n::error file=x::injected (facts[0].status)\nhint: a, b: c\nnext');
    expect(w).toEqual({ command: 'warning', properties: { file: 'data/facts/a.yaml' }, data: 'file-level' });
  });

  it('prints nothing for a clean fact base', () => {
    expect(githubAnnotations([], [])).toBe('');
  });
});
