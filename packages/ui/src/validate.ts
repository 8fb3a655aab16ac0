import { LIMITS, type PatternInput } from '@journey/llm-core';

export type PatternErrors = Partial<Record<keyof PatternInput, string>>;

const LABELS = { trigger: 'trigger', response: 'response' } as const;

/** Inline-validation messages for a pattern; an empty object means it may be saved. */
export function validatePattern(input: PatternInput): PatternErrors {
  const errors: PatternErrors = {};
  for (const field of ['trigger', 'response'] as const) {
    const value = input[field].trim();
    const limit = LIMITS[field];
    if (value === '') errors[field] = `Enter a ${LABELS[field]}.`;
    else if (value.length > limit) {
      errors[field] = `Keep the ${LABELS[field]} to ${limit} characters (it has ${value.length}).`;
    }
  }
  return errors;
}

export function hasErrors(errors: PatternErrors): boolean {
  return Object.keys(errors).length > 0;
}
