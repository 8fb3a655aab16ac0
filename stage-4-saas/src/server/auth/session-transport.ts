import type { CookieOptions, Request, Response } from 'express';
import { SESSION_COOKIE } from './sessions';

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
  res.cookie(SESSION_COOKIE, token, sessionCookieOptions(production, maxAgeSeconds));
}

export function clearSessionCookie(res: Response, production: boolean): void {
  res.clearCookie(SESSION_COOKIE, sessionCookieOptions(production));
}

/** The token a request carries: the Bearer header first (a program said so explicitly), else the cookie. */
export function sessionTokenOf(req: Request): string | undefined {
  const header = req.get('authorization');
  const bearer = header?.match(/^Bearer ([\w.-]+)$/i)?.[1];
  if (bearer) return bearer;
  const cookie: unknown = req.cookies?.[SESSION_COOKIE];
  return typeof cookie === 'string' && cookie !== '' ? cookie : undefined;
}
