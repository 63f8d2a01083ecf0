import { textconv as canonicalText } from '../diff/textconv.js';
import { UserError } from '../errors.js';
import { LIMITS } from '../facts/limits.js';
import { readSafely } from '../util/safe-read.js';

export interface TextconvOptions {
  /** The file git hands over (a temporary copy of one version of a fact file). */
  file: string;
}

/**
 * `briefbook textconv FILE`: the canonical text of a fact file; a broken one is returned as
 * is. Only a regular file is read, and no more of it than a fact file may hold: a larger one
 * is shown as a one-line note of its size.
 */
export async function textconv({ file }: TextconvOptions): Promise<string> {
  let read: Awaited<ReturnType<typeof readSafely>>;
  try {
    read = await readSafely(file, { limit: LIMITS.fileBytes });
  } catch (e) {
    throw new UserError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { cause: e });
  }
  if ('refused' in read) throw new UserError(`${file} ${read.refused.message}`, { hint: read.refused.hint });
  if ('tooLarge' in read) return canonicalText({ path: file, bytes: new Uint8Array(), size: read.tooLarge });
  return canonicalText({ path: file, bytes: read.bytes });
}
