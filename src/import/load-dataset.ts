// The three files, each checked against the upstream format; every file's problems are
// reported together, so one run shows all that is wrong with a download.
import { UserError } from '../errors.js';
import { DATASET_FILES, type Dataset, type DatasetKey } from './legislators-format.js';
import { parseDataset } from './parse-dataset.js';
import type { RawDataset } from './read-dataset.js';

export function loadDataset(raw: RawDataset): Dataset {
  const out: Partial<Dataset> = {};
  const errors: UserError[] = [];
  for (const key of Object.keys(DATASET_FILES) as DatasetKey[]) {
    try {
      (out as Record<DatasetKey, unknown>)[key] = parseDataset(raw.files[key], DATASET_FILES[key].schema);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      errors.push(e);
    }
  }
  const [only] = errors;
  if (errors.length === 1 && only) throw only;
  if (errors.length > 1) {
    throw new UserError(`${errors.length} of the 3 dataset files are not in the congress-legislators format briefbook reads`, {
      diagnostics: errors.flatMap((e) => e.diagnostics),
      hint: errors[0]?.hint,
    });
  }
  return out as Dataset;
}
