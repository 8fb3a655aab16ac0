import { z } from './zod';
import { OrgSchema, PatternSchema } from './api';

/**
 * The public API's contract (/api/v1, for programs with an organization API key). It reuses the
 * page's schemas from api.ts wherever a request or an answer is the same (a pattern, a page, a
 * reply, usage), so the two cannot drift apart; this file holds only what v1 adds. The OpenAPI
 * document (src/server/openapi.ts) is generated from both, never written by hand.
 */

/**
 * `Idempotency-Key`: any visible ASCII, up to 255 characters (a UUID is a good choice). Bounded,
 * because the server stores it for 24 hours.
 */
export const IdempotencyKeySchema = z
  .string()
  .min(1, 'Idempotency-Key must not be empty.')
  .max(255, 'Idempotency-Key must be at most 255 characters.')
  .regex(/^[\x21-\x7E]+$/, 'Idempotency-Key must be visible ASCII characters, without spaces.');

// ── Answers ─────────────────────────────────────────────────────────────────────────────────────

/** The key's organization, as `ping` shows it: a key has no role of its own. */
export const V1OrganizationSchema = OrgSchema.omit({ role: true });
export const PingAnswerSchema = z.strictObject({ ok: z.literal(true), organization: V1OrganizationSchema });
/** One pattern (the page's answer also lists overlaps; v1 keeps to the pattern). */
export const V1PatternAnswerSchema = z.strictObject({ pattern: PatternSchema });

export type PingAnswer = z.infer<typeof PingAnswerSchema>;
export type V1PatternAnswer = z.infer<typeof V1PatternAnswerSchema>;
