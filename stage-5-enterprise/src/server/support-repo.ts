import type { Queryable } from './db';
import { iso, isoOrNull, isUuid } from './db/iso';

export type Ticket = { id: string; orgId: string; orgName: string; email: string; message: string; status: string; createdAt: string; closedAt: string | null; replies: { message: string; createdAt: string }[] };

/**
 * The only module that speaks SQL about support tickets. `open` and `reply`/`close` run inside the
 * ticket's organization (db.forOrg); `list` and `byId` in db.forPlatformAdmin.
 */
export const supportRepo = {
  open: async (tx: Queryable, orgId: string, user: { id: string; email: string }, message: string): Promise<string> =>
    (await tx.query<{ id: string }>('INSERT INTO support_tickets (org_id, user_id, email, message) VALUES ($1, $2, $3, $4) RETURNING id', [orgId, user.id, user.email, message]))[0]!.id,

  /** Tickets with their replies, oldest first (the longest waiting on top). */
  async list(tx: Queryable, status: 'open' | 'closed'): Promise<Ticket[]> {
    const tickets = await tx.query<{ id: string; orgId: string; orgName: string; email: string; message: string; status: string; createdAt: Date; closedAt: Date | null }>(
      `SELECT t.id, t.org_id AS "orgId", o.name AS "orgName", t.email, t.message, t.status, t.created_at AS "createdAt", t.closed_at AS "closedAt"
         FROM support_tickets t JOIN organizations o ON o.id = t.org_id
        WHERE t.status = $1 ORDER BY t.created_at LIMIT 200`,
      [status],
    );
    const replies = await tx.query<{ ticketId: string; message: string; createdAt: Date }>(
      'SELECT ticket_id AS "ticketId", message, created_at AS "createdAt" FROM support_replies WHERE ticket_id = ANY($1) ORDER BY created_at',
      [tickets.map((t) => t.id)],
    );
    return tickets.map((t) => ({
      ...t,
      createdAt: iso(t.createdAt),
      closedAt: isoOrNull(t.closedAt),
      replies: replies.filter((r) => r.ticketId === t.id).map((r) => ({ message: r.message, createdAt: iso(r.createdAt) })),
    }));
  },

  byId: async (tx: Queryable, id: string) =>
    isUuid(id)
      ? (await tx.query<{ orgId: string; email: string; status: string }>('SELECT org_id AS "orgId", email, status FROM support_tickets WHERE id = $1', [id]))[0]
      : undefined,

  reply: async (tx: Queryable, orgId: string, ticketId: string, adminId: string, message: string): Promise<void> =>
    void (await tx.query('INSERT INTO support_replies (ticket_id, org_id, admin_id, message) VALUES ($1, $2, $3, $4)', [ticketId, orgId, adminId, message])),

  close: async (tx: Queryable, orgId: string, ticketId: string): Promise<void> =>
    void (await tx.query("UPDATE support_tickets SET status = 'closed', closed_at = now() WHERE org_id = $1 AND id = $2", [orgId, ticketId])),
};
