import express, { Router } from 'express';
import type { Billing } from '../billing/billing-service';
import type { Organizations } from '../organizations-service';
import { orgNotFound } from '../organizations-service';
import type { PatternsService } from '../patterns-service';
import type { PlanLimits } from '../plan-limits';
import { signedInUser } from '../auth/require-user';
import { jsonBody } from '../body';
import { validate } from '../errors';
import { CheckoutSchema, DemoPlanSchema } from '../../shared/api';

/** Usage and billing of one organization: every member sees the plan and usage; owners manage billing (the service checks). */
export function billingRoutes(billing: Billing, limits: PlanLimits, patterns: PatternsService, organizations: Organizations): Router {
  const router = Router();

  router.get('/orgs/:orgId/usage', async (req, res) => {
    const org = await organizations.find(req.params.orgId, signedInUser(req).id);
    if (!org) throw orgNotFound();
    res.json({ ...(await limits.usage(org.id, await patterns.count(org.id))), billing: billing.mode });
  });

  router.post('/orgs/:orgId/billing/checkout', jsonBody, async (req, res) => {
    const { plan } = validate(CheckoutSchema, req.body);
    res.json({ url: await billing.checkout(signedInUser(req).id, req.params.orgId, plan) });
  });

  router.post('/orgs/:orgId/billing/portal', async (req, res) => {
    res.json({ url: await billing.portal(signedInUser(req).id, req.params.orgId) });
  });

  router.post('/orgs/:orgId/billing/demo', jsonBody, async (req, res) => {
    const { plan } = validate(DemoPlanSchema, req.body);
    await billing.demoChange(signedInUser(req).id, req.params.orgId, plan);
    res.status(204).end();
  });

  return router;
}

/**
 * POST /api/stripe/webhook: Stripe calls it, without a session. The signature covers the exact
 * bytes, so the body is read raw (express.raw), never parsed and re-serialized first.
 */
export function stripeWebhookRoutes(billing: Billing): Router {
  return Router().post('/stripe/webhook', express.raw({ type: '*/*', limit: '1mb' }), async (req, res) => {
    await billing.handleWebhook(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0), req.get('stripe-signature'));
    res.json({ received: true });
  });
}
