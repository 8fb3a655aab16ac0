import type { Db } from '../db';
import { EXAMPLE_PATTERNS } from '../examples';
import { newOrganization, personalOrganizationName } from '../organizations-service';
import { organizationsRepo } from '../organizations-repo';
import { patternsRepo } from '../patterns-repo';
import { AppError } from '../app-error';
import type { Mailer } from '../mail/outbox';
import { createPasswordResetsRepo } from '../password-resets-repo';
import type { User } from '../../shared/api';
import { createUsersRepo, publicUser, type UserRecord } from '../users-repo';
import { PASSWORD_BYTES, PasswordHasher, passwordProblem } from './passwords';
import { PasswordResets, RESET_TOKEN_MINUTES } from './password-reset';
import { SessionTokens } from './sessions';
import { createRevokedSessionsRepo } from '../revoked-sessions-repo';
import { AttemptThrottle, inMemory, type LimiterFactory } from './throttle';
import { recordAudit, type AuditAction } from '../audit/audit';

export interface AccountsOptions {
  /** The key that signs session tokens (see session-secret.ts). */
  secret: Uint8Array;
  mailer: Mailer;
  /** The app's public address, for links in mails. Never taken from the request's Host header,
   * which an attacker can set to their own site and so receive someone's reset link. */
  appUrl: string;
  /** Tests pass a low cost for speed; everywhere else the default (12) applies. */
  hasher?: PasswordHasher;
  /** Signups one address may make in 15 minutes (SIGNUPS_PER_ADDRESS). */
  signupsPerAddress?: number;
  sessionSeconds?: number;
  /** Where throttle counters live: memory here, Redis in stage 5. */
  limiters?: LimiterFactory;
}

const MINUTES = 60;

/**
 * Logins (and token requests). Counted per account AND address first, so a stranger's wrong
 * guesses lock out that stranger's address, not the owner, who gets in from their own. Guesses
 * spread over many addresses meet the per-account rule: slower, but it holds. One address trying
 * many accounts meets the per-address rule.
 */
export const LOGIN_RULES = {
  accountAtAddress: { attempts: 5, windowSeconds: 15 * MINUTES },
  address: { attempts: 20, windowSeconds: 15 * MINUTES },
  account: { attempts: 30, windowSeconds: 60 * MINUTES },
} as const;
/** Reset mails: the same shape, so others' requests do not block the owner's; at most 10 mails an hour to one account. */
export const RESET_RULES = {
  accountAtAddress: { attempts: 5, windowSeconds: 15 * MINUTES },
  address: { attempts: 20, windowSeconds: 15 * MINUTES },
  account: { attempts: 10, windowSeconds: 60 * MINUTES },
} as const;
/**
 * Every signup costs a bcrypt hash: unlimited, one client could keep the hashing threads busy.
 * 30 per address per 15 minutes, unless SIGNUPS_PER_ADDRESS says otherwise (the browser checks,
 * which all come from 127.0.0.1, sign up more people than that).
 */
export const signupRules = (perAddress = 30) => ({ address: { attempts: perAddress, windowSeconds: 15 * MINUTES } }) as const;

/** The keys an attempt is counted by. */
const attemptKeys = (email: string, ip: string) => ({ account: email, address: ip, accountAtAddress: `${email} ${ip}` });

/** One message for "no such email" and "wrong password", so nobody can probe who has an account. */
const invalidCredentials = () => new AppError('invalid_credentials', 'Wrong email or password.');

