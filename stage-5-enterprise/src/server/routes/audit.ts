import { Router, type Response } from 'express';
import type { AuditLog } from '../audit/audit-service';
import { auditCsv } from '../audit/audit-csv';
import { signedInUser } from '../auth/require-user';
import { validate } from '../errors';
import { isUuid } from '../db/iso';
import { AuditQuerySchema } from '../../shared/audit-api';
import type { AuditEntry } from '../../shared/audit-api';

/** An export downloads as a file; `format` absent answers a page of JSON for the page. */
function sendExport(res: Response, format: 'csv' | 'json', name: string, entries: AuditEntry[]): void {
  const file = `audit-${name}-${new Date().toISOString().slice(0, 10)}.${format}`;
  res.attachment(file);
  if (format === 'csv') res.type('text/csv; charset=utf-8').send(auditCsv(entries));
  else res.json({ entries });
}

/** GET /api/orgs/:orgId/audit for owners and admins; GET /api/admin/audit for the platform admin (after adminRoutes' check). */
export function auditRoutes(audit: AuditLog): Router {
  const router = Router();

  router.get('/orgs/:orgId/audit', async (req, res) => {
    const { limit, cursor, format, ...filters } = validate(AuditQuerySchema, req.query);
    const me = signedInUser(req).id;
    if (format) return sendExport(res, format, 'org', await audit.export(me, req.params.orgId, filters));
    res.json(await audit.page(me, req.params.orgId, filters, limit, cursor));
  });

  router.get('/admin/audit', async (req, res) => {
    const { limit, cursor, format, ...filters } = validate(AuditQuerySchema, req.query);
    const org = typeof req.query.orgId === 'string' && (isUuid(req.query.orgId) || req.query.orgId === 'platform') ? req.query.orgId : undefined;
    const me = signedInUser(req).id;
    if (format) return sendExport(res, format, org ?? 'all', await audit.adminExport(me, org, filters));
    res.json(await audit.adminPage(me, org, filters, limit, cursor));
  });

  return router;
}
