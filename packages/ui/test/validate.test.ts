import { describe, expect, it } from 'vitest';
import { LIMITS } from '@journey/llm-core';
import { validatePattern } from '../src/validate';

describe('validatePattern', () => {
  it('accepts text up to the limits, spaces trimmed', () => {
    expect(validatePattern({ trigger: ` ${'a'.repeat(LIMITS.trigger)} `, response: 'r'.repeat(LIMITS.response) })).toEqual({});
  });
  it('rejects blank and over-long fields', () => {
    expect(validatePattern({ trigger: ' ', response: 'r'.repeat(LIMITS.response + 1) })).toEqual({
      trigger: 'Enter a trigger.',
      response: `Keep the response to ${LIMITS.response} characters (it has ${LIMITS.response + 1}).`,
    });
  });
});
