import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import { STAGE } from '../shared/stage';
import type { Config } from './config';
import { openDb, type Queryable } from './db';
import { createPatternsService } from './patterns-service';
import { createPlanLimits } from './plan-limits';
import { createBilling } from './billing/billing-service';
import { createApiKeys } from './api-keys/api-keys-service';
import { createAdmin } from './admin/admin-service';
import { createOrganizations } from './organizations-service';
import { createInvitations } from './invitations-service';
import { createApp } from './app';
import { createAccounts } from './auth/accounts';
import type { PasswordHasher } from './auth/passwords';
import { loadSessionSecret } from './auth/session-secret';
import { FileOutbox, type Mailer } from './mail/outbox';
import { SecretBox, loadSsoKey } from './sso/secret-box';
import { createSso, type SsoAuditEvent } from './sso/sso-service';

/** How long in-flight requests get to finish after stop() before connections are cut. */
const SHUTDOWN_GRACE_MS = 10_000;

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
  const logger = options.logger ?? pino({ level: config.logLevel });
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const { engine, startMs, applied, from } = db.info;
  logger.info({ engine, startMs, applied, from }, `database: ${engine} ready in ${startMs} ms`);
  const limits = createPlanLimits(db, { appUrl: config.appUrl, graceDays: config.billingGraceDays, now: options.now });
  const patterns = createPatternsService(db, limits, { quota: config.patternQuota });
  const organizations = createOrganizations(db, (orgId) => patterns.engines.invalidate(orgId));
  const billing = createBilling(db, organizations, { appUrl: config.appUrl, stripe: config.stripe });
  logger.info(`billing: ${billing.mode === 'stripe' ? 'Stripe' : 'demo mode (no STRIPE_SECRET_KEY): plans change without a card'}`);
  // Development mailer: files in DATA_DIR/outbox. Production needs a real one (see README).
  const outbox = new FileOutbox(join(config.dataDir, 'outbox'));
  if (config.production) logger.warn(`mails are written to ${outbox.dir}, not sent: plug a real mailer into createAccounts`);
  const invitations = createInvitations(db, { mailer: outbox, appUrl: config.appUrl });
  const apiKeys = createApiKeys(db, organizations, { now: options.now });
  const admin = createAdmin(db, billing, { mailer: options.mailer ?? outbox, now: options.now });
  const accounts = createAccounts(db, {
    secret: loadSessionSecret(config.dataDir, config.jwtSecret),
    mailer: options.mailer ?? outbox,
    appUrl: config.appUrl,
    hasher: options.hasher,
    signupsPerAddress: config.signupsPerAddress,
  });
  const ssoKey = loadSsoKey(config.dataDir, config.ssoEncryptionKey, config.production);
  if (!ssoKey) logger.warn('single sign-on cannot be configured: SSO_ENCRYPTION_KEY is not set');
  const sso = createSso(db, { secretBox: ssoKey && new SecretBox(ssoKey), appUrl: config.appUrl, onAudit: options.onAudit });
  const app = createApp({ db, patterns, accounts, organizations, invitations, billing, limits, apiKeys, admin, sso, logger, appUrl: config.appUrl, production: config.production, outbox, webRoot: options.webRoot });
  if (options.trustProxy) app.set('trust proxy', 'loopback');
  let server: Server | undefined;
  let stopping = false;

  return {
    app,
    db,
    patterns,
    accounts,
    organizations,
    invitations,
    billing,
    limits,
    apiKeys,
    admin,
    sso,
    outbox,
    logger,

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
        // While stopping, close each one as soon as its response is sent.
        listening.on('request', (_req, res) => {
          res.on('finish', () => {
            if (stopping) setImmediate(() => listening.closeIdleConnections());
          });
        });
        server = listening;
      }),

    /** Stops accepting, lets in-flight requests finish, then closes the database. */
    async stop(): Promise<void> {
      stopping = true;
      if (server?.listening) {
        const open = server;
        const timer = setTimeout(() => open.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
        const closed = new Promise((resolve) => open.close(resolve));
        open.closeIdleConnections();
        await closed;
        clearTimeout(timer);
      }
      await db.close();
      logger.info('stopped');
    },
  };
}

export type JourneyServer = Awaited<ReturnType<typeof createServer>>;
