import type { SsoSettings, SsoSettingsInput } from '../shared/api';
import { request } from './store';

const path = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}/sso`;

/** The page's side of /api/orgs/:orgId/sso (owners only; the server checks the role). */
export class HttpSso {
  constructor(private readonly base = '') {}

  async get(orgId: string): Promise<SsoSettings | null> {
    return (await request<{ sso: SsoSettings | null }>(this.base, 'GET', path(orgId))).sso;
  }

  /** Leave clientSecret out to keep the stored one. */
  async save(orgId: string, input: SsoSettingsInput): Promise<SsoSettings> {
    return (await request<{ sso: SsoSettings }>(this.base, 'PUT', path(orgId), input)).sso;
  }

  async remove(orgId: string): Promise<void> {
    await request(this.base, 'DELETE', path(orgId));
  }

  /** Reads the issuer's discovery document; saves nothing. */
  check(orgId: string, issuer: string): Promise<{ issuer: string; authorizationEndpoint: string }> {
    return request(this.base, 'POST', `${path(orgId)}/check`, { issuer });
  }
}
