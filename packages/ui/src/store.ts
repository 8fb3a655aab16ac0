import type { Overlap, Pattern, PatternInput, Reply } from '@journey/llm-core';

/**
 * What the components need from wherever patterns live. Stage 1 keeps them in localStorage,
 * stage 2+ behind an HTTP API: the components never know which.
 */
export interface PatternStore {
  list(): Promise<Pattern[]>;
  add(input: PatternInput): Promise<Taught>;
  update(id: string, changes: Partial<PatternInput>): Promise<Taught>;
  remove(id: string): Promise<void>;
  chat(message: string): Promise<Reply>;
}

/** A pattern as saved, and the patterns that already answered some of the same messages. */
export interface Taught {
  pattern: Pattern;
  overlaps: Overlap[];
}

/**
 * The one error type a store throws. Its `message` is written for the person using the app
 * (components show it as is), `code` is for programs (e.g. a server's error code).
 */
export class StoreError extends Error {
  override name = 'StoreError';
  constructor(
    message: string,
    readonly code: string = 'store_error',
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A message fit to show a person, whatever was thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof StoreError ? error.message : 'Something went wrong. Please try again.';
}
