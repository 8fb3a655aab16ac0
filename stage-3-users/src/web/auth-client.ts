import { request } from './store';

/** A signed-in person as the API shows them. */
export interface User {
  id: string;
  email: string;
  createdAt: string;
}

/**
 * The page's side of /api/auth. The session itself is a cookie the page never sees (httpOnly):
 * these calls only ask the server to set it, check it or clear it.
 */
export class HttpAuth {
  constructor(private readonly base = '') {}

  /** Who is signed in, or null. */
  async currentUser(): Promise<User | null> {
    return (await request<{ user: User | null }>(this.base, 'GET', '/api/auth/session')).user;
  }

  async signUp(email: string, password: string): Promise<User> {
    return (await request<{ user: User }>(this.base, 'POST', '/api/auth/signup', { email, password })).user;
  }

  async logIn(email: string, password: string): Promise<User> {
    return (await request<{ user: User }>(this.base, 'POST', '/api/auth/login', { email, password })).user;
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
    return (await request<{ message: string }>(this.base, 'POST', '/api/auth/forgot-password', { email })).message;
  }

  async resetPassword(token: string, password: string): Promise<void> {
    await request(this.base, 'POST', '/api/auth/reset-password', { token, password });
  }
}
