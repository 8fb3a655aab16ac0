import { Router } from 'express';
import type { Organizations } from '../organizations-service';
import { orgNotFound } from '../organizations-service';
import { activeOrgOf, setActiveOrgCookie } from '../auth/active-org';
import { signedInUser } from '../auth/require-user';
import { jsonBody } from '../body';
import { validate } from '../errors';
import { ChangeRoleSchema, CreateOrgSchema, DeleteOrgSchema } from '../../shared/api';

/** Organizations and their members. Every route reads the caller's role from the database (the service does). */
export function orgRoutes(organizations: Organizations, production: boolean): Router {
  const router = Router();

  router.get('/orgs', async (req, res) => {
    const { orgs, active } = await activeOrgOf(req, organizations);
    res.json({ orgs, activeOrgId: active?.id ?? null });
  });

  router.post('/orgs', jsonBody, async (req, res) => {
    const { name } = validate(CreateOrgSchema, req.body);
    res.status(201).json({ org: await organizations.create(signedInUser(req).id, name) });
  });

  router.post('/orgs/:orgId/activate', async (req, res) => {
    const org = await organizations.find(req.params.orgId, signedInUser(req).id);
    if (!org) throw orgNotFound();
    setActiveOrgCookie(res, org.id, production);
    res.json({ org });
  });

  router.delete('/orgs/:orgId', jsonBody, async (req, res) => {
    const { confirm } = validate(DeleteOrgSchema, req.body);
    await organizations.remove(signedInUser(req).id, req.params.orgId, confirm);
    res.status(204).end();
  });

  router.get('/orgs/:orgId/members', async (req, res) => {
    res.json({ members: await organizations.members(signedInUser(req).id, req.params.orgId) });
  });

  router.patch('/orgs/:orgId/members/:userId', jsonBody, async (req, res) => {
    const { role } = validate(ChangeRoleSchema, req.body);
    const member = await organizations.changeRole(signedInUser(req).id, req.params.orgId, req.params.userId, role);
    res.json({ member });
  });

  // Removing yourself is leaving.
  router.delete('/orgs/:orgId/members/:userId', async (req, res) => {
    await organizations.removeMember(signedInUser(req).id, req.params.orgId, req.params.userId);
    res.status(204).end();
  });

  return router;
}
