// The quick read of front matter gives what `yaml` gives, or gives up.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, LineCounter, type Node, parseDocument } from 'yaml';
import { builtinTemplatesDir } from '../../util/package-root.js';
import { parseAudience } from './audiences.js';
import { quickFrontMatter } from './front-matter-yaml.js';

/** What audiences.ts read with `yaml` alone: the data, and each top-level key's position. */
function byYaml(yamlText: string) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const keyPositions: Record<string, { line: number; column: number }> = {};
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (!isScalar(pair.key)) continue;
      const p = lineCounter.linePos((pair.key as Node).range?.[0] ?? 0);
      keyPositions[String(pair.key.value)] = { line: p.line, column: p.col };
    }
  }
  return { errors: doc.errors.length, data: doc.toJS(), keyPositions };
}

const yamlOf = (text: string) =>
  (matter(text, { engines: { yaml: (s: string) => ({ __yaml: s }) } as never }).data as { __yaml: string }).__yaml;
const dir = join(builtinTemplatesDir(), 'audiences');
const shipped = readdirSync(dir).filter((f) => f.endsWith('.md'));

describe('quickFrontMatter', () => {
  it.each(shipped)('reads %s as yaml does, key positions included', (f) => {
    const yamlText = yamlOf(readFileSync(join(dir, f), 'utf8'));
    const quick = quickFrontMatter(yamlText);
    expect(quick).toBeDefined();
    const slow = byYaml(yamlText);
    expect(quick?.data).toEqual(slow.data);
    expect(quick?.keyPositions).toEqual(slow.keyPositions);
    expect(Object.keys(quick?.keyPositions ?? {})).toEqual(Object.keys(slow.keyPositions));
  });

  it('reads CRLF line ends, comments and block scalars as yaml does', () => {
    const text =
      '\r\n# who\r\ntitle: T # trailing\r\ndescription: >\r\n  one\r\n  two\r\ntags: [a, b]\r\npageLimit: 0o17\r\ncover: true\r\n';
    const quick = quickFrontMatter(text);
    expect(quick).toBeDefined();
    expect(quick?.data).toEqual(byYaml(text).data);
    expect(quick?.keyPositions).toEqual(byYaml(text).keyPositions);
  });

  it.each([
    ['an anchor and alias', '\ntitle: &t T\nsubtitle: *t\n'],
    ['a tag', '\ntitle: !!str 1\n'],
    ['a tab', '\ntitle:\tT\n'],
    ['a duplicate key', '\ntitle: A\ntitle: B\n'],
    ['a quoted key', '\n"title": T\n'],
    ['a flow mapping', '\n{title: T, audience: A}\n'],
    ['an indented mapping', '\n  title: T\n  audience: A\n'],
    ['a key-like line inside a quoted value', '\ntitle: "A\naudience: B"\n'],
    ['a list', '\n- title\n'],
    ['nothing', '\n'],
    ['a syntax error', '\ntags: [a\n'],
  ])('leaves %s to yaml', (_, text) => {
    expect(quickFrontMatter(text)).toBeUndefined();
  });

  it('gives the same audience either way, and the same located problems', () => {
    const good = '---\ntitle: T\naudience: A\ngenre: memo\nsensitivity: public\nbanner: Public draft\n---\nBody\n';
    const viaYaml = parseAudience('x', 'x.md', good.replace('title: T', 'title: &t T'));
    expect(parseAudience('x', 'x.md', good)).toEqual(viaYaml);
    // Valid YAML that fails the schema is read again by yaml, which locates the problem.
    expect(() => parseAudience('x', 'x.md', good.replace('genre: memo', 'genre: poem'))).toThrow(
      expect.objectContaining({ diagnostics: [expect.objectContaining({ line: 4, column: 8 })] }),
    );
  });
});
