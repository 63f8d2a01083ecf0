// `--committee SSBK` → the committee in committees-current.yaml, or an error naming the
// closest codes. Codes are upstream's Thomas ids; subcommittees are the parent's code
// plus their two digits (SSBK04), which is how the membership file keys them.
import { UserError } from '../errors.js';
import { nearest } from '../util/closest.js';
import { type Committee, DATASET_FILES } from './legislators-format.js';

export function findCommittee(committees: readonly Committee[], code: string): Committee {
  const wanted = code.trim().toUpperCase();
  const found = committees.find((c) => c.thomas_id === wanted);
  if (found) return found;
  const parent = committees.find((c) => c.subcommittees?.some((s) => c.thomas_id + s.thomas_id === wanted));
  if (parent) {
    throw new UserError(`${wanted} is a subcommittee of ${parent.thomas_id} (${parent.name})`, {
      hint: `import the whole committee with --committee ${parent.thomas_id}; its subcommittees come with it`,
    });
  }
  const codes = committees.map((c) => c.thomas_id);
  const near = nearest(wanted, codes);
  const names = near.map((n) => `${n} (${committees.find((c) => c.thomas_id === n)?.name})`);
  throw new UserError(`unknown committee code "${code}" in ${DATASET_FILES.committees.name}`, {
    hint: near.length
      ? `did you mean ${names.join(', or ')}?`
      : `committee codes are Thomas ids such as SSBK (Senate Banking) or HSBA (House Financial Services); the file lists ${codes.length}`,
  });
}
