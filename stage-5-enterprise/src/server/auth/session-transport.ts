import type { CookieOptions, Request, Response } from 'express';

/**
 * In production the name carries the `__Host-` prefix: browsers then accept the cookie only when
 * it is Secure, for path / and without a Domain, so a sibling subdomain cannot plant its own
 * session here. (Over plain http on localhost, in development, the prefix could not be set.)
 */
export const sessionCookieName = (production: boolean) => (production ? '__Host-session' : 'session');

/**
 * How a session travels. Browsers get the token in a cookie that page scripts cannot read
 * (httpOnly: an injected script cannot steal it), that other sites' requests do not carry
 * (SameSite=Lax: the first line against CSRF) and, in production, only over https (Secure).
 * Programs send it themselves: `Authorization: Bearer <token>`.
 */
function sessionCookieOptions(production: boolean, maxAgeSeconds?: number): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure: production,
    path: '/',
    ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds * 1000 }),
  };
}

export function setSessionCookie(res: Response, token: string, production: boolean, maxAgeSeconds: number): void {
  res.cookie(sessionCookieName(production), token, sessionCookieOptions(production, maxAgeSeconds));
}

export function clearSessionCookie(res: Response, production: boolean): void {
  res.clearCookie(sessionCookieName(production), sessionCookieOptions(production));
}

/** The token a request carries: the Bearer header first (a program said so explicitly), else the cookie. */
export function sessionTokenOf(req: Request, production: boolean): string | undefined {
  const header = req.get('authorization');
  const bearer = header?.match(/^Bearer ([\w.-]+)$/i)?.[1];
  if (bearer) return bearer;
  const cookie: unknown = req.cookies?.[sessionCookieName(production)];
  return typeof cookie === 'string' && cookie !== '' ? cookie : undefined;
}
