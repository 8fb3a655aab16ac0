import { createHash } from 'node:crypto';
import type { Role, SsoDiscovery, SsoSettings, SsoSettingsInput } from '../../shared/api';
import { AppError } from '../app-error';
import type { Db, Queryable } from '../db';
import { isUniqueViolation } from '../db/iso';
import { organizationsRepo } from '../organizations-repo';
import { orgNotFound } from '../organizations-service';
import { requireRole } from '../roles';
import { createUsersRepo } from '../users-repo';
import { beginLogin, discover, finishLogin } from './oidc';
import type { SecretBox } from './secret-box';
import { ssoRepo, type SsoConfigRecord } from './sso-repo';

/** A login not finished within this many minutes is refused. */
export const SSO_LOGIN_MINUTES = 10;

/** Why an SSO login was refused: the login page turns each into a sentence (#sso-error=…). */
export type SsoFailure = 'not_configured' | 'provider_unreachable' | 'state' | 'nonce' | 'provider' | 'unverified' | 'domain' | 'account_exists';

export class SsoLoginError extends Error {
  constructor(
    readonly reason: SsoFailure,
    detail?: string,
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
  }
}

/**
 * What the audit trail records (issue 18): one `sso.configured` entry per change, with a short
 * before/after (null: none), never the secret. The hook runs inside the change's transaction, so
 * the integrator wires it to the audit helper's `recordAudit(tx, { orgId, action, target, summary })`
 * and the entry commits with the change or not at all.
 */
export interface SsoAuditEvent {
  action: 'sso.configured';
  orgId: string;
  target: { type: 'sso'; id: string; label: string };
  summary: { before: SsoAuditSide | null; after: SsoAuditSide | null };
}
type SsoAuditSide = Pick<SsoSettings, 'issuer' | 'clientId' | 'emailDomain' | 'ssoRequired' | 'defaultRole'> & { secretChanged?: boolean };

