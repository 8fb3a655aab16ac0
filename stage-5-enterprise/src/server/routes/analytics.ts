import { Router } from 'express';
import type { AnalyticsService } from '../analytics/analytics-service';
import { analyticsCsv } from '../analytics/analytics-csv';
import { signedInUser } from '../auth/require-user';
import { validate } from '../errors';
import { AnalyticsQuerySchema } from '../../shared/api';

/** GET /api/orgs/:orgId/analytics?days=30|90&format=json|csv: owners and admins (the service checks). */
export function analyticsRoutes(analytics: AnalyticsService): Router {
  return Router().get('/orgs/:orgId/analytics', async (req, res) => {
    const { days, format } = validate(AnalyticsQuerySchema, req.query);
    const answer = await analytics.forOrg(signedInUser(req).id, req.params.orgId, days);
    if (format === 'json') return void res.json(answer);
    res.attachment(`analytics-${answer.from}-${days}d.csv`).type('text/csv').send(analyticsCsv(answer));
  });
}
