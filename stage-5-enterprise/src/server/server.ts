import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { STAGE } from '../shared/stage';
import type { Config } from './config';
import { openDb, openReadDb, type Db, type Queryable } from './db';
import { createPatternsService, type PatternsChanged } from './patterns-service';
import { createPlanLimits } from './plan-limits';
import { createBilling } from './billing/billing-service';
import { createApiKeys } from './api-keys/api-keys-service';
import { createIdempotency } from './idempotency/idempotency';
import { createAdmin } from './admin/admin-service';
import { createOnboarding } from './onboarding/onboarding-service';
import { createFirstCalls } from './onboarding/first-call';
import { createOrganizations } from './organizations-service';
import { createInvitations } from './invitations-service';
import { createOwnershipTransfers } from './ownership-transfers-service';
import { createApp } from './app';
import { createAuditLog } from './audit/audit-service';
import { recordAudit } from './audit/audit';
import { createAccounts } from './auth/accounts';
import type { PasswordHasher } from './auth/passwords';
import { loadSessionSecret } from './auth/session-secret';
import { FileOutbox, type Mailer } from './mail/outbox';
import { memoryState, redisState, type SharedState } from './scale/shared-state';
import { shareEngineFreshness } from './scale/engine-freshness';
import { createRateLimits } from './scale/rate-limits';
import { SecretBox, loadSsoKey } from './sso/secret-box';
import { createSso, type SsoAuditEvent } from './sso/sso-service';

import { createLogger } from './ops/logger';
import { createMetrics } from './ops/metrics';
import { createReadiness } from './ops/readiness';
import { databaseCheck, migrationsCheck } from './ops/checks';
import { createAnalytics } from './analytics/analytics-service';

export interface ServerOptions {
  /** The built page (vite build → dist); omitted in API-only tests. */
  webRoot?: string;
  /** Where logs go; by default stdout, at config.logLevel. */
  logger?: Logger;
  /** Tests pass a low bcrypt cost for speed; everywhere else the default (12) applies. */
  hasher?: PasswordHasher;
  /** Where mails go instead of the development outbox (a real mailer; a failing one in tests). */
  mailer?: Mailer;
  /** Behind a reverse proxy on this machine: the client's address comes from X-Forwarded-For. */
  trustProxy?: boolean;
  /** audit: where SSO configuration changes are recorded (the audit trail's `audit.record`). */
  onAudit?: (tx: Queryable, event: SsoAuditEvent) => Promise<void>;
  /** The clock plan limits read (the month counted, the grace period); tests move it. */
  now?: () => Date;
}

/**
 * The composition root: the one place that wires database → repositories → services → app. main.ts,
 * the tests and the benchmarks all build the server here, so they run the same thing. Async from
 * stage 4: opening the database (and migrating it) is.
 */
