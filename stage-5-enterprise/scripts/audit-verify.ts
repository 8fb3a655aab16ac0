/**
 * pnpm --filter stage-5 audit:verify
 *
 * Walks every organization's audit chain (and the platform's) and recomputes each entry's hash.
 * Exits 1 naming the organization and the entry when a row was changed or removed, 0 when every
 * chain holds. Runs as the database owner (DATABASE_URL, else PGlite in DATA_DIR: stop the server first).
 */
import { loadConfig } from '../src/server/config';
import { openDb } from '../src/server/db';
import { openOwnerSession } from '../src/server/audit/owner-session';
import { verifyChains } from '../src/server/audit/verify-chains';

const config = loadConfig();
await (await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })).close(); // runs any pending migration
const owner = await openOwnerSession({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const started = performance.now();
  const report = await verifyChains(owner);
  const ms = Math.round(performance.now() - started);
  for (const { chain, seq, entryId, problem } of report.problems) {
    const where = chain === 'platform' ? 'the platform chain' : `organization ${chain}`;
    console.error(`✗ ${where}, entry ${seq}${entryId === null ? '' : ` (id ${entryId})`}: ${problem}`);
  }
  console.log(`${report.problems.length ? '✗' : '✓'} ${report.chains} chains, ${report.entries} entries checked in ${ms} ms; ${report.problems.length} problem(s).`);
  if (report.problems.length) process.exitCode = 1;
} finally {
  await owner.close();
}
