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
// - the templates: the audience as parsed (front matter, body, where each key is), every
//   partial of the cascade (project and built-in: name, file and text), and the audience's
//   stylesheets as found through the cascade (or the error finding them gave);
// - the options of the render (HTML made or not, no revisions or changes).
//
// Run from source (tests of the library), there is no code hash: entries then last one
// process, never trusted by another. A context with anything the key does not cover
// (revisions, changes, watch's own leak index) is never cached.
import { UserError } from '../errors.js';
import { runtimeKey } from '../facts/report-cache.js';
import { cacheDir, hashOf, lookup, store } from '../util/disk-cache.js';
import type { PacketContext } from './packet.js';
import type { Audience } from './template-files/audiences.js';
import { loadStyles } from './template-files/styles.js';
import type { TemplateProblems } from './template-problems.js';

/** What a packet context holds but its fact base (which the key holds as a digest). */
export type CheckContext = Omit<PacketContext, 'factBase'>;

/** What every audience's key shares; undefined when the cache is off or `ctx` holds what no key covers. */
export function checkKeyBase(ctx: CheckContext, factDigest: string): string | undefined {
  if (!cacheDir() || ctx.changes || ctx.revisions || ctx.leakIndex || ctx.properNouns) return undefined;
  const { project, stamp, partials, asOf, html } = ctx;
  return hashOf(
    runtimeKey(),
    factDigest,
    JSON.stringify(project),
    JSON.stringify(stamp),
    JSON.stringify({ asOf: asOf ?? null, html: html ?? null }),
    JSON.stringify(partials.map((p) => [p.name, p.file, p.source])),
  );
}

/** The check of `audience`, from the cache when one was stored for the same inputs, else `run`'s, stored. */
export async function cachedCheck(
  base: string | undefined,
  audience: Audience,
  ctx: CheckContext,
  run: () => Promise<TemplateProblems>,
): Promise<TemplateProblems> {
  if (base === undefined) return run();
  const key = hashOf(base, JSON.stringify(audience), await stylesRead(audience, ctx));
  const hit = fromJson(lookup('tcheck', key));
  if (hit) return hit;
  const found = await run();
  store('tcheck', key, JSON.stringify(found));
  return found;
}

/** The audience's stylesheets as the render would read them, or the error it would meet. */
async function stylesRead(audience: Audience, ctx: CheckContext): Promise<string> {
  if (ctx.html === false) return '';
  try {
    return `css:${await loadStyles(ctx.project, audience)}`;
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    return `error:${JSON.stringify([e.message, e.hint, e.diagnostics])}`;
  }
}

function fromJson(json: string | undefined): TemplateProblems | undefined {
  if (json === undefined) return undefined;
  try {
    const data = JSON.parse(json) as Partial<TemplateProblems> | null;
    return data && Array.isArray(data.errors) && Array.isArray(data.warnings)
      ? { errors: data.errors, warnings: data.warnings }
      : undefined;
  } catch {
    return undefined;
  }
}
