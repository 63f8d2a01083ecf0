import { readFile } from 'node:fs/promises';
import { textconv as canonicalText } from '../diff/textconv.js';
import { UserError } from '../errors.js';

export interface TextconvOptions {
  /** The file git hands over (a temporary copy of one version of a fact file). */
  file: string;
}

/** `briefbook textconv FILE`: the canonical text of a fact file; a broken one is returned as is. */
export async function textconv({ file }: TextconvOptions): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new UserError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { cause: e });
  }
  return canonicalText({ path: file, bytes });
}
