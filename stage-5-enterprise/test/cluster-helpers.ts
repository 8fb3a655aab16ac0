import { randomBytes } from 'node:crypto';
import { startCluster, type Cluster } from '../scripts/cluster';
import { freshDatabase, type TestDatabase } from './databases';
import { rmSync } from 'node:fs';
import { call, onPlan, signUp, tempDataDir, type Session } from './helpers';
import { freePort } from './server-process';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestCluster extends Cluster {
  database: TestDatabase;
  /** The instances' session key: another server with it accepts their sessions. */
  jwtSecret: string;
  close(): Promise<void>;
}

/**
 * Two instances (src/server/main.ts, each its own process) behind real nginx, on a new PostgreSQL
 * database and the shared Redis under a prefix of their own (so other test runs never count with them).
 */
export async function startTestCluster(instances = 2): Promise<TestCluster> {
  const database = await freshDatabase('postgres');
  const dataDir = tempDataDir(); // the instances' mail outbox
  const ports = await Promise.all(Array.from({ length: instances + 1 }, () => freePort()));
  let output = '';
  const jwtSecret = randomBytes(32).toString('base64url');
  const cluster = await startCluster({
    port: ports[0]!,
    instancePorts: ports.slice(1),
    env: {
      DATABASE_URL: database.where.databaseUrl,
      REDIS_URL,
      REDIS_PREFIX: `test-${randomBytes(4).toString('hex')}:`,
      JWT_SECRET: jwtSecret,
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
    },
    log: (line) => (output = (output + line + '\n').slice(-20_000)),
  }).catch(async (err: Error) => {
    await database.drop();
    throw new Error(`${err.message}\n${output}`);
  });
  return { ...cluster, database, jwtSecret, close: async () => (await cluster.stop(), await database.drop(), rmSync(dataDir, { recursive: true, force: true })) };
}

/** A user on `plan` with an API key for their organization. */
export async function keyHolder(url: string, plan: 'free' | 'pro' | 'enterprise'): Promise<{ session: Session; orgId: string; key: string }> {
  const session = await signUp(url);
  if (plan !== 'free') await onPlan(url, session, plan);
  const { activeOrgId: orgId } = (await call(url, 'GET', '/api/orgs', undefined, { session })).json;
  const created = await call(url, 'POST', `/api/orgs/${orgId}/api-keys`, { name: 'cluster test' }, { session });
  if (created.status !== 201) throw new Error(`key refused: ${created.status} ${created.text}`);
  return { session, orgId, key: created.json.key };
}

export const withKey = (key: string) => ({ headers: { authorization: `Bearer ${key}` } });