const tooManyAttempts = (retryAfterSeconds: number) => {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  const message = `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
  return new AppError('too_many_attempts', message, { retryAfterSeconds });
};

const weakPassword = (problem: string) =>
  new AppError('invalid_request', `password: ${problem}`, [{ path: 'password', message: problem }]);

/** Signing up, logging in, sessions and password resets: the whole authentication layer's logic. */
export function createAccounts(db: Db, options: AccountsOptions) {
  const users = createUsersRepo(db);
  const resets = new PasswordResets(createPasswordResetsRepo(db));
  const hasher = options.hasher ?? new PasswordHasher();
  const tokens = new SessionTokens(options.secret, options.sessionSeconds);
  const revoked = createRevokedSessionsRepo(db);
  const loginThrottle = new AttemptThrottle('login', LOGIN_RULES, options.limiters ?? inMemory);
  const resetThrottle = new AttemptThrottle('reset', RESET_RULES, options.limiters ?? inMemory);
  const signupThrottle = new AttemptThrottle('signup', signupRules(options.signupsPerAddress), options.limiters ?? inMemory);

  /** Throws 429 (with the seconds to wait) when any of the keys is out of attempts. */
  async function throttle<Rule extends string>(limiter: AttemptThrottle<Rule>, keys: Record<Rule, string>): Promise<void> {
    const verdict = await limiter.attempt(keys);
    if (!verdict.allowed) throw tooManyAttempts(verdict.retryAfterSeconds);
  }

  async function mailResetLink(email: string): Promise<void> {
    const user = await users.byEmail(email);
    if (!user) return;
    const token = await resets.issue(user.id);
    await options.mailer.send({
      to: user.email,
      subject: 'Reset your password',
      text: [
        'Someone (hopefully you) asked to reset the password of your LLM Journey account.',
        `Open this link within ${RESET_TOKEN_MINUTES} minutes to choose a new one:`,
        '',
        `${options.appUrl}/#reset=${token}`,
        '',
        'If it was not you, ignore this mail: your password stays as it is.',
      ].join('\n'),
    });
  }

  /**
   * Account events go to the platform chain (org_id NULL), which only the platform admin reads: a
   * login acts in no organization, and a person in several organizations would otherwise tell each
   * of them about the others; a failure for an unknown email belongs to nobody at all.
   */
  const recordAccountEvent = (action: AuditAction, user: { id: string | null; email: string }, summary?: Record<string, unknown>) =>
    db.transaction((tx) =>
      recordAudit(tx, { orgId: null, action, actor: { type: 'user', id: user.id, label: user.email }, target: { type: 'user', id: user.id, label: user.email }, summary }),
    );

  /** Both "unknown email" and "wrong password" spend one bcrypt comparison: same answer, same time. */
  async function checkCredentials(email: string, password: string): Promise<UserRecord | undefined> {
    const user = await users.byEmail(email);
    // Longer than bcrypt reads: it could only "match" by its first 72 bytes, so it never does.
    // No password hash: an account made by single sign-on, which no password opens.
    if (!user?.passwordHash || Buffer.byteLength(password) > PASSWORD_BYTES.max) {
      await hasher.verifyNobody(password);
      return undefined;
    }
    return (await hasher.verify(password, user.passwordHash)) ? user : undefined;
  }

  return {
    sessionSeconds: tokens.lifetimeSeconds,

    /**
     * A new account with its personal organization (owned by it) holding the example patterns, so
     * its first chat already works: all of it commits in one transaction, or none does. 409 when
     * the email has an account. (This does tell that it exists: see the README.)
     */
    async signUp(email: string, password: string, ip: string): Promise<User> {
      const problem = passwordProblem(password, email);
      if (problem) throw weakPassword(problem);
      await throttle(signupThrottle, { address: ip }); // counted once the request would cost a hash
      const hash = await hasher.hash(password); // before the transaction, which must not wait for bcrypt
      const org = newOrganization(personalOrganizationName(email));
      return db.forOrg(org.id, async (tx) => {
        const user = await users.insert(email, hash, tx);
        if (!user) throw new AppError('email_taken', 'An account with this email already exists. Log in instead.');
        await organizationsRepo.insert(tx, org, user.id);
        for (const example of EXAMPLE_PATTERNS) await patternsRepo.insert(tx, org.id, user, example);
        return publicUser(user);
      });
    },

    /** The user, or 401 for any wrong email/password, or 429 after too many attempts. */
    async logIn(email: string, password: string, ip: string): Promise<User> {
      const keys = attemptKeys(email, ip);
      await throttle(loginThrottle, keys);
      const user = await checkCredentials(email, password);
      if (!user) {
        const known = await users.byEmail(email);
        await recordAccountEvent('auth.login_failed', { id: known?.id ?? null, email }, { reason: known ? 'wrong_password' : 'unknown_email' });
        throw invalidCredentials();
      }
      await loginThrottle.succeeded(keys);
      await recordAccountEvent('auth.login_succeeded', user);
      if (user.passwordHash && hasher.isOutdated(user.passwordHash)) await users.rehash(user.id, await hasher.hash(password));
      return publicUser(user);
    },

    /** A signed session token for the user (cookie for browsers, Bearer for programs). */
    async startSession(userId: string): Promise<string> {
      const user = await users.byId(userId);
      if (!user) throw new Error(`No user ${userId}.`);
      return tokens.issue({ userId: user.id, sessionVersion: user.sessionVersion });
    },

    /** Who a token belongs to, if it is genuine, unexpired, of an existing user, and not ended since. */
    async userForSession(token: string): Promise<User | undefined> {
      const claims = await tokens.verify(token);
      if (!claims || (await revoked.isRevoked(claims.tokenId))) return undefined;
      const user = await users.byId(claims.userId);
      return user && user.sessionVersion === claims.sessionVersion ? publicUser(user) : undefined;
    },

    /** Logout: this token stops working on the server, not only in this browser. */
    async endSession(token: string): Promise<void> {
      const claims = await tokens.verify(token);
      if (!claims) return;
      await revoked.revoke(claims.tokenId, claims.expiresAt);
      const user = await users.byId(claims.userId);
      if (user) await recordAccountEvent('auth.logged_out', user);
    },

    /** "Sign out everywhere": every token of this user issued so far stops working. */
    async endAllSessions(user: { id: string; email: string }): Promise<void> {
      await users.endSessions(user.id);
      await recordAccountEvent('auth.logged_out_everywhere', user);
    },

    /**
     * Mails a reset link if the account exists. Only the throttle runs before the caller answers:
     * looking the email up, storing the token and writing the mail happen after that answer (the
     * returned `mailed`), so a known email is answered exactly as fast as an unknown one.
     */
    async requestPasswordReset(email: string, ip: string): Promise<{ mailed: Promise<void> }> {
      await throttle(resetThrottle, attemptKeys(email, ip));
      return { mailed: new Promise((resolve) => setImmediate(resolve)).then(() => mailResetLink(email)) };
    },

    /** Sets a new password with a mailed token: once, within 30 minutes. Ends every existing session. */
    async resetPassword(token: string, password: string): Promise<void> {
      const invalidToken = new AppError('invalid_token', 'This reset link is invalid, used or expired. Ask for a new one.');
      const pending = await resets.find(token);
      const user = pending ? await users.byId(pending) : undefined;
      if (!user) throw invalidToken;
      const problem = passwordProblem(password, user.email);
      if (problem) throw weakPassword(problem);
      const hash = await hasher.hash(password);
      // Using the token and changing the password commit together: never one without the other.
      const done = await db.transaction(async (tx) => {
        if ((await resets.consume(token, tx)) !== user.id) return false;
        await users.changePassword(user.id, hash, tx);
        return true;
      });
      if (!done) throw invalidToken; // used by a parallel request meanwhile
      await recordAccountEvent('auth.password_reset', user);
    },
  };
}

export type Accounts = ReturnType<typeof createAccounts>;
