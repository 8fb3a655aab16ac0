import { LIMITS, isEngineError, parseTrigger } from '@journey/llm-core';
import { z } from './zod';

/**
 * The API's contract, declared once: the server validates requests with these schemas and the
 * page takes its types from them (types only, so no zod in the page's bundle). Zod first, types
 * inferred: a later stage derives its OpenAPI document from the same schemas.
 */

// ── Requests ────────────────────────────────────────────────────────────────────────────────────

/** Control characters (NUL and the like) have no place in what people type; tab and line breaks do. */
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;

/** A required piece of text: trimmed, then neither empty nor longer than the shared limit, nor with control characters. */
function text(label: string, max: number) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? `${label} is required.` : `${label} must be text.`) })
    .trim()
    .min(1, `${label} must not be empty.`)
    .max(max, `${label} must be at most ${max} characters.`)
    // PostgreSQL's text cannot hold the NUL character; control characters are refused anyway.
    .regex(NO_CONTROL_CHARACTERS, `${label} must not contain control characters.`);
}

/** A trigger the engine can learn: `(a|b)` and `[optional]` groups may not multiply without end. */
const trigger = text('Trigger', LIMITS.trigger).superRefine((value, ctx) => {
  try {
    parseTrigger(value);
  } catch (error) {
    if (!isEngineError(error)) throw error;
    ctx.addIssue({ code: 'custom', message: error.message });
  }
});

const bodyError = { error: 'The body must be a JSON object.' };

export const PatternInputSchema = z.object({ trigger, response: text('Response', LIMITS.response) }, bodyError);

export const PatternChangesSchema = PatternInputSchema.partial().refine(
  (changes) => changes.trigger !== undefined || changes.response !== undefined,
  'Send a trigger, a response, or both.',
);

/** GET /api/patterns?limit=&cursor=: pages of 100 unless asked otherwise, 500 at most. */
export const PAGE_SIZE = { default: 100, max: 500 } as const;
export const PageQuerySchema = z.object({
  limit: z.coerce
    .number({ error: 'limit must be a number.' })
    .int('limit must be a whole number.')
    .min(1, 'limit must be at least 1.')
    .max(PAGE_SIZE.max, `limit must be at most ${PAGE_SIZE.max}.`)
    .default(PAGE_SIZE.default),
  cursor: z.string({ error: 'cursor must be given once.' }).max(200, 'cursor is too long.').optional(),
});

export const ChatRequestSchema = z.object({ message: text('Message', LIMITS.message) }, bodyError);

/** Trimmed and lowercased, so "Ada@Example.com " and "ada@example.com" are one account. */
const email = z
  .string({ error: (issue) => (issue.input === undefined ? 'Email is required.' : 'Email must be text.') })
  .trim()
  .toLowerCase()
  .max(254, 'Email must be at most 254 characters.')
  .pipe(z.email('Email must be an email address, like ada@example.com.'));

/**
 * Never trimmed: spaces are part of a password. The cap only bounds the request; the real rules
 * (8 to 72 bytes, not a common one) are in auth/passwords.ts, and apply to new passwords only.
 */
const password = z
  .string({ error: (issue) => (issue.input === undefined ? 'Password is required.' : 'Password must be text.') })
  .min(1, 'Password is required.')
  .max(1000, 'Password is too long.')
  .regex(NO_CONTROL_CHARACTERS, 'Password must not contain control characters.');

export const CredentialsSchema = z.object({ email, password }, bodyError);
export const ForgotPasswordSchema = z.object({ email }, bodyError);
const token = z
  .string({ error: 'Token is required.' })
  .min(1, 'Token is required.')
  .max(200, 'Token is too long.')
  .regex(NO_CONTROL_CHARACTERS, 'Token must not contain control characters.');
export const ResetPasswordSchema = z.object({ token, password }, bodyError);

