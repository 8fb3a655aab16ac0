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

/** Trimmed and lowercased, so "Ada@Example.com " and "ada@example.com" are one account. */
const email = z
  .string({ error: (issue) => (issue.input === undefined ? 'Email is required.' : 'Email must be text.') })
  .trim()
  .toLowerCase()
  .max(254, 'Email must be at most 254 characters.')
  .pipe(z.email('Email must be an email address, like ada@example.com.'));

/**
 * Never trimmed: spaces are part of a password. The cap only bounds the request; the real rules
 * (8 to 72 bytes, not a common one) are in auth/passwords.ts, and apply to new passwords only.
 */
const password = z
  .string({ error: (issue) => (issue.input === undefined ? 'Password is required.' : 'Password must be text.') })
  .min(1, 'Password is required.')
  .max(1000, 'Password is too long.')
  .regex(NO_CONTROL_CHARACTERS, 'Password must not contain control characters.');

export const CredentialsSchema = z.object({ email, password }, bodyError);
export const ForgotPasswordSchema = z.object({ email }, bodyError);
export const ResetPasswordSchema = z.object(
  { token: z.string({ error: 'Token is required.' }).min(1, 'Token is required.').max(200, 'Token is too long.').regex(NO_CONTROL_CHARACTERS, 'Token must not contain control characters.'), password },
  bodyError,
);
