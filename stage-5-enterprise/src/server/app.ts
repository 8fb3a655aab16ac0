import cookieParser from 'cookie-parser';
import express from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import type { PatternsService } from './patterns-service';
import type { Accounts } from './auth/accounts';
import type { Organizations } from './organizations-service';
import type { Invitations } from './invitations-service';
import type { Billing } from './billing/billing-service';
import type { PlanLimits } from './plan-limits';
import type { Db } from './db';
import type { ApiKeys } from './api-keys/api-keys-service';
import type { Admin } from './admin/admin-service';
import { apiKeyAuth } from './auth/api-key';
import { requireUser } from './auth/require-user';
import { requireOrg } from './auth/active-org';
import { sameOriginOnly } from './auth/same-origin';
import type { FileOutbox } from './mail/outbox';
import { errorHandler, notFoundHandler } from './errors';
import { allowedHostsOnly } from './allowed-hosts';
import { noStore } from './no-store';
import { requestId } from './request-id';
import { healthRoutes } from './routes/health';
import { patternRoutes } from './routes/patterns';
import { chatRoutes } from './routes/chat';
import { importRoutes } from './routes/import';
import { authRoutes } from './routes/auth';
import { orgRoutes } from './routes/orgs';
import { billingRoutes, stripeWebhookRoutes } from './routes/billing';
import { apiKeyRoutes } from './routes/api-keys';
import { adminRoutes } from './routes/admin';
import { supportRoutes } from './routes/support';
import { invitationRoutes } from './routes/invitations';
import { devOutboxRoutes } from './routes/dev-outbox';
import { analyticsRoutes } from './routes/analytics';
import { createAnalytics } from './analytics/analytics-service';

export interface AppDeps {
  db: Db;
  patterns: PatternsService;
  accounts: Accounts;
  organizations: Organizations;
  invitations: Invitations;
  billing: Billing;
  limits: PlanLimits;
  apiKeys: ApiKeys;
  admin: Admin;
  logger: Logger;
  /** The address people open (APP_URL): with the loopback names, the only hosts answered. */
  appUrl: string;
  /** Secure cookies; no development pages. */
  production: boolean;
  /** Its mails are listed at /dev/outbox, outside production only. */
  outbox?: FileOutbox;
  /** The built page (vite build → dist); omitted in API-only tests. */
  webRoot?: string;
}

/**
 * Builds the Express app from what it needs and nothing else: no globals, no listening. Tests
 * build one per test with a throwaway database; main.ts builds the real one.
 */
export function createApp({ db, patterns, accounts, organizations, invitations, billing, limits, apiKeys, admin, logger, appUrl, production, outbox, webRoot }: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(allowedHostsOnly(appUrl));
  app.use(
    helmet({
      // The stage is served over plain http (localhost); don't tell browsers to switch to https.
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
    }),
  );
  app.use(
    pinoHttp({
      logger,
      genReqId: requestId,
      // One short line per request; headers stay out of the logs (later stages carry cookies in them).
      wrapSerializers: false, // ours read the raw request directly: less work per request
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );

  app.use('/api', noStore, cookieParser(), sameOriginOnly);
  // Open to everyone: health and the ways in. Everything after requireUser needs a session, and
  // its bodies are read only once the session is checked (no 2 MB parse for strangers).
  // Stripe's webhook has no session: its signature is its proof (billing-service.ts).
  app.use('/api', healthRoutes(), authRoutes(accounts, production), stripeWebhookRoutes(billing));
  // Programs with an organization API key reach the brain below, and nothing else (403).
  app.use('/api', apiKeyAuth(apiKeys, organizations, limits), requireUser(accounts, production));
  // Organizations: the caller's role in each is read from the database by every route.
  app.use('/api', orgRoutes(organizations, production), invitationRoutes(invitations, production));
  app.use('/api', billingRoutes(billing, limits, patterns, organizations), apiKeyRoutes(apiKeys), adminRoutes(admin));
  app.use('/api', analyticsRoutes(createAnalytics(db)));
  // The brain: the active organization (one of the user's own, checked on every request, or the key's).
  app.use('/api', requireOrg(organizations), patternRoutes(patterns), chatRoutes(patterns), importRoutes(patterns), supportRoutes(db));
  if (outbox && !production) app.use(devOutboxRoutes(outbox));

  if (webRoot) {
    app.use(express.static(webRoot));
    // An invitation link (/invite#token) opens the page, which reads the token after the #.
    app.get('/invite', (_req, res) => res.sendFile('index.html', { root: webRoot }));
    // The platform admin panel is the same page; its routes answer 403 to all but platform admins.
    app.get('/admin', (_req, res) => res.sendFile('index.html', { root: webRoot }));
  }
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