export async function createServer(config: Config, options: ServerOptions = {}) {
  const logger = options.logger ?? createLogger(config.logLevel);
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const { engine, startMs, applied, from } = db.info;
  logger.info({ engine, startMs, applied, from }, `database: ${engine} ready in ${startMs} ms`);
  // Analytics and the admin panel's reads: a replica when DATABASE_READ_URL is set, else the primary.
  let reads: Db = db;
  let shared: SharedState;
  try {
    if (config.databaseReadUrl) {
      reads = await openReadDb(config.databaseReadUrl);
      logger.info('database: analytics and admin reads go to DATABASE_READ_URL');
    }
    shared = config.redisUrl ? await redisState(config.redisUrl, config.redisPrefix, logger) : memoryState();
  } catch (err) {
    if (reads !== db) await reads.close();
    await db.close();
    throw err;
  }
  logger.info(`shared state: ${shared.mode === 'redis' ? 'Redis' : 'in memory (no REDIS_URL): one instance only'}`);
  // Process metrics only where they are read: they start timers of their own.
  const metrics = createMetrics({ processMetrics: config.metricsToken !== undefined });
  const readiness = createReadiness();
  readiness.add('database', databaseCheck(db));
  readiness.add('migrations', migrationsCheck(db));
  if (reads !== db) readiness.add('database-read', databaseCheck(reads));
  if (shared.mode === 'redis') readiness.add('redis', shared.check);
  const limits = createPlanLimits(db, {
    appUrl: config.appUrl,
    graceDays: config.billingGraceDays,
    now: options.now,
    meter: metrics.meter,
    log: (message, error) => logger.error({ err: error }, message),
  });
  let announce: PatternsChanged = () => {}; // the other instances hear of each pattern write (set just below)
  const patterns = createPatternsService(db, limits, {
    quota: config.patternQuota,
    meter: metrics.meter,
    changed: (orgId, version, patternId) => announce(orgId, version, patternId),
  });
  announce = await shareEngineFreshness(shared, patterns, logger);
  const rateLimits = createRateLimits(shared.limiter, { anonymousPerMinute: config.anonymousPerMinute });
  const organizations = createOrganizations(db, (orgId) => patterns.engines.invalidate(orgId));
  const billing = createBilling(db, organizations, { appUrl: config.appUrl, stripe: config.stripe });
  logger.info(`billing: ${billing.mode === 'stripe' ? 'Stripe' : 'demo mode (no STRIPE_SECRET_KEY): plans change without a card'}`);
  // Development mailer: files in DATA_DIR/outbox. Production needs a real one (see README).
  const outbox = new FileOutbox(join(config.dataDir, 'outbox'));
  if (config.production) logger.warn(`mails are written to ${outbox.dir}, not sent: plug a real mailer into createAccounts`);
  const invitations = createInvitations(db, { mailer: outbox, appUrl: config.appUrl });
  const ownershipTransfers = createOwnershipTransfers(db);
  const apiKeys = createApiKeys(db, organizations, { now: options.now });
  const idempotency = createIdempotency(db);
  const admin = createAdmin(db, reads, billing, { mailer: options.mailer ?? outbox, now: options.now, writeUsage: limits.writeUsage });
  const onboarding = createOnboarding(db, organizations);
  const firstCalls = createFirstCalls(db, organizations);
  const accounts = createAccounts(db, {
    secret: loadSessionSecret(config.dataDir, config.jwtSecret),
    mailer: options.mailer ?? outbox,
    appUrl: config.appUrl,
    hasher: options.hasher,
    signupsPerAddress: config.signupsPerAddress,
    limiters: shared.limiter,
  });
  const ssoKey = loadSsoKey(config.dataDir, config.ssoEncryptionKey, config.production);
  if (!ssoKey) logger.warn('single sign-on cannot be configured: SSO_ENCRYPTION_KEY is not set');
  const sso = createSso(db, { secretBox: ssoKey && new SecretBox(ssoKey), appUrl: config.appUrl, onAudit: options.onAudit ?? recordAudit });
  // What the app is made of: createApp wires it to routes, and the caller (tests, scripts) gets it too.
  const services = {
    db,
    patterns,
    accounts,
    organizations,
    invitations,
    ownershipTransfers,
    billing,
    limits,
    apiKeys,
    admin,
    analytics: createAnalytics(reads, { writeUsage: limits.writeUsage }),
    idempotency,
    onboarding,
    firstCalls,
    audit: createAuditLog(db),
    rateLimits,
    sso,
    readiness,
    metrics,
    logger,
    outbox,
  };
  const app = createApp({
    ...services,
    metricsToken: config.metricsToken,
    appUrl: config.appUrl,
    production: config.production,
    webRoot: options.webRoot,
  });
  const trustProxy = options.trustProxy ? 'loopback' : config.trustProxy;
  if (trustProxy) app.set('trust proxy', trustProxy);
  let server: Server | undefined;
  let closing = false;
  let stopped: Promise<void> | undefined;

  /** See stop(), below. */
  async function drainAndStop(): Promise<void> {
    readiness.drain();
    if (server?.listening && config.drainDelayMs > 0) {
      logger.info({ drainDelayMs: config.drainDelayMs }, 'draining: not ready, still serving');
      await sleep(config.drainDelayMs);
    }
    closing = true;
    if (server?.listening) {
      const open = server;
      const timer = setTimeout(() => {
        logger.warn({ shutdownTimeoutMs: config.shutdownTimeoutMs }, 'requests still running at the shutdown timeout: connections cut');
        open.closeAllConnections();
      }, config.shutdownTimeoutMs).unref();
      const closed = new Promise((resolve) => open.close(resolve));
      open.closeIdleConnections();
      await closed;
      clearTimeout(timer);
    }
    await limits.stop(); // the usage of the last second (usage-batches.ts)
    await shared.close();
    if (reads !== db) await reads.close();
    await db.close();
    logger.info('stopped');
  }

  return {
    config,
    app,
    reads,
    shared,
    ...services,

    /** Listens on config.host:config.port (loopback unless HOST says otherwise); resolves with the server's address once it does. */
    start: () =>
      new Promise<string>((resolve, reject) => {
        const listening = app.listen(config.port, config.host, (err?: Error) => {
          if (err) return reject(err);
          const url = `http://localhost:${(listening.address() as AddressInfo).port}`;
          logger.info({ url, host: config.host, dataDir: config.dataDir }, `stage ${STAGE.number} listening on ${url}`);
          resolve(url);
        });
        // close() waits for every open connection, and browsers keep theirs open between requests.
        // While draining, each one closes as soon as its response is sent (first listener: before the app answers).
        listening.prependListener('request', (_req, res) => {
          if (readiness.draining) res.setHeader('Connection', 'close');
          res.on('finish', () => {
            if (closing) setImmediate(() => listening.closeIdleConnections());
          });
        });
        server = listening;
      }),

    /**
     * The drain, once however often called (SIGTERM, then SIGINT): readiness answers 503 (balancers
     * stop sending; for drainDelayMs the listener still serves what they send meanwhile, and closes
     * each connection after its response), then the listener closes (new connections are refused),
     * idle keep-alive connections close, each busy one once its response is sent, and after
     * shutdownTimeoutMs whatever is still open is cut. Then the database pool closes.
     */
    stop: (): Promise<void> => (stopped ??= drainAndStop()),
  };
}

export type JourneyServer = Awaited<ReturnType<typeof createServer>>;
