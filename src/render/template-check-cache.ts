// The outcome of one audience's template check (template-problems.ts), kept between runs
// (util/disk-cache.ts), as eslint --cache keeps a file's lint: at 10,000 facts and 50
// audiences the check is dozens of renders, and an unchanged project gives the same
// problems every time. An entry is keyed by everything such a render reads:
//
// - the code: scripts/bundle.mjs bundles the validate command (the check, the fact loader,
//   everything they import, Handlebars and marked included) and injects the hash of that code
//   (facts/report-cache.ts: runtimeKey); node's version and the locale variables;
// - the fact base: the digest of every fact file's path and bytes (facts/load.ts);
// - the project: its folders and its parsed briefbook.yaml;
// - the build stamp (commit, date, dirty…) and the as-of date the render is given;
// - the templates: the audience file's text, every partial of the cascade (project and
//   built-in: name, file and text), and every stylesheet of the cascade (name, file, and its
//   text or the error reading it gave: the audience's are found among them by name);
// - the options of the render (HTML made or not, no revisions or changes).
//
// Run from source (tests of the library), there is no code hash: entries then last one
// process, never trusted by another. A context with anything the key does not cover
// (revisions, changes, watch's own leak index) is never cached.
import { UserError } from '../errors.js';
import { runtimeKey } from '../facts/report-cache.js';
import type { Project } from '../project.js';
import { cacheDir, hashOf, lookup, store } from '../util/disk-cache.js';
import type { PacketContext } from './packet.js';
import { readAudience } from './template-files/audience-files.js';
import { listTemplates, readTemplate, type TemplateFile } from './template-files/cascade.js';
import type { TemplateProblems } from './template-problems.js';

/** What a packet context holds but its fact base (which the key holds as a digest). */
export type CheckContext = Omit<PacketContext, 'factBase'>;

/** A check's outcome; `frontMatter`: the audience's front matter failed, so nothing was rendered. */
export interface CheckOutcome extends TemplateProblems {
  frontMatter?: true;
}

/** What every audience's key shares; undefined when the cache is off or `ctx` holds what no key covers. */
export async function checkKeyBase(ctx: CheckContext, factDigest: string): Promise<string | undefined> {
  if (!cacheDir() || ctx.changes || ctx.revisions || ctx.leakIndex || ctx.properNouns) return undefined;
  const { project, stamp, partials, asOf, html } = ctx;
  return hashOf(
    runtimeKey(),
    factDigest,
    JSON.stringify(project),
    JSON.stringify(stamp),
    JSON.stringify({ asOf: asOf ?? null, html: html ?? null }),
    JSON.stringify(partials.map((p) => [p.name, p.file, p.source])),
    html === false ? '' : await stylesheets(project),
  );
}

/**
 * The check of the audience `name`, from the cache when one was stored for the same inputs,
 * else `run`'s, stored. Keyed by the audience file's text, so a hit neither parses it nor
 * looks up its stylesheets (every stylesheet of the cascade is in `base`).
 */
export async function cachedCheck(
  base: string | undefined,
  project: Project,
  name: string,
  run: () => Promise<CheckOutcome>,
): Promise<CheckOutcome> {
  if (base === undefined) return run();
  let text: string;
  try {
    ({ text } = await readAudience(project, name));
  } catch {
    return run();
  }
  const key = hashOf(base, name, text);
  const hit = fromJson(lookup('tcheck', key));
  if (hit) return hit;
  const found = await run();
  store('tcheck', key, JSON.stringify(found));
  return found;
}

/** Every stylesheet of the cascade, as loadStyles would find and read it (or the error reading gives). */
async function stylesheets(project: Project): Promise<string> {
  const found = await listTemplates(project, 'styles', '.css');
  const read = async (t: TemplateFile) => {
    try {
      return `css:${await readTemplate(t)}`;
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      return `error:${JSON.stringify([e.message, e.hint, e.diagnostics])}`;
    }
  };
  return JSON.stringify(await Promise.all(found.map(async (t) => [t.name, t.file, await read(t)])));
}

function fromJson(json: string | undefined): CheckOutcome | undefined {
  if (json === undefined) return undefined;
  try {
    const data = JSON.parse(json) as Partial<CheckOutcome> | null;
    if (!data || !Array.isArray(data.errors) || !Array.isArray(data.warnings)) return undefined;
    return { errors: data.errors, warnings: data.warnings, ...(data.frontMatter === true ? { frontMatter: true as const } : {}) };
  } catch {
    return undefined;
  }
}
