/** Exit codes of the `stance` command. */
export const EXIT = { ok: 0, checkFailed: 1, badInput: 2 } as const;

/**
 * An error the user can act on: printed as one line, never with a stack trace. `where` names the file (and line)
 * at fault, so the message reads `FILE:LINE: what is wrong`.
 */
export class StanceError extends Error {
  override readonly name = 'StanceError';
  readonly exitCode: number;
  readonly where: string | undefined;

  constructor(message: string, options: { where?: string; exitCode?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.exitCode = options.exitCode ?? EXIT.badInput;
    this.where = options.where;
  }

  /** The one line printed for this error. */
  toLine(): string {
    return this.where === undefined ? this.message : `${this.where}: ${this.message}`;
  }
}

/** True when `error` is a StanceError (also across module copies). */
export function isStanceError(error: unknown): error is StanceError {
  return error instanceof Error && error.name === 'StanceError' && 'toLine' in error;
}
