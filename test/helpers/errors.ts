// The UserError a call throws, for asserting on its message and location. Anything else it
// throws is rethrown, and not throwing at all fails the test.
import { UserError } from '../../src/errors.js';

export function userError(fn: () => unknown): UserError {
  try {
    fn();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('expected a UserError');
}

export async function userErrorOf(running: Promise<unknown>): Promise<UserError> {
  try {
    await running;
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('expected a UserError');
}
