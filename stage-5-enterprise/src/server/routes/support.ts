import { Router } from 'express';
import type { Db } from '../db';
import { activeOrg } from '../auth/active-org';
import { signedInUser } from '../auth/require-user';
import { jsonBody } from '../body';
import { validate } from '../errors';
import { supportRepo } from '../support-repo';
import { SupportRequestSchema } from '../../shared/api';

/** "Contact support": a ticket with the active organization, the user and the message; admins answer by mail. */
export function supportRoutes(db: Db): Router {
  return Router().post('/support', jsonBody, async (req, res) => {
    const { message } = validate(SupportRequestSchema, req.body);
    const org = activeOrg(req);
    const id = await db.forOrg(org.id, (tx) => supportRepo.open(tx, org.id, signedInUser(req), message));
    res.status(201).json({ ticket: { id } });
  });
}
