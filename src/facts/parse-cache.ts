// The validated data of fact files kept between runs (util/disk-cache.ts): at 10,000 facts,
// parsing the YAML and checking every item against the schema is most of a command's
// start-up, and most runs read the same files as the run before. Only files that parsed
// without any problem are kept, so a hit stands for the whole parse: no diagnostics, no
// broken items, every item at its place in the file.
//
// An entry is keyed by the file's text and by the code that turned it into data. The
// package version is not enough (in development the schema changes without a version
// bump), and hashing the generated JSON Schema would miss refinements and transforms it
// cannot express, and cost a schema build at every start. So scripts/bundle.mjs bundles
// parse-file.ts alone, with every module it imports (schema, limits, zod, js-yaml, yaml),
// and injects the hash of that code as __BRIEFBOOK_PARSE_CODE__: a constant, free at run
// time, that changes whenever anything the result derives from does. Node's version is
// in the key too, for its regular expressions and number parsing. Run from source
// (tests), there is no such hash: entries then last one process, never trusted by another.
import { randomBytes } from 'node:crypto';
import { cacheDir, hashOf, lookup, store } from '../util/disk-cache.js';
import type { FactFile } from './item-schemas.js';

declare const __BRIEFBOOK_PARSE_CODE__: string | undefined;

const CODE =
  typeof __BRIEFBOOK_PARSE_CODE__ === 'string' ? __BRIEFBOOK_PARSE_CODE__ : `unbundled-${process.pid}-${randomBytes(8).toString('hex')}`;

export interface CachedParse {
  /** The data stored for this text, if any. */
  hit?: FactFile;
  /** Stores the data of a file that parsed cleanly. */
  keep(data: FactFile): void;
}

/** Undefined when the cache is off: nothing is hashed or serialised then. */
export function parseCache(text: string): CachedParse | undefined {
  if (!cacheDir()) return undefined;
  const key = hashOf(CODE, process.version, text);
  return {
    hit: fromJson(lookup('facts', key)),
    keep: (data) => {
      const json = toJson(data);
      if (json !== undefined) store('facts', key, json);
    },
  };
}

// JSON is the fastest to read back (JSON.parse beat v8.deserialize 3–10× on the 10,000-fact
// corpus). It gives back exactly what it was given for plain objects, arrays, strings,
// booleans, null and finite numbers other than -0; data holding anything else is not kept.
function toJson(data: FactFile): string | undefined {
  // `generated` is always set, undefined when the file has none; fromJson restores it.
  return exactJson(data, (holder, key) => holder === data && key === 'generated');
}

/** `value` as JSON when JSON.parse gives back exactly `value` (see above), else undefined; `undefinedOk` names the undefined fields to drop. */
export function exactJson(value: unknown, undefinedOk: (holder: unknown, key: string) => boolean = () => false): string | undefined {
  let exact = true;
  const json = JSON.stringify(value, function (this: Record<string, unknown>, key, v: unknown) {
    const original = this[key];
    if (original === undefined) exact &&= undefinedOk(this, key);
    else if (typeof original === 'number') exact &&= Number.isFinite(original) && !Object.is(original, -0);
    else if (typeof original === 'object' && original !== null)
      exact &&= Array.isArray(original) || Object.getPrototypeOf(original) === Object.prototype;
    else exact &&= typeof original === 'string' || typeof original === 'boolean';
    return v;
  });
  return exact ? json : undefined;
}

function fromJson(json: string | undefined): FactFile | undefined {
  if (json === undefined) return undefined;
  try {
    const data: unknown = JSON.parse(json);
    return data !== null && typeof data === 'object' && !Array.isArray(data) ? { generated: undefined, ...data } : undefined;
  } catch {
    return undefined;
  }
}
