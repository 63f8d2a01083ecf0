// Audience files: templates/audiences/<name>.md, YAML front matter + a Handlebars body.
// gray-matter splits the file; its JavaScript engine (which evals `---js` front matter)
// is replaced by one that refuses, and YAML is parsed here so every problem is located.
import matter from 'gray-matter';
import { isMap, isScalar, LineCounter, type Node, parseDocument } from 'yaml';
import { type Diagnostic, UserError } from '../../errors.js';
import type { Project } from '../../project.js';
import { nearest } from '../../util/closest.js';
import { PLAIN } from '../../util/zod-plain.js';
import { audienceNames, readAudience } from './audience-files.js';
import { bannerProblems, derivedBanner } from './banner.js';
import { FRONT_MATTER_KEYS, type FrontMatter, frontMatterSchema } from './front-matter.js';
import { quickFrontMatter } from './front-matter-yaml.js';

export { audienceNames, audiencesDir, readAudience } from './audience-files.js';

export interface Audience {
  name: string;
  /** Path shown to users, relative to the project root. */
  file: string;
  front: FrontMatter;
  body: string;
  /** File line on which the body starts, to turn template lines into file lines. */
  bodyLine: number;
  /** Where each front matter key is, for errors found after parsing. */
  keyPositions: Record<string, { line: number; column: number }>;
}

const refuse = (language: string) => () => {
  throw new FrontMatterLanguageError(language);
};

class FrontMatterLanguageError extends Error {
  constructor(readonly language: string) {
    super(`front matter in "${language}" is not supported`);
  }
}

/** Only YAML; the string is parsed by parseFrontMatter below, with locations. */
const ENGINES = {
  yaml: (s: string) => ({ __yaml: s }),
  javascript: refuse('javascript'),
  js: refuse('js'),
  coffee: refuse('coffee'),
  coffeescript: refuse('coffeescript'),
  cson: refuse('cson'),
  json: refuse('json'),
  toml: refuse('toml'),
};

export async function loadAudience(project: Project, name: string): Promise<Audience> {
  const { file, text } = await readAudience(project, name);
  return parseAudience(name, file, text);
}

/** Loads the named audiences (all when none are named); unknown names are one error listing them all. */
export async function loadAudiences(project: Project, names: readonly string[] = []): Promise<Audience[]> {
  const known = await audienceNames(project);
  const wanted = names.length > 0 ? [...new Set(names)] : known;
  const unknown = wanted.filter((n) => !known.includes(n));
  if (unknown.length > 0) {
    const hints = unknown.map((n) => {
      const near = nearest(n, known);
      return near.length ? `"${n}": did you mean ${near.map((x) => `"${x}"`).join(' or ')}?` : `"${n}"`;
    });
    throw new UserError(`unknown audience${unknown.length > 1 ? 's' : ''} ${hints.join('; ')}`, {
      hint: `known audiences: ${known.join(', ') || '(none)'}; run \`briefbook list audiences\``,
    });
  }
  const loaded = await Promise.allSettled(wanted.map((n) => loadAudience(project, n)));
  const diagnostics = loaded.flatMap((r) => (r.status === 'rejected' && r.reason instanceof UserError ? r.reason.diagnostics : []));
  const other = loaded.find((r) => r.status === 'rejected' && !(r.reason instanceof UserError));
  if (other && other.status === 'rejected') throw other.reason;
  if (diagnostics.length > 0) {
    if (diagnostics.length === 1) {
      const [d] = diagnostics;
      throw UserError.at(d!, d!.message, d!.hint);
    }
    throw new UserError(`${diagnostics.length} problems in audience front matter`, { diagnostics });
  }
  return loaded.map((r) => (r as PromiseFulfilledResult<Audience>).value);
}

