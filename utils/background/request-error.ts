import type { ErrorCode } from '../messages/contract';

/** An expected failure a handler reports to its caller (anything else is `internal`). */
export class RequestError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}
