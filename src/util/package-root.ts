// Where briefbook itself is installed: the folder holding its package.json. Found by
// walking up from this module, which is dist/<chunk>.js in the bundle and
// src/util/package-root.ts in tests, so both resolve to the same place.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'templates'))) {
      cached = dir;
      return dir;
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`briefbook's own folder (package.json + templates/) not found above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}

/** The templates shipped with briefbook: the last layer of every project's template cascade. */
export const builtinTemplatesDir = () => join(packageRoot(), 'templates');

/** The generated JSON Schema of fact files, shipped with the package. */
export const schemaFile = () => join(packageRoot(), 'schema', 'briefbook.schema.json');

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}
