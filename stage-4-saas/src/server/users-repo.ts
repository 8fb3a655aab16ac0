import { randomUUID } from 'node:crypto';
import type { User } from '../shared/api';
import type { Db } from './db';

/** What only the server sees. */
export interface UserRecord extends User {
  passwordHash: string;
  sessionVersion: number;
}

const COLUMNS =
  'id, email, password_hash AS passwordHash, session_version AS sessionVersion, created_at AS createdAt';

export const publicUser = ({ id, email, createdAt }: UserRecord): User => ({ id, email, createdAt });

/** The only module that speaks SQL about users. */
export function createUsersRepo(db: Db) {
  const statements = {
    byId: db.prepare<[string], UserRecord>(`SELECT ${COLUMNS} FROM users WHERE id = ?`),
    byEmail: db.prepare<[string], UserRecord>(`SELECT ${COLUMNS} FROM users WHERE email = ?`),
    insert: db.prepare<[string, string, string], UserRecord>(
      `INSERT INTO users (id, email, password_hash) VALUES (?, ?, ?) RETURNING ${COLUMNS}`,
    ),
    rehash: db.prepare<[string, string]>('UPDATE users SET password_hash = ? WHERE id = ?'),
    changePassword: db.prepare<[string, string]>(
      'UPDATE users SET password_hash = ?, session_version = session_version + 1 WHERE id = ?',
    ),
  };

  return {
    byId: (id: string): UserRecord | undefined => statements.byId.get(id),
    byEmail: (email: string): UserRecord | undefined => statements.byEmail.get(email),
    /** undefined when the email is taken (the UNIQUE constraint decides, so two signups cannot race). */
    insert(email: string, passwordHash: string): UserRecord | undefined {
      try {
        return statements.insert.get(randomUUID(), email, passwordHash);
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return undefined;
        throw error;
      }
    },
    /** Same password, stronger hash (the cost went up): sessions stay valid. */
    rehash: (id: string, passwordHash: string): void => void statements.rehash.run(passwordHash, id),
    /** A new password ends every session issued before it. */
    changePassword: (id: string, passwordHash: string): void => void statements.changePassword.run(passwordHash, id),
  };
}

export type UsersRepo = ReturnType<typeof createUsersRepo>;
