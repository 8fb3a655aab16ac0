import { test } from '@journey/testkit';
import { freshDatabase, type TestDatabase } from '../test/databases';
import { ownServer } from './own-server';
import { grantPlatformAdmin } from './saas-actions';

/**
 * A spec's own server on a PostgreSQL database of its own (made before the server starts, dropped
 * after). For the specs that run the operator's `admin:grant` while the server runs (PGlite would
 * belong to the server's process), and for those that sign up several people: the shared server
 * allows 30 sign-ups per address in 15 minutes, and the specs together would use them up.
 */
export function ownPostgresServer(dataDirPrefix: string, env: Record<string, string> = {}) {
  let database: TestDatabase;
  test.beforeAll(async () => {
    database = await freshDatabase('postgres');
  });
  test.afterAll(() => database?.drop());
  const where = () => ({ DATABASE_URL: database.where.databaseUrl! });
  const server = ownServer(dataDirPrefix, { env: () => ({ ...where(), ...env }) });
  return {
    ...server,
    /** `pnpm --filter stage-5 admin:grant <email>`, against this server's database. */
    grantPlatformAdmin: (email: string) => grantPlatformAdmin(email, where()),
  };
}
