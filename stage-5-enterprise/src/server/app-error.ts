import type { ErrorCode } from '../shared/api';

/**
 * A refusal the app can explain: a code from the catalogue (src/shared/api.ts), a message for a
 * person, and maybe details. It knows no HTTP: errors.ts turns a code into a status.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
