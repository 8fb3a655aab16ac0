import { Router } from 'express';
import type { ApiKeys } from '../api-keys/api-keys-service';
import { signedInUser } from '../auth/require-user';
import { jsonBody } from '../body';
import { validate } from '../errors';
import { CreateApiKeySchema } from '../../shared/api';

/** An organization's API keys: admins and owners manage them (the service checks the role). */
export function apiKeyRoutes(apiKeys: ApiKeys): Router {
  const router = Router();

  router.get('/orgs/:orgId/api-keys', async (req, res) => {
    res.json({ apiKeys: await apiKeys.list(signedInUser(req).id, req.params.orgId) });
  });

  router.post('/orgs/:orgId/api-keys', jsonBody, async (req, res) => {
    const { name } = validate(CreateApiKeySchema, req.body);
    res.status(201).json(await apiKeys.create(signedInUser(req).id, req.params.orgId, name));
  });

  router.delete('/orgs/:orgId/api-keys/:keyId', async (req, res) => {
    await apiKeys.revoke(signedInUser(req).id, req.params.orgId, req.params.keyId);
    res.status(204).end();
  });

  return router;
}
