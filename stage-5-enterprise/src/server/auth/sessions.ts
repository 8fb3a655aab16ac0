import { randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { STAGE } from '../../shared/stage';

/**
 * A session is a signed token (a JWT) that says "this is user X until time T". The signature
 * proves we issued it, but a signature cannot be taken back, so two checks against the database
 * ride along on every request: the user's `sessionVersion` (raised by "sign out everywhere" and a
 * password reset, which ends every older token) and the token's own id (`jti`), listed in
 * revoked_sessions once it logs out.
 */
export const DEFAULT_SESSION_SECONDS = 7 * 24 * 60 * 60;

const ALGORITHM = 'HS256'; // pinned: a token that names another algorithm (or "none") is refused
const ISSUER = `llm-journey/stage-${STAGE.number}`;
const AUDIENCE = `${ISSUER}/api`;

export interface SessionClaims {
  userId: string;
  sessionVersion: number;
}

/** What a verified token says besides its claims: its id and when it expires (seconds since 1970). */
export interface VerifiedSession extends SessionClaims {
  tokenId: string;
  expiresAt: number;
}

export class SessionTokens {
  /** Imported once: handing jose the raw bytes would import them again on every request. */
  private readonly key: Promise<CryptoKey>;

  constructor(
    secret: Uint8Array,
    readonly lifetimeSeconds: number = DEFAULT_SESSION_SECONDS,
  ) {
    this.key = crypto.subtle.importKey('raw', new Uint8Array(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
  }

  async issue(claims: SessionClaims): Promise<string> {
    return new SignJWT({ ver: claims.sessionVersion })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(claims.userId)
      .setJti(randomUUID())
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.lifetimeSeconds}s`)
      .sign(await this.key);
  }

  /**
   * The claims of a genuine, unexpired token of ours; null for anything else, never a throw. A
   * token issued longer ago than a session lasts is refused whatever its `exp` says.
   */
  async verify(token: string): Promise<VerifiedSession | null> {
    try {
      const { payload } = await jwtVerify(token, await this.key, {
        algorithms: [ALGORITHM],
        issuer: ISSUER,
        audience: AUDIENCE,
        requiredClaims: ['sub', 'iat', 'exp', 'ver', 'jti'],
        maxTokenAge: this.lifetimeSeconds,
      });
      if (typeof payload.sub !== 'string' || !Number.isInteger(payload.ver) || typeof payload.jti !== 'string') return null;
      return { userId: payload.sub, sessionVersion: payload.ver as number, tokenId: payload.jti, expiresAt: payload.exp! };
    } catch {
      return null; // bad signature, expired, wrong issuer/audience/algorithm, malformed
    }
  }
}
