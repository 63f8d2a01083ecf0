// The write stage: output files written atomically (readers see the old file or the new
// one, never half of one), reported as `Written`. A packet's files go in place together
// (`PacketFiles`): a packet that fails in any format keeps all of its previous files.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { placeTemp, writeAtomic, writeTemp } from '../util/write-atomic.js';
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
  return written(audience, format, path, data, pages);
}

const written = (audience: string, format: Format, path: string, data: string | Uint8Array, pages?: number): Written => ({
  audience,
  format,
  path,
  bytes: Buffer.byteLength(data),
  ...(pages !== undefined ? { pages } : {}),
});

/**
 * One packet's files in every format, staged as temp files beside their targets and put in
 * place together once all are there (`place`), or dropped (`discard`): never the new
 * Markdown beside the old PDF.
 */
export class PacketFiles {
  private readonly staged: { tmp: string; written: Written }[] = [];
  /** Formats staged, including those already put in place. */
  private readonly formats = new Set<Format>();

  constructor(
    private readonly outDir: string,
    readonly audience: string,
  ) {}

  async stage(format: Format, data: string | Uint8Array, pages?: number): Promise<void> {
    const path = join(this.outDir, `${this.audience}.${format}`);
    this.staged.push({ tmp: await writeTemp(path, data), written: written(this.audience, format, path, data, pages) });
    this.formats.add(format);
  }

  has(format: Format): boolean {
    return this.formats.has(format);
  }

  /** Renames every staged file over its target; returns them as written. */
  async place(): Promise<Written[]> {
    const done: Written[] = [];
    try {
      // Renames in one folder: they fail only if the folder itself goes away under us.
      for (const s of this.staged) {
        await placeTemp(s.tmp, s.written.path);
        done.push(s.written);
      }
      return done;
    } finally {
      this.staged.splice(0, done.length);
      await this.discard();
    }
  }

  /** Removes the temp files not put in place; the targets keep their previous content. */
  async discard(): Promise<void> {
    await Promise.all(this.staged.splice(0).map((s) => rm(s.tmp, { force: true })));
  }
}
