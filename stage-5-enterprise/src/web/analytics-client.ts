import type { Analytics } from '../shared/api';
import { request } from './store';

/** The page's side of GET /api/orgs/:orgId/analytics (src/server/routes/analytics.ts): admins and owners. */
export const analyticsPath = (orgId: string, days: number, format: 'json' | 'csv' = 'json') =>
  `/api/orgs/${encodeURIComponent(orgId)}/analytics?days=${days}${format === 'csv' ? '&format=csv' : ''}`;

export const fetchAnalytics = (orgId: string, days: number): Promise<Analytics> => request<Analytics>('', 'GET', analyticsPath(orgId, days));