export function parseAudience(name: string, file: string, text: string): Audience {
  const at = (line: number, column: number, message: string, hint: string, path = ''): Diagnostic => ({
    file,
    line,
    column,
    path,
    message,
    hint,
  });
  if (!text.startsWith('---')) {
    throw UserError.at(
      { file, line: 1, column: 1 },
      'audience file has no front matter',
      'start it with a `---` block holding at least title, audience, genre, sensitivity and banner',
    );
  }
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text, { engines: ENGINES as never });
  } catch (e) {
    if (e instanceof FrontMatterLanguageError) {
      throw UserError.at(
        { file, line: 1, column: 4 },
        `front matter in ${e.language} is not allowed`,
        'audience front matter is YAML only (executable front matter is switched off); start the file with a plain `---` line',
        e,
      );
    }
    throw UserError.at({ file, line: 1, column: 1 }, `cannot read the front matter: ${(e as Error).message}`, 'use YAML front matter', e);
  }
  const yamlText = (parsed.data as { __yaml?: string }).__yaml ?? '';
  const bodyStart = text.endsWith(parsed.content) ? text.length - parsed.content.length : text.length;
  const bodyLine = countLines(text.slice(0, bodyStart)) + 1;

  // gray-matter's `matter` starts right after the opening `---`, so its line 1 is the file's line 1.
  const quick = quickFrontMatter(yamlText);
  const checked = quick && frontMatterSchema.safeParse(quick.data, PLAIN);
  const { data, keyPositions } =
    quick && checked?.success ? { data: checked.data, keyPositions: quick.keyPositions } : frontMatterOf(yamlText, at);
  const where = (key: string) => keyPositions[key] ?? keyPositions.sensitivity ?? { line: 1, column: 1 };
  const problems = bannerProblems(data, (key, message, hint) => at(where(key).line, where(key).column, message, hint, key));
  if (problems.length > 0) throw diagnosticsError(problems);
  const front = { ...data, banner: data.banner ?? derivedBanner(data) };
  return { name, file, front, body: parsed.content, bodyLine, keyPositions };
}

/** The front matter read by `yaml`, which locates every problem; throws them all at once. */
function frontMatterOf(yamlText: string, at: (line: number, column: number, message: string, hint: string, path?: string) => Diagnostic) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const pos = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  if (doc.errors.length > 0) {
    const diagnostics = doc.errors.map((e) => {
      const p = pos(e.pos[0]);
      return at(p.line, p.column, `front matter: ${e.message.split('\n')[0]}`, 'fix the YAML syntax');
    });
    throw diagnosticsError(diagnostics);
  }
  const result = frontMatterSchema.safeParse(doc.toJS() ?? {}, PLAIN);
  if (!result.success) {
    const diagnostics: Diagnostic[] = [];
    for (const issue of result.error.issues) {
      const path = issue.path.map(String);
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const node = keyNode(doc.contents, key);
          const p = pos(node?.range?.[0] ?? 0);
          const near = nearest(key, FRONT_MATTER_KEYS);
          diagnostics.push(
            at(
              p.line,
              p.column,
              `unknown front matter key "${key}"`,
              `${near.length ? `did you mean "${near[0]}"? ` : ''}allowed keys: ${FRONT_MATTER_KEYS.join(', ')}`,
              key,
            ),
          );
        }
        continue;
      }
      const node = nodeAt(doc.contents, path);
      const p = node?.range ? pos(node.range[0]) : { line: 1, column: 1 };
      const missing = issue.code === 'invalid_type' && node === undefined;
      diagnostics.push(
        at(
          p.line,
          p.column,
          missing ? `front matter needs "${path.join('.')}"` : `front matter "${path.join('.')}": ${issue.message}`,
          missing ? `add \`${path.join('.')}:\` (see docs/packets.md, "Front matter")` : 'see docs/packets.md, "Front matter"',
          path.join('.'),
        ),
      );
    }
    throw diagnosticsError(diagnostics);
  }
  const keyPositions: Audience['keyPositions'] = {};
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key)) keyPositions[String(pair.key.value)] = pos((pair.key as Node).range?.[0] ?? 0);
    }
  }
  return { data: result.data, keyPositions };
}

function diagnosticsError(diagnostics: Diagnostic[]): UserError {
  const [first] = diagnostics;
  if (diagnostics.length === 1 && first) return UserError.at(first, first.message, first.hint);
  return new UserError(`${diagnostics.length} problems in ${first?.file}`, { diagnostics });
}

function countLines(s: string): number {
  let n = 0;
  for (const ch of s) if (ch === '\n') n++;
  return n;
}

function keyNode(root: unknown, key: string): Node | undefined {
  if (!isMap(root)) return undefined;
  const pair = root.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  return pair?.key as Node | undefined;
}

function nodeAt(root: unknown, path: readonly string[]): Node | undefined {
  let node: unknown = root;
  for (const seg of path) {
    if (isMap(node)) {
      node = node.items.find((p) => isScalar(p.key) && String(p.key.value) === seg)?.value;
    } else if (node && typeof node === 'object' && 'items' in node && Array.isArray((node as { items: unknown[] }).items)) {
      node = (node as { items: unknown[] }).items[Number(seg)];
    } else {
      return undefined;
    }
  }
  return (node as Node | undefined) ?? undefined;
}
