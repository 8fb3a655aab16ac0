import type { OwnershipTransfer } from '../shared/api';
import type { Queryable } from './db';
import { iso } from './db/iso';

type Row = { fromId: string; fromEmail: string; toId: string; toEmail: string; createdAt: Date; expiresAt: Date; expired: boolean };

/** The offer as stored, and whether it has expired (by the database's clock). */
export type StoredTransfer = OwnershipTransfer & { expired: boolean };

/**
 * The only module that speaks SQL about ownership offers: at most one row per organization (its
 * primary key). Every function takes a transaction from db.forOrg(orgId) and says `org_id = $1`.
 * Changes take turns behind the organization's row lock (organizationsRepo.lock), taken first.
 */
export const ownershipTransfersRepo = {
  /** The organization's offer, if it has one (perhaps expired). */
  async find(tx: Queryable, orgId: string): Promise<StoredTransfer | undefined> {
    const [row] = await tx.query<Row>(
      `SELECT t.from_user AS "fromId", f.email AS "fromEmail", t.to_user AS "toId", r.email AS "toEmail",
              t.created_at AS "createdAt", t.expires_at AS "expiresAt", t.expires_at <= now() AS expired
         FROM ownership_transfers t JOIN users f ON f.id = t.from_user JOIN users r ON r.id = t.to_user
        WHERE t.org_id = $1`,
      [orgId],
    );
    return (
      row && {
        from: { userId: row.fromId, email: row.fromEmail },
        to: { userId: row.toId, email: row.toEmail },
        createdAt: iso(row.createdAt),
        expiresAt: iso(row.expiresAt),
        expired: row.expired,
      }
    );
  },

  insert: async (tx: Queryable, orgId: string, fromUser: string, toUser: string, expiresAt: Date): Promise<void> =>
    void (await tx.query('INSERT INTO ownership_transfers (org_id, from_user, to_user, expires_at) VALUES ($1, $2, $3, $4)', [
      orgId,
      fromUser,
      toUser,
      expiresAt,
    ])),

  remove: async (tx: Queryable, orgId: string): Promise<void> => void (await tx.query('DELETE FROM ownership_transfers WHERE org_id = $1', [orgId])),
};
