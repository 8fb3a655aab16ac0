/**
 * Typed errors for bad input. Each has a stable `code` so a server can answer
 * `400 { error: { code, message, details } }` without parsing messages.
 */
export type EngineErrorCode = 'input_too_long' | 'trigger_too_complex';

export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A message, trigger or response longer than `LIMITS` allows. */
export class InputTooLongError extends EngineError {
  constructor(field: 'message' | 'trigger' | 'response', limit: number, length: number) {
    super('input_too_long', `The ${field} is ${length} characters long; the limit is ${limit}.`, { field, limit, length });
  }
}

/** A trigger whose `(a|b)` and `[optional]` groups would expand into too many phrasings. */
export class TriggerTooComplexError extends EngineError {
  constructor(variants: number, limit: number) {
    super('trigger_too_complex', `The trigger expands into ${variants} phrasings; the limit is ${limit}.`, { variants, limit });
  }
}

export function isEngineError(value: unknown): value is EngineError {
  return value instanceof EngineError;
}
