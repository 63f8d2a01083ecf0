// Where a brief project's parts live. A project is a folder with `briefbook.yaml`
// (optional) and a `data/` folder; `-C DIR` picks one, otherwise we walk up from cwd
// so commands work from any subfolder.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import * as z from 'zod';
import { UserError } from './errors.js';
import { DATE_FORMS_HINT, isDay, tryParseDate } from './util/dates.js';
import { DEFAULT_LOCALE, LOCALE_IDS } from './util/number-locales.js';
import { NOT_QUICK, quickYaml } from './util/quick-yaml.js';
import { nodeAt } from './util/yaml-path.js';
import { PLAIN } from './util/zod-plain.js';

export const CONFIG_FILE = 'briefbook.yaml';

/** Every output format (render/formats.ts re-exports them; the config names its defaults). */
export const FORMATS = ['md', 'html', 'pdf', 'docx'] as const;
/** What a hearing detail says when it is not known yet; printed as it is. */
export const NOT_YET_KNOWN = 'not yet known';

const hearingSchema = z
  .strictObject({
    title: z.string().min(1).optional().describe('The hearing, as titled (or described, where no title is known).'),
    committee: z.string().min(1).optional().describe('Who holds it, or "not yet known".'),
    date: z
      .string()
      .refine((s) => s === NOT_YET_KNOWN || tryParseDate(s) !== undefined, {
        message: `not a date; ${DATE_FORMS_HINT}, or "${NOT_YET_KNOWN}"`,
      })
      .optional()
      .describe('Its date in any date form ("2026-06-30", "after 2026-06-10"), or "not yet known".'),
    time: z.string().min(1).optional().describe('Its time, as printed ("10:00 a.m."), or "not yet known".'),
    room: z.string().min(1).optional().describe('Where it is held, or "not yet known".'),
    witnesses: z
      .union([z.literal(NOT_YET_KNOWN), z.array(z.string().min(1))], {
        error: `a list of witnesses ("Name, title"), or "${NOT_YET_KNOWN}"`,
      })
      .optional()
      .describe('Witnesses, one line each ("Name, title"), or "not yet known".'),
    // The levels of facts/kinds.ts SENSITIVITIES (this file sits below facts/; a test keeps them equal).
    sensitivity: z
      .enum(['public', 'internal', 'restricted'])
      .default('public')
      .describe('Who may see these details: packets below this level show no hearing (say, before the notice is public).'),
  })
  .describe('The hearing the packets prepare for: shown on the cover, memo header and running header.');

const configSchema = z.strictObject({
  title: z.string().optional().describe('Name of the brief project, shown in build stamps.'),
  asOf: z
    .string()
    .refine(isDay, { message: 'asOf is a day, YYYY-MM-DD' })
    .optional()
    .describe('"Facts as of" date of the packets, YYYY-MM-DD (default: the build stamp\'s date); `--as-of` overrides it.'),
  hearing: hearingSchema.optional(),
  staleAfterDays: z
    .number()
    .int()
    .min(0)
    .default(14)
    .describe('`validate` warns about facts last checked more than this many days before the as-of date.'),
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
  const text = existsSync(configPath) ? readFileSync(configPath, 'utf8') : '';
  // A plain config that passes the schema is read the quick way; anything else goes
  // through `yaml`, which says where each problem is.
  const quick = quickYaml(text);
  const checked = quick === NOT_QUICK ? undefined : configSchema.safeParse(quick ?? {}, PLAIN);
  return projectOf(root, checked?.success ? checked.data : locatedConfig(text));
}

/** The config read by `yaml`: its data when valid, else the first problem, located. */
function locatedConfig(text: string): ProjectConfig {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const at = (offset: number | undefined) => {
    const pos = lines.linePos(offset ?? 0);
    return { file: CONFIG_FILE, line: pos.line, column: pos.col };
  };
  const [bad] = doc.errors;
  if (bad) throw UserError.at(at(bad.pos[0]), `cannot parse the project config: ${bad.message.split('\n')[0]}`, 'fix the YAML syntax', bad);
  const parsed = configSchema.safeParse(doc.toJS() ?? {}, PLAIN);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = [...(issue?.path ?? []), ...(issue?.code === 'unrecognized_keys' ? [issue.keys[0] ?? ''] : [])];
    throw UserError.at(
      { ...at(nodeAt(doc.contents, path)?.range?.[0] ?? nodeAt(doc.contents, path.slice(0, -1))?.range?.[0]), path: path.join('.') },
      `invalid project config: ${path.length ? `${path.join('.')}: ` : ''}${issue?.message}`,
      path[0] === 'formats'
        ? `formats lists any of ${FORMATS.join(', ')}, e.g. formats: [md, html, pdf, docx]`
        : issue?.path[0] === 'locale'
          ? `locale is one of ${LOCALE_IDS.join(', ')}`
          : `allowed keys: ${Object.keys(configSchema.shape).join(', ')}${path[0] === 'hearing' ? `; under hearing: ${Object.keys(hearingSchema.shape).join(', ')}` : ''} (docs/packets.md, Project settings)`,
    );
  }
  return parsed.data;
}

function projectOf(root: string, config: ProjectConfig): Project {
  return {
    root,
    config,
    dataDir: resolve(root, config.data),
    templatesDir: resolve(root, config.templates),
    outDir: resolve(root, config.out),
    sourcesDir: config.sources ? resolve(root, config.sources) : undefined,
  };
}
