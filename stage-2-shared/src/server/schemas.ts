import { LIMITS, isEngineError, parseTrigger } from '@journey/llm-core';
import { z } from 'zod';

/** Control characters (NUL and the like) have no place in what people type; tab and line breaks do. */
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;

/** A required piece of text: trimmed, then neither empty nor longer than the shared limit, nor with control characters. */
function text(label: string, max: number) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? `${label} is required.` : `${label} must be text.`) })
    .trim()
    .min(1, `${label} must not be empty.`)
    .max(max, `${label} must be at most ${max} characters.`)
    .regex(NO_CONTROL_CHARACTERS, `${label} must not contain control characters.`);
}

/** A trigger the engine can learn: `(a|b)` and `[optional]` groups may not multiply without end. */
const trigger = text('Trigger', LIMITS.trigger).superRefine((value, ctx) => {
  try {
    parseTrigger(value);
  } catch (error) {
    if (!isEngineError(error)) throw error;
    ctx.addIssue({ code: 'custom', message: error.message });
  }
});

const bodyError = { error: 'The body must be a JSON object.' };

export const PatternInputSchema = z.object({ trigger, response: text('Response', LIMITS.response) }, bodyError);

export const PatternChangesSchema = PatternInputSchema.partial().refine(
  (changes) => changes.trigger !== undefined || changes.response !== undefined,
  'Send a trigger, a response, or both.',
);

export const ChatRequestSchema = z.object({ message: text('Message', LIMITS.message) }, bodyError);
