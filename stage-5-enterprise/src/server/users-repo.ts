import type { User } from '../shared/api';
import type { Queryable } from './db';
import { iso, isUniqueViolation } from './db/iso';

/** What only the server sees. */
export interface UserRecord extends User {
  /** null: an account made by single sign-on, which has no password. */
  passwordHash: string | null;
  sessionVersion: number;
}

const COLUMNS =
  'id, email, password_hash AS "passwordHash", session_version AS "sessionVersion", created_at AS "createdAt"';

type Row = Omit<UserRecord, 'createdAt'> & { createdAt: Date };
const record = (row: Row | undefined): UserRecord | undefined => row && { ...row, createdAt: iso(row.createdAt) };

export const publicUser = ({ id, email, createdAt }: UserRecord): User => ({ id, email, createdAt });

/**
 * The only module that speaks SQL about users. An account belongs to no organization, so this
 * table has no row-level security; `q` is the database or a transaction the caller is in.
 */
export function createUsersRepo(db: Queryable) {
  return {
    byId: async (id: string, q: Queryable = db) =>
      record((await q.query<Row>(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]))[0]),
    byEmail: async (email: string, q: Queryable = db) =>
      record((await q.query<Row>(`SELECT ${COLUMNS} FROM users WHERE email = $1`, [email]))[0]),
    /** undefined when the email is taken (the UNIQUE constraint decides, so two signups cannot race). */
    async insert(email: string, passwordHash: string | null, q: Queryable = db): Promise<UserRecord | undefined> {
      try {
        const rows = await q.query<Row>(
          `INSERT INTO users (email, password_hash) VALUES ($1, $2) RETURNING ${COLUMNS}`,
          [email, passwordHash],
        );
        return record(rows[0]);
      } catch (error) {
        if (isUniqueViolation(error)) return undefined;
        throw error;
      }
    },
    /** Same password, stronger hash (the cost went up): sessions stay valid. */
    rehash: async (id: string, passwordHash: string): Promise<void> =>
      void (await db.query('UPDATE users SET password_hash = $1 WHERE id = $2', [passwordHash, id])),
    /** A new password ends every session issued before it. */
    changePassword: async (id: string, passwordHash: string, q: Queryable = db): Promise<void> =>
      void (await q.query(
        'UPDATE users SET password_hash = $1, session_version = session_version + 1 WHERE id = $2',
        [passwordHash, id],
      )),
    /** Platform admins are flagged by `pnpm admin:grant` only; the app reads the flag, and cannot write it. */
    isPlatformAdmin: async (id: string): Promise<boolean> =>
      (await db.query<{ admin: boolean }>('SELECT is_platform_admin AS admin FROM users WHERE id = $1', [id]))[0]?.admin === true,
    /** Every session issued so far stops working ("sign out everywhere"). */
    endSessions: async (id: string): Promise<void> =>
      void (await db.query('UPDATE users SET session_version = session_version + 1 WHERE id = $1', [id])),
  };
}

export type UsersRepo = ReturnType<typeof createUsersRepo>;
