import { LIMITS, isEngineError, parseTrigger } from '@journey/llm-core';
import { z } from 'zod';

/**
 * The API's contract, declared once: the server validates requests with these schemas and the
 * page takes its types from them (types only, so no zod in the page's bundle). Zod first, types
 * inferred: a later stage derives its OpenAPI document from the same schemas.
 */

// ── Requests ────────────────────────────────────────────────────────────────────────────────────

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

// ── Answers ─────────────────────────────────────────────────────────────────────────────────────

/** A pattern as the server keeps it: the engine's fields plus when it was taught and last changed. */
export const PatternSchema = z.strictObject({
  id: z.string(),
  trigger: z.string(),
  response: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Pattern = z.infer<typeof PatternSchema>;

/** Why a pattern answered (llm-core's Explanation). */
export const ExplanationSchema = z.strictObject({
  match: z.enum(['exact', 'variant', 'wildcard', 'fuzzy']),
  words: z.array(z.string()),
  corrected: z.array(z.string()),
  missing: z.array(z.string()),
});

/** "Did you mean": a pattern the message almost matched. */
export const AlternativeSchema = z.strictObject({
  patternId: z.string(),
  trigger: z.string(),
  question: z.string(),
  confidence: z.number(),
});

export const ReplySchema = z.strictObject({
  text: z.string(),
  patternId: z.string().nullable(),
  confidence: z.number(),
  captures: z.record(z.string(), z.string()),
  how: ExplanationSchema.optional(),
  alternatives: z.array(AlternativeSchema).optional(),
});

/** A pattern that already answered some of the messages a new or changed trigger answers. */
export const OverlapSchema = z.strictObject({ id: z.string(), trigger: z.string(), takesOver: z.boolean() });

/** One page, newest first; `nextCursor` asks for the next (null: that was the last). */
export const PatternListSchema = z.strictObject({ patterns: z.array(PatternSchema), nextCursor: z.string().nullable() });
export const PatternAnswerSchema = z.strictObject({ pattern: PatternSchema, overlaps: z.array(OverlapSchema) });
export const ChatAnswerSchema = z.strictObject({ reply: ReplySchema });
export const ImportAnswerSchema = z.strictObject({ imported: z.number().int() });
export type PatternList = z.infer<typeof PatternListSchema>;
export type PatternAnswer = z.infer<typeof PatternAnswerSchema>;
export type ChatAnswer = z.infer<typeof ChatAnswerSchema>;
export type ImportAnswer = z.infer<typeof ImportAnswerSchema>;

// ── Errors ──────────────────────────────────────────────────────────────────────────────────────

/** Every code a client may see in `error.code`: the one catalogue (src/server/errors.ts gives each its status). */
export const ErrorCodeSchema = z.enum([
  'invalid_request', // a body or parameter broke a rule; `details` lists them by field
  'invalid_json',
  'invalid_export', // not a patterns export file
  'input_too_long', // the engine's own limits (llm-core)
  'trigger_too_complex',
  'bad_request', // any other malformed request
  'invalid_path', // a broken %-escape in the address
  'invalid_cursor', // a page cursor the server did not give out
  'not_found',
  'quota_exceeded', // the store is full; `details` says { limit, used, adding }
  'payload_too_large',
  'unsupported_media_type', // a body in a charset or encoding the server does not read
  'misdirected_request', // a Host this server does not answer for (DNS rebinding)
  'internal_error',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/** Every error a client sees has this shape: `{ error: { code, message, details? } }`. */
export const ErrorBodySchema = z.strictObject({
  error: z.strictObject({ code: ErrorCodeSchema, message: z.string(), details: z.unknown().optional() }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
