import type { FirstCall, Onboarding } from '../shared/api';
import { request } from './store';

/** The page's side of the getting-started guide: where the person is in it, and "test connection". */
export class HttpOnboarding {
  constructor(private readonly base = '') {}

  async get(): Promise<Onboarding> {
    return (await request<{ onboarding: Onboarding }>(this.base, 'GET', '/api/onboarding')).onboarding;
  }

  async save(state: Onboarding): Promise<Onboarding> {
    return (await request<{ onboarding: Onboarding }>(this.base, 'PUT', '/api/onboarding', state)).onboarding;
  }

  /**
   * Has this key (keyId null: any of the organization's keys) made its first call? The server holds
   * the request up to `waitSeconds` and answers as soon as it has: a long poll. Abort with `signal`.
   */
  firstCall(orgId: string, keyId: string | null, waitSeconds: number, signal?: AbortSignal): Promise<FirstCall> {
    const key = keyId ? `${encodeURIComponent(keyId)}/` : '';
    return request(this.base, 'GET', `/api/orgs/${encodeURIComponent(orgId)}/api-keys/${key}first-call?wait=${waitSeconds}`, undefined, signal);
  }
}
