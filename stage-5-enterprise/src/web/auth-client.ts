import type { MessageAnswer, SessionAnswer, SsoDiscovery, User, UserAnswer } from '../shared/api';
import { request } from './store';

/**
 * The page's side of /api/auth. The session itself is a cookie the page never sees (httpOnly):
 * these calls only ask the server to set it, check it or clear it.
 */
export class HttpAuth {
  constructor(private readonly base = '') {}

  /** Who is signed in, or null. */
  async currentUser(): Promise<User | null> {
    return (await request<SessionAnswer>(this.base, 'GET', '/api/auth/session')).user;
  }

  async signUp(email: string, password: string): Promise<User> {
    return (await request<UserAnswer>(this.base, 'POST', '/api/auth/signup', { email, password })).user;
  }

  async logIn(email: string, password: string): Promise<User> {
    return (await request<UserAnswer>(this.base, 'POST', '/api/auth/login', { email, password })).user;
  }

  /** The first step of signing in: does this email's organization sign in with single sign-on? */
  async discoverSso(email: string): Promise<SsoDiscovery> {
    return request<SsoDiscovery>(this.base, 'GET', `/api/auth/sso/discover?email=${encodeURIComponent(email)}`);
  }

  async logOut(): Promise<void> {
    await request(this.base, 'POST', '/api/auth/logout');
  }

  /** Ends every session of this account: other browsers and programs' tokens too. */
  async logOutEverywhere(): Promise<void> {
    await request(this.base, 'POST', '/api/auth/logout-everywhere');
  }

  /** The server's answer, the same whether or not the email has an account. */
  async forgotPassword(email: string): Promise<string> {
    return (await request<MessageAnswer>(this.base, 'POST', '/api/auth/forgot-password', { email })).message;
  }

  async resetPassword(token: string, password: string): Promise<void> {
    await request(this.base, 'POST', '/api/auth/reset-password', { token, password });
  }
}