// Stage 4: organizations, members, invitations.
export const RoleSchema = z.enum(['owner', 'admin', 'member', 'viewer'], { error: 'Role must be owner, admin, member or viewer.' });
export type Role = z.infer<typeof RoleSchema>;
export const CreateOrgSchema = z.object({ name: text('Name', 100) }, bodyError);
export const ChangeRoleSchema = z.object({ role: RoleSchema }, bodyError);
export const InviteSchema = z.object({ email, role: RoleSchema.default('member') }, bodyError);
export const AcceptInvitationSchema = z.object({ token }, bodyError);

// Stage 5: teams.
/** "acme.com": lowercased; letters, digits and hyphens in dot-separated labels; no "@", no scheme. */
const domain = z
  .string({ error: (issue) => (issue.input === undefined ? 'Domain is required.' : 'Domain must be text.') })
  .trim()
  .toLowerCase()
  .max(253, 'Domain must be at most 253 characters.')
  .regex(/^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/, 'Domain must be a domain name, like acme.com (without @).');
/** A link for everyone on a domain never makes owners: ownership is offered to one person (OwnershipOfferSchema). */
export const DomainInviteSchema = z.object(
  { domain, role: z.enum(['admin', 'member', 'viewer'], { error: 'Role must be admin, member or viewer.' }).default('member') },
  bodyError,
);
export const OwnershipOfferSchema = z.object({ userId: z.string({ error: 'userId is required.' }).min(1, 'userId is required.').max(100, 'userId is too long.') }, bodyError);
/** Deleting an organization: its name or slug, typed again. */
export const DeleteOrgSchema = z.object({ confirm: text('Confirmation', 100) }, bodyError);

// Stage 5: single sign-on (OpenID Connect), one configuration per organization.
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
/** https, or http to this machine only (a provider in development or in the tests). */
export const isAllowedIssuer = (url: URL) => url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
const issuer = z
  .string({ error: 'Issuer is required.' })
  .trim()
  .max(500, 'Issuer must be at most 500 characters.')
  .pipe(z.url({ error: 'Issuer must be an address, like https://login.example.com.' }))
  // Zod runs this check even after z.url() failed, so it parses again rather than trust the input.
  .refine((value) => URL.canParse(value) && isAllowedIssuer(new URL(value)), 'Issuer must be an https:// address (http only on this machine).');
