import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { z } from 'zod';
import { STAGE } from '../shared/stage';
import { DEFAULT_PATTERN_QUOTA } from './quota';
import type { StripeSettings } from './billing/stripe';

/** Where the database lives unless DATA_DIR says otherwise: stage-5-saas/data, whatever the cwd. */
const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data', import.meta.url));

const PORT_RULE = 'must be a whole number from 0 to 65535 (0 picks a free port)';

const EnvSchema = z.object({
  // Loopback unless told otherwise: a LAN must be let in on purpose (see the README).
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: z.coerce.number({ error: PORT_RULE }).int(PORT_RULE).min(0, PORT_RULE).max(65_535, PORT_RULE).default(STAGE.port),
  DATA_DIR: z
    .string()
    .trim()
    .min(1)
    .default(DEFAULT_DATA_DIR)
    .transform((dir) => resolve(dir)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
  // Patterns one organization may keep, whatever its plan (see quota.ts).
  PATTERN_QUOTA: z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(1).default(DEFAULT_PATTERN_QUOTA),
  // Signs session tokens. Unset: generated once into DATA_DIR (see auth/session-secret.ts).
  JWT_SECRET: z.string().optional(),
  // Encrypts SSO client secrets (32 bytes, base64). Unset: generated into DATA_DIR, except in
  // production, where SSO cannot be configured without it (see sso/secret-box.ts).
  SSO_ENCRYPTION_KEY: z.string().optional(),
  // PostgreSQL, e.g. postgres://user@host:5432/journey. Unset: the embedded PGlite in DATA_DIR.
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'DATABASE_URL must be a postgres:// address.' }).optional(),
  // A replica (or another pool on the primary) for analytics and the admin panel's reads. Unset: the primary.
  DATABASE_READ_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'DATABASE_READ_URL must be a postgres:// address.' }).optional(),
  // Stripe (see billing/stripe.ts). Unset STRIPE_SECRET_KEY: demo billing, no card.
  STRIPE_SECRET_KEY: z.string().startsWith('sk_', 'must be a Stripe secret key (sk_test_… or sk_live_…)').optional(),
  STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_', 'must be a webhook signing secret (whsec_…)').optional(),
  STRIPE_PRICE_PRO: z.string().optional(),
  STRIPE_PRICE_ENTERPRISE: z.string().optional(),
  // Another Stripe API address: the tests' stand-in, or stripe-mock. Unset: api.stripe.com.
  STRIPE_API_URL: z.url().optional(),
  // Signups one address may make in 15 minutes (see auth/accounts.ts).
  SIGNUPS_PER_ADDRESS: z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(1).default(30),
  // Days a past-due organization keeps its paid limits.
  BILLING_GRACE_DAYS: z.coerce.number({ error: 'must be a number of days' }).min(0).default(7),
  // Redis, e.g. redis://127.0.0.1:6379: rate limits, throttles and engine news shared by the instances.
  // Unset: in-memory stand-ins, for one instance (see scale/shared-state.ts).
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'REDIS_URL must be a redis:// address.' }).optional(),
  // Put before every Redis key and channel name: apps (or test runs) sharing one Redis stay apart.
  REDIS_PREFIX: z.string().trim().regex(/^[\w.:-]{1,64}$/, 'letters, digits and . _ : - only').default('journey:'),
  // How many instances serve this app (start:cluster sets it). More than one needs what they share.
  INSTANCES: z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(1).default(1),
  // Behind a reverse proxy: the client's address comes from X-Forwarded-For, when the proxy's own
  // address is one of these (Express's `trust proxy` list). 1 means a proxy on this machine (nginx in
  // start:cluster); `uniquelocal` one on a private network (docker-compose, Kubernetes).
  TRUST_PROXY: z
    .string()
    .trim()
    .default('0')
    .refine((v) => /^(0|1|true|false|((loopback|linklocal|uniquelocal|[\d.:a-fA-F/]+)(\s*,\s*|$))+)$/.test(v), 'use 0, 1, or a list of loopback, linklocal, uniquelocal, addresses and CIDR ranges')
    .transform((v) => (v === '0' || v === 'false' ? false : v === '1' || v === 'true' ? 'loopback' : v)),
  // Requests one address may make to the ways in (/api/auth/…) in a minute.
  ANONYMOUS_REQUESTS_PER_MINUTE: z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(1).default(300),
  // GET /metrics answers with `Authorization: Bearer <METRICS_TOKEN>`; unset, there is no /metrics.
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters (e.g. openssl rand -hex 32)').optional(),
  // On SIGTERM: how long /health/ready says "draining" before the listener closes (balancers
  // polling readiness need a few periods to notice), then how long in-flight requests get.
  DRAIN_DELAY_MS: z.coerce.number({ error: 'must be a number of milliseconds' }).int().min(0).default(0),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number({ error: 'must be a number of milliseconds' }).int().min(0).default(10_000),
  // The address people open, for links in mails. Unset: http://localhost:PORT.
  APP_URL: z
    .url({ protocol: /^https?$/, error: 'APP_URL must be an http(s) address.' })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
});

