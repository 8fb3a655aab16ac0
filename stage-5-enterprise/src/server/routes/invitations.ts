import { Router } from 'express';
import type { Invitations } from '../invitations-service';
import { setActiveOrgCookie } from '../auth/active-org';
import { signedInUser } from '../auth/require-user';
import { jsonBody } from '../body';
import { validate } from '../errors';
import { AcceptInvitationSchema, DomainInviteSchema, InviteSchema } from '../../shared/api';

export function invitationRoutes(invitations: Invitations, production: boolean): Router {
  const router = Router();

  router.get('/orgs/:orgId/invitations', async (req, res) => {
    res.json({ invitations: await invitations.list(signedInUser(req).id, req.params.orgId) });
  });

  router.post('/orgs/:orgId/invitations', jsonBody, async (req, res) => {
    const { email, role } = validate(InviteSchema, req.body);
    res.status(201).json(await invitations.invite(signedInUser(req), req.params.orgId, email, role));
  });

  // A link for everyone on an email domain (nothing mailed: the admin shares it).
  router.post('/orgs/:orgId/domain-invitations', jsonBody, async (req, res) => {
    const { domain, role } = validate(DomainInviteSchema, req.body);
    res.status(201).json(await invitations.inviteDomain(signedInUser(req).id, req.params.orgId, domain, role));
  });

  // A new link, mailed again; the old one stops working.
  router.post('/orgs/:orgId/invitations/:id/resend', async (req, res) => {
    res.json(await invitations.resend(signedInUser(req), req.params.orgId, req.params.id));
  });

  router.delete('/orgs/:orgId/invitations/:id', async (req, res) => {
    await invitations.revoke(signedInUser(req).id, req.params.orgId, req.params.id);
    res.status(204).end();
  });

  // Joining makes the new organization the active one: the next page shows its brain.
  router.post('/invitations/accept', jsonBody, async (req, res) => {
    const { token } = validate(AcceptInvitationSchema, req.body);
    const org = await invitations.accept(signedInUser(req), token);
    setActiveOrgCookie(res, org.id, production);
    res.json({ org });
  });

  return router;
}
