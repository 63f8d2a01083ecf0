// The write stage: one output file, written atomically (readers see the old file or the
// new one, never half of one), reported as `Written`.
import { join } from 'node:path';
import { writeAtomic } from '../util/write-atomic.js';
import type { Format } from './formats.js';

export interface Written {
  audience: string;
  format: Format;
  /** Absolute path. */
  path: string;
  bytes: number;
  pages?: number;
}

export async function writeOutput(
  outDir: string,
  audience: string,
  format: Format,
  data: string | Uint8Array,
  pages?: number,
): Promise<Written> {
  const path = join(outDir, `${audience}.${format}`);
  await writeAtomic(path, data);
  return { audience, format, path, bytes: Buffer.byteLength(data), ...(pages !== undefined ? { pages } : {}) };
}
