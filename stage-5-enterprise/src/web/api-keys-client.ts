import type { ApiKey } from '../shared/api';
import { request } from './store';

/**
 * The page's side of /api/orgs/:orgId/api-keys (admins and owners; the server checks the role).
 * The key itself comes back once, from `create`: the server keeps only its SHA-256.
 */
export class HttpApiKeys {
  constructor(private readonly base = '') {}

  async list(orgId: string): Promise<ApiKey[]> {
    return (await request<{ apiKeys: ApiKey[] }>(this.base, 'GET', path(orgId))).apiKeys;
  }

  create(orgId: string, name: string): Promise<{ apiKey: ApiKey; key: string }> {
    return request(this.base, 'POST', path(orgId), { name });
  }

  async revoke(orgId: string, keyId: string): Promise<void> {
    await request(this.base, 'DELETE', `${path(orgId)}/${encodeURIComponent(keyId)}`);
  }
}

const path = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}/api-keys`;
