import { Router, type Request, type Response } from 'express';
import type { ApiKeys } from '../api-keys/api-keys-service';
import type { Billing } from '../billing/billing-service';
import type { PatternsService } from '../patterns-service';
import type { PlanLimits } from '../plan-limits';
import type { RateLimits } from '../scale/rate-limits';
import { AppError } from '../app-error';
import { requireApiKey } from '../auth/api-key';
import { requireTeacher } from '../auth/teachers-only';
import { activeOrg } from '../auth/active-org';
import { signedInUser } from '../auth/require-user';
import { jsonBody } from '../body';
import { notFoundHandler, validate } from '../errors';
import { fingerprintOf, type Answer, type Idempotency } from '../idempotency/idempotency';
import { openApiDocument } from '../openapi';
import { ChatRequestSchema, PageQuerySchema, PatternChangesSchema, PatternInputSchema, type Pattern } from '../../shared/api';
import { IdempotencyKeySchema, type PingAnswer, type V1PatternAnswer } from '../../shared/api-v1';

export interface V1Deps {
  patterns: PatternsService;
  limits: PlanLimits;
  billing: Billing;
  apiKeys: ApiKeys;
  idempotency: Idempotency;
  rateLimits: RateLimits;
}

const notFound = () => new AppError('not_found', 'No pattern with this id in your organization.');
const found = (pattern: Pattern | undefined): V1PatternAnswer => {
  if (!pattern) throw notFound();
  return { pattern };
};

/**
 * /api/v1: the public API, for programs with an organization API key (contract: src/shared/api-v1.ts,
 * document: GET /api/v1/openapi.json). A thin router over stage 4's services: the same patterns,
 * plan limits, usage and errors as the page's routes, so a key meets the same rules as a person.
 */
export function v1Routes({ patterns, limits, billing, apiKeys, idempotency, rateLimits }: V1Deps): Router {
  const router = Router();
  router.get('/openapi.json', (_req, res) => res.json(openApiDocument())); // public: how to call the rest

  router.use(requireApiKey(apiKeys, limits, rateLimits));

  router.get('/ping', (req, res) => {
    const { id, name, slug, plan } = activeOrg(req);
    res.json({ ok: true, organization: { id, name, slug, plan } } satisfies PingAnswer);
  });

  router.get('/patterns', async (req, res) => {
    const { limit, cursor } = validate(PageQuerySchema, req.query);
    res.json(await patterns.page(activeOrg(req).id, limit, cursor));
  });

  // Writes need a member's rights: a key whose maker is now a viewer reads and chats, nothing else.
  router.post('/patterns', jsonBody, async (req, res) => {
    requireTeacher(req, 'teach patterns');
    const input = validate(PatternInputSchema, req.body);
    await respondOnce(req, res, async () => ({ status: 201, body: { pattern: await patterns.teach(activeOrg(req).id, signedInUser(req), input) } }));
  });

  router.get('/patterns/:id', async (req, res) => {
    res.json(found(await patterns.find(activeOrg(req).id, req.params.id)));
  });

  router.patch('/patterns/:id', jsonBody, async (req, res) => {
    requireTeacher(req, 'edit patterns');
    const changes = validate(PatternChangesSchema, req.body);
    res.json(found(await patterns.update(activeOrg(req).id, req.params.id, changes)));
  });

  router.delete('/patterns/:id', async (req, res) => {
    requireTeacher(req, 'delete patterns');
    if (!(await patterns.remove(activeOrg(req).id, req.params.id))) throw notFound();
    res.status(204).end();
  });

  router.post('/chat', jsonBody, async (req, res) => {
    const { message } = validate(ChatRequestSchema, req.body);
    await respondOnce(req, res, async () => ({ status: 200, body: { reply: await patterns.chat(activeOrg(req).id, signedInUser(req), message, req.apiKey?.standing) } }));
  });

  router.get('/usage', async (req, res) => {
    const orgId = activeOrg(req).id;
    res.json({ ...(await limits.usage(orgId, await patterns.count(orgId))), billing: billing.mode });
  });

  router.use(notFoundHandler); // an unknown /api/v1 path is a JSON 404, not a stage-4 route's answer

  /** Runs `work` once per Idempotency-Key (when the request has one) and sends its answer. */
  async function respondOnce(req: Request, res: Response, work: () => Promise<Answer>): Promise<void> {
    const header = req.get('idempotency-key');
    if (header === undefined) {
      const { status, body } = await work();
      res.status(status).json(body);
      return;
    }
    const key = validate(IdempotencyKeySchema, header);
    const fingerprint = fingerprintOf(req.method, req.baseUrl + req.path, req.body);
    const { status, body, replayed } = await idempotency.once(activeOrg(req).id, key, fingerprint, work);
    if (replayed) res.set('Idempotent-Replayed', 'true');
    res.status(status).json(body);
  }

  return router;
}