export interface SsoOptions {
  /** Encrypts client secrets; undefined (production without SSO_ENCRYPTION_KEY): nothing can be saved. */
  secretBox: SecretBox | undefined;
  /** The app's public address: the callback is `${appUrl}/api/auth/sso/callback`. */
  appUrl: string;
  /** audit: sso.configured (see SsoAuditEvent). */
  onAudit?: (tx: Queryable, event: SsoAuditEvent) => Promise<void>;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

const unreachable = (issuer: string, error: unknown) =>
  new AppError(
    'sso_issuer_unreachable',
    `Could not read ${issuer.replace(/\/$/, '')}/.well-known/openid-configuration: ${(error as Error).message}. Check the issuer URL.`,
  );

/**
 * Which ID token claim was wrong, if that was the problem: openid-client says "unexpected JWT claim
 * value encountered", caused by oauth4webapi's error, whose own cause names the claim.
 */
function mismatchedClaim(error: unknown): unknown {
  for (let cause = error as { claim?: unknown; cause?: unknown } | undefined; cause; cause = cause.cause as typeof cause) {
    if (cause.claim !== undefined) return cause.claim;
  }
  return undefined;
}

const auditSide = ({ issuer, clientId, emailDomain, ssoRequired, defaultRole }: SsoConfigRecord): SsoAuditSide =>
  ({ issuer, clientId, emailDomain, ssoRequired, defaultRole });

const ssoTarget = (config: SsoConfigRecord) => ({ type: 'sso' as const, id: config.orgId, label: config.emailDomain });

const publicSettings = (config: SsoConfigRecord): SsoSettings => ({
  issuer: config.issuer,
  clientId: config.clientId,
  emailDomain: config.emailDomain,
  ssoRequired: config.ssoRequired,
  defaultRole: config.defaultRole,
  hasClientSecret: true,
  updatedAt: config.updatedAt,
});

/**
 * Single sign-on with OpenID Connect: owners configure their organization's provider; people of
 * its email domain sign in there and join just in time. See docs/stage-4-to-5.md.
 */
export function createSso(db: Db, options: SsoOptions) {
  const users = createUsersRepo(db);
  const callbackUrl = `${options.appUrl}/api/auth/sso/callback`;
  const startUrlFor = (email: string) => `/api/auth/sso/start?email=${encodeURIComponent(email)}`;
  const configForDomain = (domain: string) => db.forSsoDomain(domain, (tx) => ssoRepo.byDomain(tx, domain));

  /** The owner's view of their organization, or 404 (outsiders) / 403 (not an owner). */
  async function asOwner<T>(actorId: string, orgId: string, action: string, work: (tx: Queryable) => Promise<T>) {
    return db.forOrg(orgId, async (tx) => {
      const org = await organizationsRepo.asSeenBy(tx, orgId, actorId);
      if (!org) throw orgNotFound();
      requireRole(org.role, 'owner', action);
      return work(tx);
    });
  }

  /** The provider of a saved configuration, its secret opened; a failure is the login's 'provider_unreachable'. */
  async function clientOf(config: SsoConfigRecord) {
    try {
      if (!options.secretBox) throw new Error('SSO_ENCRYPTION_KEY is not set');
      return await discover({ issuer: config.issuer, clientId: config.clientId, clientSecret: options.secretBox.open(config.clientSecretEncrypted) });
    } catch (error) {
      throw new SsoLoginError('provider_unreachable', (error as Error).message);
    }
  }

  return {
    settings: (actorId: string, orgId: string): Promise<SsoSettings | null> =>
      asOwner(actorId, orgId, 'see single sign-on', async (tx) => {
        const config = await ssoRepo.forOrg(tx, orgId);
        return config ? publicSettings(config) : null;
      }),

    /**
     * Saves after the issuer answered discovery; the secret is sealed before it reaches the
     * database. Discovery runs between two transactions, so none waits on the network.
     */
    async save(actorId: string, orgId: string, input: SsoSettingsInput): Promise<SsoSettings> {
      const box = options.secretBox;
      if (!box) throw new AppError('sso_unavailable', 'Single sign-on needs SSO_ENCRYPTION_KEY (32 bytes, base64: openssl rand -base64 32) to store client secrets encrypted. Set it and restart.');
      const before = await asOwner(actorId, orgId, 'configure single sign-on', (tx) => ssoRepo.forOrg(tx, orgId));
      const clientSecret = input.clientSecret ?? (before && box.open(before.clientSecretEncrypted));
      if (!clientSecret) throw new AppError('invalid_request', 'clientSecret: Client secret is required.', [{ path: 'clientSecret', message: 'Client secret is required.' }]);
      try {
        await discover({ issuer: input.issuer, clientId: input.clientId, clientSecret });
      } catch (error) {
        throw unreachable(input.issuer, error);
      }
      const saved = await asOwner(actorId, orgId, 'configure single sign-on', async (tx) => {
        const current = await ssoRepo.forOrg(tx, orgId);
        let saved: SsoConfigRecord;
        try {
          saved = await ssoRepo.save(tx, { orgId, ...input, clientSecretEncrypted: box.seal(clientSecret) }, actorId);
        } catch (error) {
          if (isUniqueViolation(error)) throw new AppError('sso_domain_taken', `Another organization already signs in ${input.emailDomain} with single sign-on.`);
          throw error;
        }
        // audit: sso.configured
        const after = { ...auditSide(saved), secretChanged: input.clientSecret !== undefined };
        await options.onAudit?.(tx, { action: 'sso.configured', orgId, target: ssoTarget(saved), summary: { before: current ? auditSide(current) : null, after } });
        return saved;
      });
      return publicSettings(saved);
    },

    remove: (actorId: string, orgId: string): Promise<void> =>
      asOwner(actorId, orgId, 'configure single sign-on', async (tx) => {
        const current = await ssoRepo.forOrg(tx, orgId);
        if (!current || !(await ssoRepo.remove(tx, orgId))) return;
        // audit: sso.configured (turned off)
        await options.onAudit?.(tx, { action: 'sso.configured', orgId, target: ssoTarget(current), summary: { before: auditSide(current), after: null } });
      }),

    /** "Check issuer": reads the discovery document, saves nothing. */
    checkIssuer: (actorId: string, orgId: string, issuer: string) =>
      asOwner(actorId, orgId, 'configure single sign-on', async () => {
        try {
          const meta = (await discover({ issuer, clientId: 'check', clientSecret: 'check' })).serverMetadata();
          return { issuer: meta.issuer, authorizationEndpoint: meta.authorization_endpoint ?? '' };
        } catch (error) {
          throw unreachable(issuer, error);
        }
      }),

    /** The login page's first step. Public: anyone could try the domain at the provider anyway. */
    async discovery(email: string): Promise<SsoDiscovery> {
      const config = await configForDomain(domainOf(email));
      return config ? { sso: true, required: config.ssoRequired, startUrl: startUrlFor(email) } : { sso: false, required: false, startUrl: null };
    },

    /** 403 sso_required for a password login, token or signup on a domain that must use its provider. */
    async refusePassword(email: string): Promise<void> {
      const config = await configForDomain(domainOf(email));
      if (config?.ssoRequired) {
        throw new AppError('sso_required', `${config.emailDomain} signs in with single sign-on: use "Continue with SSO".`, { startUrl: startUrlFor(email) });
      }
    },

    /** Step 1: the provider's address to send the browser to, and the state to bind to this browser. */
    async start(email: string): Promise<{ redirectTo: string; state: string }> {
      const config = await configForDomain(domainOf(email));
      if (!config) throw new SsoLoginError('not_configured');
      const oidc = await clientOf(config);
      const { url, pending } = await beginLogin(oidc, callbackUrl, email);
      await db.forOrg(config.orgId, (tx) => ssoRepo.addLogin(tx, config.orgId, sha256(pending.state), pending, SSO_LOGIN_MINUTES));
      return { redirectTo: url.href, state: pending.state };
    },

    /**
     * Step 2, the callback: the state must be this browser's (its cookie) and unused; the provider
     * checks the PKCE verifier, openid-client the ID token (issuer, audience, nonce). Then the
     * email: verified, on the configured domain. Answers who signed in, and into which organization.
     */
    async finish(query: URLSearchParams, browserState: string | undefined): Promise<{ userId: string; orgId: string }> {
      const state = query.get('state');
      if (!state || state !== browserState) throw new SsoLoginError('state', 'not the state this browser started with');
      const stateHash = sha256(state);
      const pending = await db.forSsoState(stateHash, (tx) => ssoRepo.consumeLogin(tx, stateHash));
      if (!pending) throw new SsoLoginError('state', 'unknown, used or expired');
      const config = await db.forOrg(pending.orgId, (tx) => ssoRepo.forOrg(tx, pending.orgId));
      if (!config) throw new SsoLoginError('not_configured');
      const oidc = await clientOf(config);
      const identity = await finishLogin(oidc, new URL(`${callbackUrl}?${query}`), { state, ...pending }).catch((error: Error) => {
        throw new SsoLoginError(mismatchedClaim(error) === 'nonce' ? 'nonce' : 'provider', error.message);
      });
      if (typeof identity.email !== 'string' || identity.emailVerified !== true) throw new SsoLoginError('unverified');
      const email = identity.email.toLowerCase();
      if (domainOf(email) !== config.emailDomain) throw new SsoLoginError('domain', `${email} is not on ${config.emailDomain}`);
      return { userId: await joinJustInTime(config, email), orgId: config.orgId };
    },
  };

  /**
   * The account for a verified email, made now if new (no password), and a member of the
   * organization with its default role. An existing account that is not a member yet is refused:
   * whoever configures a domain has not proved they own it, so their provider must not be able to
   * sign in as an account made elsewhere. Such a person is invited instead (then SSO works).
   */
  function joinJustInTime(config: SsoConfigRecord, email: string): Promise<string> {
    return db.forOrg(config.orgId, async (tx) => {
      const existing = await users.byEmail(email, tx);
      if (existing) {
        if (!(await organizationsRepo.asSeenBy(tx, config.orgId, existing.id))) throw new SsoLoginError('account_exists');
        return existing.id;
      }
      const user = await users.insert(email, null, tx);
      if (!user) throw new SsoLoginError('account_exists'); // made by a parallel request meanwhile
      await organizationsRepo.addMember(tx, config.orgId, user.id, config.defaultRole satisfies Role);
      return user.id;
    });
  }
}

export type Sso = ReturnType<typeof createSso>;
