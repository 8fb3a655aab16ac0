import { Router } from 'express';
import type { OwnershipTransfers } from '../ownership-transfers-service';
import { signedInUser } from '../auth/require-user';
import { jsonBody } from '../body';
import { validate } from '../errors';
import { OwnershipOfferSchema } from '../../shared/api';

/** The two-step ownership transfer: an owner offers, the member accepts or declines, an owner may cancel. */
export function ownershipTransferRoutes(transfers: OwnershipTransfers): Router {
  const router = Router();
  const base = '/orgs/:orgId/ownership-transfer';

  router.get(base, async (req, res) => {
    res.json({ transfer: await transfers.current(signedInUser(req).id, req.params.orgId) });
  });

  router.post(base, jsonBody, async (req, res) => {
    const { userId } = validate(OwnershipOfferSchema, req.body);
    res.status(201).json({ transfer: await transfers.offer(signedInUser(req).id, req.params.orgId, userId) });
  });

  router.delete(base, async (req, res) => {
    await transfers.cancel(signedInUser(req).id, req.params.orgId);
    res.status(204).end();
  });

  router.post(`${base}/accept`, async (req, res) => {
    res.json({ org: await transfers.accept(signedInUser(req).id, req.params.orgId) });
  });

  router.post(`${base}/decline`, async (req, res) => {
    await transfers.decline(signedInUser(req).id, req.params.orgId);
    res.status(204).end();
  });

  return router;
}
