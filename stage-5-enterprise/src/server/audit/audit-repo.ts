import type { Queryable } from '../db';
import type { AuditEntry } from '../../shared/audit-api';

export interface AuditFilters {
  /** Part of the actor's label, any case. */
  actor?: string;
  /** An exact action, or its area ("member" or "member." match every member.* action). */
  action?: string;
  /** Inclusive UTC days, YYYY-MM-DD. */
  from?: string;
  to?: string;
}

export interface AuditRow {
  id: number; chain: string; seq: number; org_id: string | null; at: Date; action: string;
  actor_type: string; actor_id: string | null; actor_label: string;
  target_type: string | null; target_id: string | null; target_label: string | null;
  ip: string | null; user_agent: string | null; request_id: string | null;
  summary: Record<string, unknown>; prev_hash: string; hash: string;
}

export const toEntry = (row: AuditRow): AuditEntry => ({
  id: String(row.id),
  seq: row.seq,
  orgId: row.org_id,
  at: row.at.toISOString(),
  action: row.action,
  actor: { type: row.actor_type, id: row.actor_id, label: row.actor_label },
  target: row.target_type ? { type: row.target_type, id: row.target_id, label: row.target_label ?? '' } : null,
  ip: row.ip,
  userAgent: row.user_agent,
  requestId: row.request_id,
  summary: row.summary,
});

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export const auditRepo = {
  /**
   * Newest first, `limit` entries with an id below `beforeId`. `orgId` undefined reads every
   * chain the transaction may see (the platform admin's), null the platform chain only.
   */
  async page(tx: Queryable, scope: { orgId?: string | null }, filters: AuditFilters, beforeId: number, limit: number): Promise<AuditRow[]> {
    const action = filters.action?.replace(/\.$/, '');
    return tx.query<AuditRow>(
      `SELECT * FROM audit_log
        WHERE id < $1
          AND ($2::boolean OR org_id IS NOT DISTINCT FROM $3::uuid)
          AND ($4::text IS NULL OR actor_label ILIKE '%' || $4 || '%')
          AND ($5::text IS NULL OR action = $5 OR action LIKE $6 || '.%')
          AND ($7::date IS NULL OR at >= ($7::date)::timestamp AT TIME ZONE 'UTC')
          AND ($8::date IS NULL OR at < ($8::date + 1)::timestamp AT TIME ZONE 'UTC')
        ORDER BY id DESC
        LIMIT $9`,
      [
        beforeId, scope.orgId === undefined, scope.orgId ?? null,
        filters.actor ? escapeLike(filters.actor) : null, action || null, action ? escapeLike(action) : null,
        filters.from ?? null, filters.to ?? null, limit,
      ],
    );
  },
};
