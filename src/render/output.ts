// The write stage: output files written atomically (readers see the old file or the new
// one, never half of one), reported as `Written`. A packet's files go in place together
// (`PacketFiles`): a packet that fails in any format keeps all of its previous files.
import { join } from 'node:path';
import { dropTemp, placeTemp, syncedTemp, type Temp, writeAtomic, writeTemp } from '../util/write-atomic.js';
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
  private readonly staged: { temp: Temp; written: Written }[] = [];
  /** Formats staged, including those already put in place. */
  private readonly formats = new Set<Format>();

  constructor(
    private readonly outDir: string,
    readonly audience: string,
  ) {}

  stage(format: Format, data: string | Uint8Array, pages?: number): void {
    const path = join(this.outDir, `${this.audience}.${format}`);
    this.staged.push({ temp: writeTemp(path, data), written: written(this.audience, format, path, data, pages) });
    this.formats.add(format);
  }

  has(format: Format): boolean {
    return this.formats.has(format);
  }

  /**
   * Renames every staged file over its target, once all of them are on disk (a failed sync
   * places none); returns them as written. The files are taken at the call, so a second
   * call meanwhile finds none to place.
   */
  async place(): Promise<Written[]> {
    const staged = this.staged.splice(0);
    const done: Written[] = [];
    try {
      for (const s of staged) await syncedTemp(s.temp);
      // Renames in one folder: they fail only if the folder itself goes away under us.
      for (const s of staged) {
        await placeTemp(s.temp);
        done.push(s.written);
      }
      return done;
    } finally {
      await Promise.all(staged.slice(done.length).map((s) => dropTemp(s.temp)));
    }
  }

  /** Removes the temp files not put in place; the targets keep their previous content. */
  async discard(): Promise<void> {
    await Promise.all(this.staged.splice(0).map((s) => dropTemp(s.temp)));
  }
}
