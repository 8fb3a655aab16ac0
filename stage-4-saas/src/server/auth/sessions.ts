import { SignJWT, jwtVerify } from 'jose';
import { STAGE } from '../../shared/stage';

/**
 * A session is a signed token (a JWT) that says "this is user X until time T". The server keeps
 * no session table: the signature proves we issued it. The price: a token cannot be taken back
 * before it expires, so a user's `sessionVersion` rides along and is compared with the database
 * on every request; a password reset raises it and every older token stops working.
 */
export const SESSION_COOKIE = 'session';
const DEFAULT_SESSION_SECONDS = 7 * 24 * 60 * 60;

const ALGORITHM = 'HS256'; // pinned: a token that names another algorithm (or "none") is refused
const ISSUER = `llm-journey/stage-${STAGE.number}`;
const AUDIENCE = `${ISSUER}/api`;

export interface SessionClaims {
  userId: string;
  sessionVersion: number;
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
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.lifetimeSeconds}s`)
      .sign(await this.key);
  }

  /** The claims of a genuine, unexpired token of ours; null for anything else, never a throw. */
  async verify(token: string): Promise<SessionClaims | null> {
    try {
      const { payload } = await jwtVerify(token, await this.key, {
        algorithms: [ALGORITHM],
        issuer: ISSUER,
        audience: AUDIENCE,
        requiredClaims: ['sub', 'iat', 'exp', 'ver'],
      });
      if (typeof payload.sub !== 'string' || !Number.isInteger(payload.ver)) return null;
      return { userId: payload.sub, sessionVersion: payload.ver as number };
    } catch {
      return null; // bad signature, expired, wrong issuer/audience/algorithm, malformed
    }
  }
}
