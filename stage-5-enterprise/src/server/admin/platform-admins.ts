import type { Db } from '../db';

/**
 * Grants or revokes the platform-admin flag. Only the command line does this (`pnpm admin:grant`),
 * as the database owner: the app's role may read the flag but has no UPDATE on it, so no route,
 * bug or injected SQL in the app can make anyone an admin. False when no user has the email.
 */
export function setPlatformAdmin(db: Db, email: string, admin: boolean): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.query('SET LOCAL ROLE NONE'); // back to the owner (the login user) for this transaction only
    return (await tx.query('UPDATE users SET is_platform_admin = $2 WHERE email = $1 RETURNING id', [email.trim().toLowerCase(), admin])).length > 0;
  });
}
