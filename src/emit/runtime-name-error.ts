/**
 * A spec whose names the runtime cannot use (two exports of one name, a
 * reserved word): bad input the config allowed, reported by emitSpec as a
 * diagnostic, never a crash.
 */
export class RuntimeNameError extends Error {
  override readonly name = 'RuntimeNameError';
}
