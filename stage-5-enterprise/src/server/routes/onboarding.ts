import { Router, type Response } from 'express';
import type { FirstCalls } from '../onboarding/first-call';
import type { OnboardingService } from '../onboarding/onboarding-service';
import { signedInUser } from '../auth/require-user';
import { jsonBody } from '../body';
import { validate } from '../errors';
import { FirstCallQuerySchema, SaveOnboardingSchema } from '../../shared/api';

/** Aborts when the client hangs up (a closed tab, a page that moved on): a held request stops reading. */
function hungUp(res: Response): AbortSignal {
  const controller = new AbortController();
  res.on('close', () => controller.abort());
  return controller.signal;
}

/** The getting-started guide: each person's place in it, and "test connection" (a long poll). */
export function onboardingRoutes(onboarding: OnboardingService, firstCalls: FirstCalls): Router {
  const router = Router();

  router.get('/onboarding', async (req, res) => {
    res.json({ onboarding: await onboarding.get(signedInUser(req).id) });
  });

  router.put('/onboarding', jsonBody, async (req, res) => {
    const state = validate(SaveOnboardingSchema, req.body);
    res.json({ onboarding: await onboarding.save(signedInUser(req).id, state) });
  });

  // Held up to ?wait seconds (25 by default: under the usual proxies' 30 s) until the first call.
  router.get('/orgs/:orgId/api-keys/first-call', async (req, res) => {
    const { wait } = validate(FirstCallQuerySchema, req.query);
    res.json(await firstCalls.ofOrg(signedInUser(req).id, req.params.orgId, wait * 1000, hungUp(res)));
  });

  router.get('/orgs/:orgId/api-keys/:keyId/first-call', async (req, res) => {
    const { wait } = validate(FirstCallQuerySchema, req.query);
    res.json(await firstCalls.ofKey(signedInUser(req).id, req.params.orgId, req.params.keyId, wait * 1000, hungUp(res)));
  });

  return router;
}
