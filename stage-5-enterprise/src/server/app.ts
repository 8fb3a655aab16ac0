import cookieParser from 'cookie-parser';
import express from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { PatternsService } from './patterns-service';
import type { Accounts } from './auth/accounts';
import type { Organizations } from './organizations-service';
import type { Invitations } from './invitations-service';
import type { OwnershipTransfers } from './ownership-transfers-service';
import type { Billing } from './billing/billing-service';
import type { PlanLimits } from './plan-limits';
import type { Db } from './db';
import type { ApiKeys } from './api-keys/api-keys-service';
import type { Admin } from './admin/admin-service';
import type { OnboardingService } from './onboarding/onboarding-service';
import type { FirstCalls } from './onboarding/first-call';
import type { Sso } from './sso/sso-service';
import { apiKeyAuth } from './auth/api-key';
import type { RateLimits } from './scale/rate-limits';
import { requireUser } from './auth/require-user';
import { requireOrg } from './auth/active-org';
import { sameOriginOnly } from './auth/same-origin';
import type { FileOutbox } from './mail/outbox';
import { errorHandler, notFoundHandler } from './errors';
import { allowedHostsOnly } from './allowed-hosts';
import { noStore } from './no-store';
import { requestLog } from './ops/request-log';
import type { Readiness } from './ops/readiness';
import type { Metrics } from './ops/metrics';
import { httpMetrics } from './ops/http-metrics';
import { probeRoutes } from './routes/probes';
import { metricsRoutes } from './routes/metrics';
import { requestContext } from './audit/request-context';
import type { AuditLog } from './audit/audit-service';
import { auditRoutes } from './routes/audit';
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
import { ownershipTransferRoutes } from './routes/ownership-transfer';
import { devOutboxRoutes } from './routes/dev-outbox';
import { onboardingRoutes } from './routes/onboarding';
import { v1Routes } from './routes/v1';
import { apiDocsRoutes } from './routes/api-docs';
import type { Idempotency } from './idempotency/idempotency';
import { ssoLoginRoutes, ssoSettingsRoutes } from './routes/sso';
import { analyticsRoutes } from './routes/analytics';
import type { AnalyticsService } from './analytics/analytics-service';

export interface AppDeps {
  db: Db;
  patterns: PatternsService;
  accounts: Accounts;
  organizations: Organizations;
  invitations: Invitations;
  ownershipTransfers: OwnershipTransfers;
  billing: Billing;
  limits: PlanLimits;
  apiKeys: ApiKeys;
  admin: Admin;
  analytics: AnalyticsService;
  onboarding: OnboardingService;
  firstCalls: FirstCalls;
  idempotency: Idempotency;
  audit: AuditLog;
  rateLimits: RateLimits;
  sso: Sso;
  logger: Logger;
  /** GET /health/ready's checks, and whether the instance is draining. */
  readiness: Readiness;
  metrics: Metrics;
  /** METRICS_TOKEN: GET /metrics answers with it as a bearer token; unset, there is no /metrics. */
  metricsToken?: string;
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
export function createApp({
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
  analytics,
  idempotency,
  onboarding,
  firstCalls,
  audit,
  rateLimits,
  sso,
  readiness,
  metrics,
  metricsToken,
  logger,
  appUrl,
  production,
  outbox,
  webRoot,
}: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(httpMetrics(metrics), requestLog(logger));
  // Before the Host check: a kubelet probes, and Prometheus scrapes, the pod's own address.
  app.use(probeRoutes(readiness, logger));
  if (metricsToken) app.use(metricsRoutes(metrics, metricsToken));
  app.use(allowedHostsOnly(appUrl));
  app.use(
    helmet({
      // The stage is served over plain http (localhost); don't tell browsers to switch to https.
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
    }),
  );

  app.use('/api', noStore, cookieParser(), sameOriginOnly, requestContext); // requestContext: who, from where (the audit trail)
  // The public API, for programs: an organization API key and nothing else (routes/v1.ts).
  app.use('/api/v1', v1Routes({ patterns, limits, billing, apiKeys, idempotency, rateLimits }));
  // Open to everyone: health and the ways in. Everything after requireUser needs a session, and
  // its bodies are read only once the session is checked (no 2 MB parse for strangers).
  // Stripe's webhook has no session: its signature is its proof (billing-service.ts).
  // The ways in are also limited per address and minute (shared by the instances), before any work.
  app.use('/api/auth', rateLimits.perAddress);
  app.use('/api', healthRoutes(), authRoutes(accounts, sso, production), ssoLoginRoutes(sso, accounts, production), stripeWebhookRoutes(billing));
  // Programs with an organization API key reach the brain below, and nothing else (403).
  app.use('/api', apiKeyAuth(apiKeys, limits, rateLimits), requireUser(accounts, production));
  // Organizations: the caller's role in each is read from the database by every route.
  app.use('/api', orgRoutes(organizations, production), invitationRoutes(invitations, production), ownershipTransferRoutes(ownershipTransfers), ssoSettingsRoutes(sso));
  app.use('/api', billingRoutes(billing, limits, patterns, organizations), apiKeyRoutes(apiKeys), adminRoutes(admin), auditRoutes(audit));
  // The getting-started guide after signup, and its "test connection" (onboarding/first-call.ts).
  app.use('/api', onboardingRoutes(onboarding, firstCalls));
  app.use('/api', analyticsRoutes(analytics));
  // The brain: the active organization (one of the user's own, checked on every request, or the key's).
  app.use('/api', requireOrg(organizations), patternRoutes(patterns), chatRoutes(patterns), importRoutes(patterns), supportRoutes(db));
  if (outbox && !production) app.use(devOutboxRoutes(outbox));
  app.use(apiDocsRoutes());

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
