import { Router } from 'express';
import type { Admin } from '../admin/admin-service';
import { signedInUser } from '../auth/require-user';
import { jsonBody } from '../body';
import { validate } from '../errors';
import { AdminMrrQuerySchema, AdminOrgsQuerySchema, AdminReplySchema, CompSchema, SuspendSchema, TicketsQuerySchema } from '../../shared/api';

/** /api/admin: platform admins only (the service answers 403 to everyone else, before reading anything). */
export function adminRoutes(admin: Admin): Router {
  const router = Router();
  const me = (req: Parameters<typeof signedInUser>[0]) => signedInUser(req).id;
  // Before anything else, even reading the body: 403 for everyone but platform admins.
  router.use('/admin', async (req, _res, next) => {
    await admin.check(me(req));
    req.asPlatformAdmin = true; // what this caller changes is recorded as the platform admin's doing
    next();
  });

  router.get('/admin/orgs', async (req, res) => {
    const { q, limit, cursor } = validate(AdminOrgsQuerySchema, req.query);
    res.json(await admin.orgs(me(req), q, limit, cursor));
  });
  router.get('/admin/orgs/:orgId', async (req, res) => {
    res.json({ org: await admin.org(me(req), req.params.orgId) });
  });
  router.post('/admin/orgs/:orgId/comp', jsonBody, async (req, res) => {
    const { plan, reason } = validate(CompSchema, req.body);
    await admin.comp(me(req), req.params.orgId, plan, reason);
    res.status(204).end();
  });
  router.post('/admin/orgs/:orgId/suspend', jsonBody, async (req, res) => {
    await admin.suspend(me(req), req.params.orgId, validate(SuspendSchema, req.body).reason);
    res.status(204).end();
  });
  router.post('/admin/orgs/:orgId/unsuspend', async (req, res) => {
    await admin.suspend(me(req), req.params.orgId, null);
    res.status(204).end();
  });
  router.get('/admin/billing', async (req, res) => {
    res.json(await admin.billing(me(req)));
  });
  router.get('/admin/usage', async (req, res) => {
    res.json(await admin.usage(me(req)));
  });
  router.get('/admin/mrr', async (req, res) => {
    res.json(await admin.mrr(me(req), validate(AdminMrrQuerySchema, req.query).days));
  });
  router.get('/admin/tickets', async (req, res) => {
    res.json({ tickets: await admin.tickets(me(req), validate(TicketsQuerySchema, req.query).status) });
  });
  router.post('/admin/tickets/:ticketId/reply', jsonBody, async (req, res) => {
    await admin.reply(me(req), req.params.ticketId, validate(AdminReplySchema, req.body).message);
    res.status(204).end();
  });
  router.post('/admin/tickets/:ticketId/close', async (req, res) => {
    await admin.close(me(req), req.params.ticketId);
    res.status(204).end();
  });

  return router;
}
