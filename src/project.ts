// Where a brief project's parts live. A project is a folder with `briefbook.yaml`
// (optional) and a `data/` folder; `-C DIR` picks one, otherwise we walk up from cwd
// so commands work from any subfolder.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { UserError } from './errors.js';
import { DEFAULT_LOCALE, LOCALE_IDS } from './util/number-locales.js';

export const CONFIG_FILE = 'briefbook.yaml';

/** Every output format (render/formats.ts re-exports them; the config names its defaults). */
export const FORMATS = ['md', 'html', 'pdf', 'docx'] as const;

const configSchema = z.strictObject({
  title: z.string().optional().describe('Name of the brief project, shown in build stamps.'),
  data: z.string().default('data').describe('Folder holding the fact files.'),
  templates: z.string().default('templates').describe('Folder holding audiences/, partials/ and styles/.'),
  out: z.string().default('out').describe('Folder packets are written to.'),
  sources: z.string().optional().describe('Folder of source documents, for `validate --sources-dir` by default.'),
  locale: z
    .enum(LOCALE_IDS)
    .default(DEFAULT_LOCALE)
    .describe('How figures are written: grouping, decimal mark, which dollar is plain "$" (en-US: US dollars; en-CA: Canadian…).'),
  formats: z
    .array(z.enum(FORMATS))
    .min(1)
    .optional()
    .describe('Formats `build` and `watch` write when no --format is given (default md, html, pdf; add docx for Word).'),
});

export type ProjectConfig = z.infer<typeof configSchema>;

export interface Project {
  root: string;
  config: ProjectConfig;
  dataDir: string;
  templatesDir: string;
  outDir: string;
  sourcesDir?: string;
}

export function findProjectRoot(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, CONFIG_FILE)) || existsSync(join(dir, 'data'))) return dir;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** `explicit` is the -C/--root option: used as given, never walked up from. */
export function openProject(explicit: string | undefined, cwd = process.cwd()): Project {
  const root = explicit ? resolve(cwd, explicit) : findProjectRoot(cwd);
  if (!root || !existsSync(root)) {
    throw new UserError(`no brief project found ${explicit ? `at ${explicit}` : `in ${cwd} or any folder above it`}`, {
      hint: 'run briefbook in a folder with a data/ folder or briefbook.yaml, pass -C DIR, or start one with `briefbook init DIR`',
    });
  }
  const configPath = join(root, CONFIG_FILE);
  let raw: unknown = {};
  if (existsSync(configPath)) {
    try {
      raw = parse(readFileSync(configPath, 'utf8')) ?? {};
    } catch (e) {
      const pos = (e as { linePos?: { line: number; col: number }[] }).linePos?.[0];
      throw UserError.at(
        { file: CONFIG_FILE, line: pos?.line ?? 1, column: pos?.col ?? 1 },
        `cannot parse the project config: ${(e as Error).message.split('\n')[0]}`,
        'fix the YAML syntax',
        e,
      );
    }
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw UserError.at(
      { file: CONFIG_FILE, line: 1, column: 1, path: issue?.path.join('.') },
      `invalid project config: ${issue?.message}`,
      issue?.path[0] === 'formats'
        ? `formats lists any of ${FORMATS.join(', ')}, e.g. formats: [md, html, pdf, docx]`
        : issue?.path[0] === 'locale'
          ? `locale is one of ${LOCALE_IDS.join(', ')}`
          : `allowed keys: ${Object.keys(configSchema.shape).join(', ')}`,
    );
  }
  const config = parsed.data;
  return {
    root,
    config,
    dataDir: resolve(root, config.data),
    templatesDir: resolve(root, config.templates),
    outDir: resolve(root, config.out),
    sourcesDir: config.sources ? resolve(root, config.sources) : undefined,
  };
}
