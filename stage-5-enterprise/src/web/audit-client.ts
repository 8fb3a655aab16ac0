import type { AuditPage } from '../shared/audit-api';
import { request } from './store';

/** The filters the audit tab sends (empty ones are left out). */
export interface AuditFilters {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
}

const query = (filters: AuditFilters & { cursor?: string; format?: 'csv' | 'json'; limit?: number }) =>
  new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)])).toString();

/** The page's side of GET /api/orgs/:orgId/audit: a page of entries, or the address of an export. */
export const auditClient = {
  page: (orgId: string, filters: AuditFilters, cursor?: string): Promise<AuditPage> =>
    request<AuditPage>('', 'GET', `/api/orgs/${encodeURIComponent(orgId)}/audit?${query({ ...filters, cursor, limit: 25 })}`),

  /** A link the browser downloads itself (the session cookie goes along; the server names the file). */
  exportUrl: (orgId: string, filters: AuditFilters, format: 'csv' | 'json'): string =>
    `/api/orgs/${encodeURIComponent(orgId)}/audit?${query({ ...filters, format })}`,
};