const emailDomain = z
  .string({ error: 'Email domain is required.' })
  .trim()
  .toLowerCase()
  .regex(/^(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/, 'Email domain must be a domain, like example.com.');
export const SsoRoleSchema = z.enum(['admin', 'member'], { error: 'Default role must be admin or member.' });
/** The client secret is write-only: left out, the stored one is kept. */
export const SsoSettingsInputSchema = z.object(
  {
    issuer,
    clientId: text('Client id', 500),
    clientSecret: text('Client secret', 1000).optional(),
    emailDomain,
    ssoRequired: z.boolean({ error: 'SSO required must be true or false.' }).default(false),
    defaultRole: SsoRoleSchema.default('member'),
  },
  bodyError,
);
export type SsoSettingsInput = z.infer<typeof SsoSettingsInputSchema>;
export const SsoIssuerCheckSchema = z.object({ issuer }, bodyError);
export const SsoEmailQuerySchema = z.object({ email });

// ── Answers ─────────────────────────────────────────────────────────────────────────────────────

/** A pattern as the server keeps it: the engine's fields plus when it was taught and last changed. */
export const PatternSchema = z.strictObject({
  id: z.string(),
  trigger: z.string(),
  response: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Who taught it (null once their account is gone): one brain, many teachers. */
  createdBy: z.strictObject({ id: z.string(), email: z.string() }).nullable(),
});
export type Pattern = z.infer<typeof PatternSchema>;

/** Why a pattern answered (llm-core's Explanation). */
export const ExplanationSchema = z.strictObject({
  match: z.enum(['exact', 'variant', 'wildcard', 'fuzzy']),
  words: z.array(z.string()),
  corrected: z.array(z.string()),
  missing: z.array(z.string()),
});

/** "Did you mean": a pattern the message almost matched. */
export const AlternativeSchema = z.strictObject({
  patternId: z.string(),
  trigger: z.string(),
  question: z.string(),
  confidence: z.number(),
});

export const ReplySchema = z.strictObject({
  text: z.string(),
  patternId: z.string().nullable(),
  confidence: z.number(),
  captures: z.record(z.string(), z.string()),
  how: ExplanationSchema.optional(),
  alternatives: z.array(AlternativeSchema).optional(),
});

/** A pattern that already answered some of the messages a new or changed trigger answers. */
export const OverlapSchema = z.strictObject({ id: z.string(), trigger: z.string(), takesOver: z.boolean() });

/** One page, newest first; `nextCursor` asks for the next (null: that was the last). */
export const PatternListSchema = z.strictObject({ patterns: z.array(PatternSchema), nextCursor: z.string().nullable() });
export const PatternAnswerSchema = z.strictObject({ pattern: PatternSchema, overlaps: z.array(OverlapSchema) });
export const ChatAnswerSchema = z.strictObject({ reply: ReplySchema });
export const ImportAnswerSchema = z.strictObject({ imported: z.number().int() });
export type PatternList = z.infer<typeof PatternListSchema>;
export type PatternAnswer = z.infer<typeof PatternAnswerSchema>;
export type ChatAnswer = z.infer<typeof ChatAnswerSchema>;
export type ImportAnswer = z.infer<typeof ImportAnswerSchema>;

/** What the API shows of a user: never the hash, never the session version. */
export const UserSchema = z.strictObject({ id: z.string(), email: z.string(), createdAt: z.iso.datetime() });
export type User = z.infer<typeof UserSchema>;

export const UserAnswerSchema = z.strictObject({ user: UserSchema });
/** GET /api/auth/session: "nobody is signed in" is an ordinary answer there. */
export const SessionAnswerSchema = z.strictObject({ user: UserSchema.nullable() });
export const TokenAnswerSchema = z.strictObject({ token: z.string(), expiresInSeconds: z.number().int() });
export const MessageAnswerSchema = z.strictObject({ message: z.string() });
export type UserAnswer = z.infer<typeof UserAnswerSchema>;
export type SessionAnswer = z.infer<typeof SessionAnswerSchema>;
export type MessageAnswer = z.infer<typeof MessageAnswerSchema>;

/** An organization as its member sees it: with their own role in it. */
export const OrgSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  plan: z.enum(['free', 'pro', 'enterprise']),
  role: RoleSchema,
});
export type Org = z.infer<typeof OrgSchema>;
export const OrgListSchema = z.strictObject({ orgs: z.array(OrgSchema), activeOrgId: z.string().nullable() });
export const OrgAnswerSchema = z.strictObject({ org: OrgSchema });
export type OrgList = z.infer<typeof OrgListSchema>;
export type OrgAnswer = z.infer<typeof OrgAnswerSchema>;

// Stage 4: plans, usage and billing.
export const PlanSchema = z.enum(['free', 'pro', 'enterprise'], { error: 'Plan must be free, pro or enterprise.' });
export const CheckoutSchema = z.object({ plan: z.enum(['pro', 'enterprise'], { error: 'Plan must be pro or enterprise.' }) }, bodyError);
export const DemoPlanSchema = z.object({ plan: PlanSchema }, bodyError);
export const UrlAnswerSchema = z.strictObject({ url: z.string() });
const limit = z.number().int().nullable(); // null: unlimited
export const UsageSchema = z.strictObject({
  plan: PlanSchema, // the plan whose limits apply now
  paidPlan: PlanSchema, // the plan paid for (they differ once a past-due grace period is over)
  billingStatus: z.enum(['active', 'past_due']),
  graceEndsAt: z.iso.datetime().nullable(),
  limits: z.strictObject({ patterns: limit, chatsPerMonth: limit }),
  used: z.strictObject({ patterns: z.number().int(), chats: z.number().int(), teaches: z.number().int(), imports: z.number().int(), apiCalls: z.number().int() }),
  period: z.iso.date(),
  suspended: z.strictObject({ at: z.iso.datetime(), reason: z.string() }).nullable(),
  billing: z.enum(['stripe', 'demo']),
});
export type Usage = z.infer<typeof UsageSchema>;