export interface Config {
  /** The address to listen on: 127.0.0.1 unless HOST says otherwise. */
  host: string;
  port: number;
  dataDir: string;
  /** PostgreSQL when set; otherwise PGlite in dataDir. */
  databaseUrl: string | undefined;
  /** Where analytics and the admin panel's reads go (a replica); undefined: databaseUrl. */
  databaseReadUrl: string | undefined;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  /** Secure cookies, no development pages. */
  production: boolean;
  jwtSecret: string | undefined;
  ssoEncryptionKey: string | undefined;
  appUrl: string;
  /** Patterns per organization: the store's own cap, above every plan's limit. */
  patternQuota: number;
  /** Days a past-due organization keeps its paid limits. */
  billingGraceDays: number;
  /** Signups one address may make in 15 minutes. */
  signupsPerAddress: number;
  /** Redis when set; undefined: in-memory stand-ins (one instance). */
  redisUrl: string | undefined;
  /** Before every Redis key and channel name. */
  redisPrefix: string;
  /** Instances serving this app; more than one needs DATABASE_URL, REDIS_URL and JWT_SECRET. */
  instances: number;
  /** Behind a reverse proxy at these addresses (Express's `trust proxy`): the client's address comes from X-Forwarded-For. */
  trustProxy: string | false;
  /** Requests one address may make to /api/auth/… in a minute. */
  anonymousPerMinute: number;
  /** Stripe when STRIPE_SECRET_KEY is set; undefined: demo billing. */
  stripe: StripeSettings | undefined;
  /** GET /metrics's bearer token; undefined: no /metrics. */
  metricsToken: string | undefined;
  /** On SIGTERM: milliseconds of "draining" readiness before the listener closes. */
  drainDelayMs: number;
  /** Then: milliseconds in-flight requests get before their connections are cut. */
  shutdownTimeoutMs: number;
}

/**
 * Reads the environment once, at start. A typo in PORT should stop the server with a message that
 * names the variable, not surface later as a confusing listen error.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`PORT=`) means "not set", so the default applies.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const { HOST, PORT, DATA_DIR, DATABASE_URL, LOG_LEVEL, NODE_ENV, JWT_SECRET, SSO_ENCRYPTION_KEY, APP_URL, PATTERN_QUOTA, BILLING_GRACE_DAYS, SIGNUPS_PER_ADDRESS } = parsed.data;
  const { REDIS_URL, REDIS_PREFIX, INSTANCES, TRUST_PROXY, ANONYMOUS_REQUESTS_PER_MINUTE } = parsed.data;
  // Several instances must share everything a user's next request may land on: one instance's
  // memory is invisible to the others (a limit counted per instance is N times the limit).
  if (INSTANCES > 1) {
    const missing = [
      !DATABASE_URL && '  DATABASE_URL: required when INSTANCES > 1 (PGlite belongs to one process; the instances must share PostgreSQL)',
      !REDIS_URL && '  REDIS_URL: required when INSTANCES > 1 (rate limits, throttles and engine news must be shared, not kept per instance)',
      !JWT_SECRET && '  JWT_SECRET: required when INSTANCES > 1 (every instance must accept the sessions the others sign)',
    ].filter(Boolean);
    if (missing.length > 0) throw new Error(`Invalid configuration:\n${missing.join('\n')}`);
  }
  const { STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET, STRIPE_PRICE_PRO, STRIPE_PRICE_ENTERPRISE, STRIPE_API_URL } = parsed.data;
  const { METRICS_TOKEN, DRAIN_DELAY_MS, SHUTDOWN_TIMEOUT_MS } = parsed.data;
  const { DATABASE_READ_URL } = parsed.data;
  // A replica of PGlite does not exist: the read pool only makes sense beside a PostgreSQL primary.
  if (DATABASE_READ_URL && !DATABASE_URL) {
    throw new Error('Invalid configuration:\n  DATABASE_READ_URL: needs DATABASE_URL (a read replica of PostgreSQL; PGlite has none)');
  }
  // Half a Stripe setup would take money and never hear about it: all of it, or none (demo billing).
  if (STRIPE_SECRET_KEY && !(STRIPE_WEBHOOK_SECRET && STRIPE_PRICE_PRO && STRIPE_PRICE_ENTERPRISE)) {
    throw new Error('Invalid configuration:\n  STRIPE_SECRET_KEY: also needs STRIPE_WEBHOOK_SECRET, STRIPE_PRICE_PRO and STRIPE_PRICE_ENTERPRISE');
  }
  // Links in mails and the Host check need the real public address; localhost would be wrong there.
  if (NODE_ENV === 'production' && !APP_URL) {
    throw new Error('Invalid configuration:\n  APP_URL: required when NODE_ENV=production (the address people open, e.g. https://bot.example.com)');
  }
  return {
    host: HOST,
    port: PORT,
    dataDir: DATA_DIR,
    databaseUrl: DATABASE_URL,
    databaseReadUrl: DATABASE_READ_URL,
    logLevel: LOG_LEVEL,
    production: NODE_ENV === 'production',
    jwtSecret: JWT_SECRET,
    ssoEncryptionKey: SSO_ENCRYPTION_KEY,
    appUrl: APP_URL ?? `http://localhost:${PORT}`,
    patternQuota: PATTERN_QUOTA,
    billingGraceDays: BILLING_GRACE_DAYS,
    signupsPerAddress: SIGNUPS_PER_ADDRESS,
    redisUrl: REDIS_URL,
    redisPrefix: REDIS_PREFIX,
    instances: INSTANCES,
    trustProxy: TRUST_PROXY,
    anonymousPerMinute: ANONYMOUS_REQUESTS_PER_MINUTE,
    metricsToken: METRICS_TOKEN,
    drainDelayMs: DRAIN_DELAY_MS,
    shutdownTimeoutMs: SHUTDOWN_TIMEOUT_MS,
    stripe: STRIPE_SECRET_KEY
      ? {
          secretKey: STRIPE_SECRET_KEY,
          webhookSecret: STRIPE_WEBHOOK_SECRET!,
          prices: { pro: STRIPE_PRICE_PRO!, enterprise: STRIPE_PRICE_ENTERPRISE! },
          apiUrl: STRIPE_API_URL,
        }
      : undefined,
  };
}
