import type { Queryable } from '../db';
import type { AuditParty } from '../../shared/audit-api';
import { entryHash } from './audit-hash';
import { currentRequest } from './request-context';

/** What happened: `area.verb`, past tense. The page's filter matches a whole name or its area. */
export type AuditAction =
  | 'auth.login_succeeded' | 'auth.login_failed' | 'auth.logged_out' | 'auth.logged_out_everywhere' | 'auth.password_reset'
  | 'api_key.created' | 'api_key.revoked'
  | 'member.role_changed' | 'member.removed'
  | 'invitation.sent' | 'invitation.resent' | 'invitation.domain_created' | 'invitation.accepted' | 'invitation.revoked'
  | 'ownership.transfer_offered' | 'ownership.transferred'
  | 'billing.plan_changed' // a webhook, demo billing, or a platform admin's comp (summary.via)
  | 'sso.configured'
  | 'pattern.deleted'
  | 'admin.org_suspended' | 'admin.org_unsuspended' | 'admin.ticket_replied' | 'admin.ticket_closed';

export interface AuditRecord {
  /** The organization it happened in; null for the platform chain (logins and other account events). */
  orgId: string | null;
  action: AuditAction;
  /** Who did it; by default the request's caller (a user, a key, or a platform admin). */
  actor?: AuditParty;
  /** What it was done to. */
  target?: AuditParty;
  /** A short before/after, e.g. { before: { role: 'member' }, after: { role: 'admin' } }. No secrets. */
  summary?: Record<string, unknown>;
}

/** Who the current request acts as: its key, its platform admin, its user, or (no request: a webhook, a script) the system. */
export function callerOf(): AuditParty {
  const req = currentRequest();
  if (req?.apiKey) return { type: 'key', id: req.apiKey.keyId, label: req.apiKey.prefix };
  if (req?.user) return { type: req.asPlatformAdmin ? 'admin' : 'user', id: req.user.id, label: req.user.email };
  return { type: 'system', id: null, label: 'system' };
}

/**
 * Appends one entry to its organization's chain, inside the caller's transaction: the entry commits
 * with the change it describes, or neither does. The head row's upsert takes the chain's lock, so
 * a second writer for the same organization waits here until the first commits, then links to it.
 *
 *   await recordAudit(tx, { orgId, action: 'sso.configured', target: { type: 'sso', id: cfg.id, label: cfg.domain },
 *                           summary: { after: { issuer, domain, required } } });
 *
 * Outside an organization's transaction (orgId null) it writes the platform chain.
 */
export async function recordAudit(tx: Queryable, record: AuditRecord): Promise<void> {
  const req = currentRequest();
  const chain = record.orgId ?? 'platform';
  const [head] = await tx.query<{ seq: number; prev_hash: string }>(
    `INSERT INTO audit_chain_heads AS head (chain, seq) VALUES ($1, 1)
     ON CONFLICT (chain) DO UPDATE SET seq = head.seq + 1
     RETURNING head.seq, head.hash AS prev_hash`,
    [chain],
  );
  const fields = {
    chain,
    seq: head!.seq,
    orgId: record.orgId,
    at: new Date().toISOString(),
    action: record.action,
    actor: record.actor ?? callerOf(),
    target: record.target ?? null,
    ip: req?.ip ?? null,
    userAgent: req?.get('user-agent')?.slice(0, 300) ?? null,
    requestId: req ? String(req.id) : null,
    summary: record.summary ?? {},
    prevHash: head!.prev_hash,
  };
  const hash = entryHash(fields);
  await tx.query(
    `INSERT INTO audit_log (chain, seq, org_id, at, action, actor_type, actor_id, actor_label, target_type, target_id,
                            target_label, ip, user_agent, request_id, summary, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
    [
      chain, fields.seq, fields.orgId, fields.at, fields.action, fields.actor.type, fields.actor.id, fields.actor.label,
      fields.target?.type ?? null, fields.target?.id ?? null, fields.target?.label ?? null,
      fields.ip, fields.userAgent, fields.requestId, JSON.stringify(fields.summary), fields.prevHash, hash,
    ],
  );
  await tx.query('UPDATE audit_chain_heads SET hash = $2 WHERE chain = $1', [chain, hash]);
}