export const MemberSchema = z.strictObject({ userId: z.string(), email: z.string(), role: RoleSchema, joinedAt: z.iso.datetime() });
/** An organization's SSO configuration as its owners see it: never the secret itself. */
export const SsoSettingsSchema = z.strictObject({
  issuer: z.string(),
  clientId: z.string(),
  emailDomain: z.string(),
  ssoRequired: z.boolean(),
  defaultRole: SsoRoleSchema,
  hasClientSecret: z.literal(true),
  updatedAt: z.iso.datetime(),
});
export type SsoSettings = z.infer<typeof SsoSettingsSchema>;
export const SsoSettingsAnswerSchema = z.strictObject({ sso: SsoSettingsSchema.nullable() });
export const SsoIssuerCheckedSchema = z.strictObject({ issuer: z.string(), authorizationEndpoint: z.string() });
/** The login page's first step: does this email's domain sign in with SSO (and must it)? */
export const SsoDiscoverySchema = z.strictObject({ sso: z.boolean(), required: z.boolean(), startUrl: z.string().nullable() });
export type SsoDiscovery = z.infer<typeof SsoDiscoverySchema>;
export type Member = z.infer<typeof MemberSchema>;
export const MemberListSchema = z.strictObject({ members: z.array(MemberSchema) });
export const MemberAnswerSchema = z.strictObject({ member: MemberSchema });

export const InvitationSchema = z.strictObject({
  id: z.string(),
  email: z.string().nullable(), // null for a domain invitation
  domain: z.string().nullable(), // "acme.com": anyone signed in with an email on it may join (until it expires or is revoked)
  role: RoleSchema,
  expiresAt: z.iso.datetime(),
  acceptedAt: z.iso.datetime().nullable(),
  invitedBy: z.string().nullable(), // the inviter's email
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime(), // last mailed (a resend moves it)
});
export type Invitation = z.infer<typeof InvitationSchema>;

// Stage 4: organization API keys.
export const CreateApiKeySchema = z.object({ name: text('Name', 100) }, bodyError);
export const ApiKeySchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  prefix: z.string(), // the first characters, to tell keys apart: jrny_sk_AbCd
  createdBy: z.string().nullable(), // the creator's email
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type ApiKey = z.infer<typeof ApiKeySchema>;

// Stage 4: support, and the platform admin panel.
export const SupportRequestSchema = z.object({ message: text('Message', 5000) }, bodyError);
export const AdminReplySchema = z.object({ message: text('Message', 5000) }, bodyError);
export const CompSchema = z.object({ plan: PlanSchema, reason: text('Reason', 500) }, bodyError);
export const SuspendSchema = z.object({ reason: text('Reason', 500) }, bodyError);
export const AdminOrgsQuerySchema = PageQuerySchema.extend({
  q: z.string({ error: 'q must be given once.' }).trim().max(100, 'q is too long.').default(''),
});
export const AdminMrrQuerySchema = z.object({
  days: z.enum(['30', '90'], { error: 'days must be 30 or 90.' }).default('30').transform(Number),
});
export const TicketsQuerySchema = z.object({ status: z.enum(['open', 'closed'], { error: 'status must be open or closed.' }).default('open') });
export const ApiKeyListSchema = z.strictObject({ apiKeys: z.array(ApiKeySchema) });
/** The key is in this answer once, and never again: only its SHA-256 is stored. */
export const ApiKeyCreatedSchema = z.strictObject({ apiKey: ApiKeySchema, key: z.string() });
export const InvitationListSchema = z.strictObject({ invitations: z.array(InvitationSchema) });
/** The link is shown once, to the inviter (to copy), and mailed; only its token's SHA-256 is stored. */
export const InvitationCreatedSchema = z.strictObject({ invitation: InvitationSchema, link: z.string() });
export type InvitationCreated = z.infer<typeof InvitationCreatedSchema>;
/**
 * Accepting a domain link (202): nobody joins yet. An email invitation went to the caller's own
 * address; opening it proves the mailbox is theirs, and joins.
 */
