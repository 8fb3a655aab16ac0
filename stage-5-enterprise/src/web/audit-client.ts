import type { AuditPage } from '../shared/audit-api';
import { request } from './store';

/** The filters the audit log sends (empty ones are left out). */
export interface AuditFilters {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
}

/** Where an audit log reads from: one organization's trail, or (platform admins) every one. */
export interface AuditSource {
  page(filters: AuditFilters, cursor?: string): Promise<AuditPage>;
  /** A link the browser downloads itself (the session cookie goes along; the server names the file). */
  exportUrl(filters: AuditFilters, format: 'csv' | 'json'): string;
}

const query = (filters: Record<string, string | number | undefined>) =>
  new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)])).toString();

function sourceAt(path: string): AuditSource {
  return {
    page: (filters, cursor) => request<AuditPage>('', 'GET', `${path}?${query({ ...filters, cursor, limit: 25 })}`),
    exportUrl: (filters, format) => `${path}?${query({ ...filters, format })}`,
  };
}

/** GET /api/orgs/:orgId/audit: owners and admins. */
export const orgAudit = (orgId: string): AuditSource => sourceAt(`/api/orgs/${encodeURIComponent(orgId)}/audit`);
/** GET /api/admin/audit: every chain, for platform admins. */
export const platformAudit = (): AuditSource => sourceAt('/api/admin/audit');
