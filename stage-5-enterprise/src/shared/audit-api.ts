/** The audit trail's part of the contract (kept apart from api.ts so the stage-5 parts merge cleanly). */
import { z } from 'zod';
import { PageQuerySchema } from './api';

export const AuditPartySchema = z.strictObject({ type: z.string(), id: z.string().nullable(), label: z.string() });
export type AuditParty = z.infer<typeof AuditPartySchema>;

export const AuditEntrySchema = z.strictObject({
  id: z.string(),
  seq: z.number(),
  orgId: z.string().nullable(),
  at: z.string(),
  action: z.string(),
  actor: AuditPartySchema,
  target: AuditPartySchema.nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  requestId: z.string().nullable(),
  summary: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditPageSchema = z.strictObject({ entries: z.array(AuditEntrySchema), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof AuditPageSchema>;

const day = (name: string) =>
  z.string({ error: `${name} must be given once.` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${name} must be a date like 2026-01-31.`).optional();

/** GET /api/orgs/:orgId/audit (and /api/admin/audit): the filters, a page, or a whole export. */
export const AuditQuerySchema = PageQuerySchema.extend({
  /** Part of the actor's label (an email, a key prefix), any case. */
  actor: z.string({ error: 'actor must be given once.' }).trim().max(200, 'actor is too long.').optional(),
  /** An action ("member.role_changed"), or a family ("member." or "member"). */
  action: z.string({ error: 'action must be given once.' }).trim().regex(/^[a-z_.]{0,60}$/, 'action is a name like member.role_changed.').optional(),
  /** Inclusive days, UTC. */
  from: day('from'),
  to: day('to'),
  format: z.enum(['csv', 'json'], { error: 'format must be csv or json.' }).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;