export const InvitationMailedSchema = z.strictObject({ mailed: z.strictObject({ to: z.string(), organization: z.string() }) });
export type InvitationMailed = z.infer<typeof InvitationMailedSchema>;

/** An owner's pending offer of ownership to one member; roles change only when they accept. */
export const OwnershipTransferSchema = z.strictObject({
  from: z.strictObject({ userId: z.string(), email: z.string() }),
  to: z.strictObject({ userId: z.string(), email: z.string() }),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});
export type OwnershipTransfer = z.infer<typeof OwnershipTransferSchema>;
/** null: no pending offer (none made, or it was accepted, declined, cancelled, or expired). */
export const OwnershipTransferAnswerSchema = z.strictObject({ transfer: OwnershipTransferSchema.nullable() });

// Stage 5: onboarding after signup (the "getting started" guide).
export const ONBOARDING_STEPS = ['welcome', 'key', 'install', 'test'] as const;
export const OnboardingStepSchema = z.enum(ONBOARDING_STEPS, { error: 'step must be welcome, key, install or test.' });
export type OnboardingStep = z.infer<typeof OnboardingStepSchema>;
const uuid = (label: string) => z.uuid({ error: `${label} must be an id.` });
/** Where a person is in the guide; `keyId` is the key made in it (in `orgId`), never the key itself. */
export const OnboardingSchema = z.strictObject({
  step: OnboardingStepSchema,
  status: z.enum(['active', 'skipped', 'done'], { error: 'status must be active, skipped or done.' }),
  orgId: uuid('orgId').nullable(),
  keyId: uuid('keyId').nullable(),
});
export type Onboarding = z.infer<typeof OnboardingSchema>;
export const SaveOnboardingSchema = z
  .object(OnboardingSchema.shape, bodyError)
  .refine((state) => state.keyId === null || state.orgId !== null, { message: 'A keyId needs the orgId it belongs to.', path: ['orgId'] });
export const OnboardingAnswerSchema = z.strictObject({ onboarding: OnboardingSchema });
/** ?wait=seconds: how long the server may hold the request until the first call (0: answer at once). */
export const FirstCallQuerySchema = z.object({
  wait: z.coerce.number({ error: 'wait must be a number of seconds.' }).int('wait must be whole seconds.').min(0, 'wait must be 0 to 25.').max(25, 'wait must be 0 to 25.').default(25),
});
/** Has the key (or any key of the organization) been used? `usedAt`: its last recorded use. */
export const FirstCallSchema = z.strictObject({ called: z.boolean(), usedAt: z.iso.datetime().nullable() });
export type FirstCall = z.infer<typeof FirstCallSchema>;

// ── Errors ──────────────────────────────────────────────────────────────────────────────────────

