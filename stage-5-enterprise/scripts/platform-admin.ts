/**
 * pnpm --filter stage-5 admin:grant <email>   (and admin:revoke <email>)
 *
 * Makes a user a platform admin, who may open /admin, or stops them being one. Runs against the
 * stage's database (DATABASE_URL, else PGlite in DATA_DIR: stop the server first for PGlite).
 */
import { loadConfig } from '../src/server/config';
import { openDb } from '../src/server/db';
import { setPlatformAdmin } from '../src/server/admin/platform-admins';

const [action, email] = process.argv.slice(2);
if ((action !== 'grant' && action !== 'revoke') || !email) {
  console.error('Usage: pnpm --filter stage-5 admin:grant <email>   |   pnpm --filter stage-5 admin:revoke <email>');
  process.exit(2);
}
const config = loadConfig();
const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  if (!(await setPlatformAdmin(db, email, action === 'grant'))) {
    console.error(`No user has the email ${email}. Sign up first.`);
    process.exitCode = 1;
  } else {
    console.log(action === 'grant' ? `${email} is now a platform admin: /admin is open to them.` : `${email} is no longer a platform admin.`);
  }
} finally {
  await db.close();
}
