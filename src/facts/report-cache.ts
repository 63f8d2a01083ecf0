// `validate`'s report on a fact base, kept between runs (util/disk-cache.ts): at 10,000
// facts, assembling the base and running its rules is most of a validate whose templates
// come from their own cache (render/template-check-cache.ts), and an unchanged base gives
// the same report every time. Two entries:
//
// - what loading the base reported (its errors and warnings, the item counts, and whether
//   any fact records a check, which ages against the as-of date), keyed by the code that
//   loads and checks (__BRIEFBOOK_CHECK_CODE__: scripts/bundle.mjs bundles the validate
//   command alone, with all it imports, and hashes that code), node's version, the
//   locale variables, the project (folders and parsed briefbook.yaml) and every fact file's
//   path and bytes (load.ts's digest);
// - the staleness warnings, keyed by that key, the as-of date and the days before a check
//   is stale: the only other inputs of stalenessWarnings.
//
// Checks of source documents (`--sources`) read files of their own and are never cached.
// Run from source (tests of the library), there is no code hash: entries then last one
// process, never trusted by another.
import { randomBytes } from 'node:crypto';
import type { Diagnostic } from '../errors.js';
import type { Project } from '../project.js';
import { cacheDir, hashOf, lookup, store } from '../util/disk-cache.js';

declare const __BRIEFBOOK_CHECK_CODE__: string | undefined;

/** The code of the checks `validate` and the template check run (see scripts/bundle.mjs). */
export const CHECK_CODE =
  typeof __BRIEFBOOK_CHECK_CODE__ === 'string' ? __BRIEFBOOK_CHECK_CODE__ : `unbundled-${process.pid}-${randomBytes(8).toString('hex')}`;

/**
 * What the running node brings to a check: its version (regular expressions, ICU) and the
 * variables ICU takes its default locale from (a few sorts use it) and the time zone. From
 * the environment, not Intl: asking ICU costs 40–250 ms here, and a hit asks nothing else of it.
 */
export function runtimeKey(): string {
  const env = Object.entries(process.env).filter(([k]) => k === 'LANG' || k === 'LANGUAGE' || k === 'TZ' || k.startsWith('LC_'));
  return hashOf(CHECK_CODE, process.version, JSON.stringify(process.versions), JSON.stringify(env.sort()));
}

export interface LoadReport {
  errors: Diagnostic[];
  warnings: Diagnostic[];
  counts: Record<string, number>;
  /** Some fact records a check (staleness then needs the as-of date). */
  checked: boolean;
}

/** The key of a fact base's load report; undefined when the cache is off. */
export function loadReportKey(project: Project, factDigest: string): string | undefined {
  return cacheDir() ? hashOf(runtimeKey(), factDigest, JSON.stringify(project)) : undefined;
}

export const staleKey = (key: string, asOf: string, days: number) => hashOf(key, asOf, String(days));

export function lookupLoadReport(key: string): LoadReport | undefined {
  const data = parse(lookup('vfacts', key));
  const ok =
    data &&
    Array.isArray(data.errors) &&
    Array.isArray(data.warnings) &&
    typeof data.checked === 'boolean' &&
    typeof data.counts === 'object';
  return ok ? (data as unknown as LoadReport) : undefined;
}

export const storeLoadReport = (key: string, r: LoadReport) => store('vfacts', key, JSON.stringify(r));

export function lookupStale(key: string): Diagnostic[] | undefined {
  const data = parse(lookup('vstale', key));
  return data && Array.isArray(data.warnings) ? (data.warnings as Diagnostic[]) : undefined;
}

export const storeStale = (key: string, warnings: Diagnostic[]) => store('vstale', key, JSON.stringify({ warnings }));

function parse(json: string | undefined): Record<string, unknown> | undefined {
  if (json === undefined) return undefined;
  try {
    const data: unknown = JSON.parse(json);
    return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