/** Every code a client may see in `error.code`: the one catalogue (src/server/errors.ts gives each its status). */
export const ErrorCodeSchema = z.enum([
  'invalid_request', // a body or parameter broke a rule; `details` lists them by field
  'invalid_json',
  'invalid_export', // not a patterns export file
  'input_too_long', // the engine's own limits (llm-core)
  'trigger_too_complex',
  'bad_request', // any other malformed request
  'invalid_path', // a broken %-escape in the address
  'invalid_cursor', // a page cursor the server did not give out
  'invalid_token', // a password-reset token that is unknown, used or expired
  'confirmation_mismatch', // deleting an organization: the typed name does not match
  'invalid_signature', // a Stripe webhook whose Stripe-Signature does not match its body
  'unauthorized', // no valid session
  'api_key_required', // /api/v1 is for programs: it takes an organization API key, never a session
  'invalid_credentials', // wrong email or password (one code for both)
  'plan_limit', // 402: the plan's limit is reached; `details` says { limit, plan, allowed, used, upgradeUrl }
  'cross_origin', // a change requested by another site (CSRF)
  'forbidden', // a member of the organization, but their role may not do this (or an API key off the brain's routes)
  'suspended', // the platform suspended this organization: no chat until it is lifted
  'invitation_wrong_email', // the invitation was sent to another email than the signed-in one
  'invitation_wrong_domain', // a domain invitation, and the signed-in email is not on that domain
  'not_found',
  'invitation_expired',
  'invitation_used', // accepted already (or revoked)
  'already_member',
  'last_owner', // the last owner cannot be removed, demoted or leave
  'transfer_pending', // the organization already has a pending ownership offer: cancel it first
  'transfer_expired', // the ownership offer is past its expiry: the owner may offer again
  'no_organization', // the user belongs to no organization: create one or accept an invitation
  'no_subscription', // the billing portal, for an organization that never paid
  'payload_too_large',
  'unsupported_media_type', // a body in a charset or encoding the server does not read
  'misdirected_request', // a Host this server does not answer for (DNS rebinding)
  'email_taken',
  'quota_exceeded', // the store is full; `details` says { limit, used, adding }
  'idempotency_key_reused', // an Idempotency-Key sent again with another request
  'idempotency_in_progress', // an Idempotency-Key whose first request is still running
  'too_many_attempts', // `details.retryAfterSeconds` says how long to wait
  'rate_limited', // too many requests this minute (per API key by plan, or per address); `details.retryAfterSeconds`
  'busy', // too many password hashes waiting; `details.retryAfterSeconds` says how long to wait
  'sso_required', // 403: this email's organization signs in through its identity provider; `details.startUrl` goes there
  'sso_domain_taken', // another organization's SSO configuration names this email domain
  'sso_issuer_unreachable', // the issuer's discovery document (/.well-known/openid-configuration) could not be read
  'sso_unavailable', // 503: no SSO_ENCRYPTION_KEY, so no client secret can be stored
  'internal_error',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/** Every error a client sees has this shape: `{ error: { code, message, details? } }`. */
export const ErrorBodySchema = z.strictObject({
  // requestId: the request's X-Request-Id, to quote to support (it is in the server's logs too).
  error: z.strictObject({ code: ErrorCodeSchema, message: z.string(), details: z.unknown().optional(), requestId: z.string() }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

// Stage 5: usage analytics (GET /api/orgs/:orgId/analytics?days=30|90[&format=csv]).
export const AnalyticsQuerySchema = z.object({
  days: z.enum(['30', '90'], { error: 'days must be 30 or 90.' }).default('30').transform(Number),
  format: z.enum(['json', 'csv'], { error: 'format must be json or csv.' }).default('json'),
});
const count = z.number().int();
export const AnalyticsSchema = z.strictObject({
  days: count,
  from: z.iso.date(), // the first UTC day shown; the last is today
  totals: z.strictObject({ chats: count, fallbacks: count, teaches: count, imports: count, apiCalls: count }),
  /** Share of chats no pattern answered (0 to 1), or null: no chats. */
  fallbackRate: z.number().nullable(),
  /** Every day from `from` to today, zeros included (the chart's x axis). */
  perDay: z.array(z.strictObject({ day: z.iso.date(), chats: count, fallbacks: count, teaches: count, imports: count, apiCalls: count })),
  unanswered: z.array(z.strictObject({ question: z.string(), count })),
  topPatterns: z.array(z.strictObject({ patternId: z.string(), trigger: z.string().nullable(), count })),
  activity: z.array(z.strictObject({ kind: z.enum(['member', 'key']), label: z.string().nullable(), chats: count, teaches: count, imports: count, apiCalls: count })),
});
export type Analytics = z.infer<typeof AnalyticsSchema>;
