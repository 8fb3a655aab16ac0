/**
 * pnpm --filter stage-5 audit:prune
 *
 * Deletes audit entries older than AUDIT_RETENTION_DAYS (default 365), as the database owner: the
 * app's role can never delete them. Each chain keeps an anchor (the last deleted entry's seq and
 * hash), so audit:verify still checks what is left. Run it from cron, e.g. once a day.
 */
import { loadConfig } from '../src/server/config';
import { openDb } from '../src/server/db';
import { openOwnerSession } from '../src/server/audit/owner-session';
import { pruneAudit, retentionDays } from '../src/server/audit/prune';

const config = loadConfig();
const days = retentionDays();
await (await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })).close();
const owner = await openOwnerSession({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const { deleted } = await pruneAudit(owner, days);
  console.log(`Deleted ${deleted} audit entries older than ${days} days.`);
} finally {
  await owner.close();
}
