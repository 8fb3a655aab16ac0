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

/** GET /api/patterns?limit=&cursor=: pages of 100 unless asked otherwise, 500 at most. */
export const PAGE_SIZE = { default: 100, max: 500 } as const;
export const PageQuerySchema = z.object({
  limit: z.coerce
    .number({ error: 'limit must be a number.' })
    .int('limit must be a whole number.')
    .min(1, 'limit must be at least 1.')
    .max(PAGE_SIZE.max, `limit must be at most ${PAGE_SIZE.max}.`)
    .default(PAGE_SIZE.default),
  cursor: z.string({ error: 'cursor must be given once.' }).max(200, 'cursor is too long.').optional(),
});

export const ChatRequestSchema = z.object({ message: text('Message', LIMITS.message) }, bodyError);
