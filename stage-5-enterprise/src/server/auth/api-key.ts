import type { Request, RequestHandler, Response } from 'express';
import { AppError } from '../app-error';
import type { ApiKeys } from '../api-keys/api-keys-service';
import { invalidKey } from '../api-keys/api-keys-service';
import type { KeyHolder } from '../api-keys/api-keys-repo';
import type { PlanLimits } from '../plan-limits';
import type { RateLimits } from '../scale/rate-limits';

declare global {
  namespace Express {
    interface Request {
      /** Set by apiKeyAuth: the organization API key this request came with. */
      apiKey?: KeyHolder;
    }
  }
}

/** The brain: the only routes a key may call (DESIGN.md). */
const BRAIN = /^\/(patterns|chat|import)(\/|$)/;

const KEY = /^Bearer (jrny_sk_\S*)$/;
const keyOf = (req: Request): string | undefined => req.get('authorization')?.match(KEY)?.[1];

/**
 * `Authorization: Bearer jrny_sk_…`: a program acting for the key's organization, with member
 * rights, as the key's creator (who must still belong to it: a key stops working when its maker
 * leaves). It reaches the brain and nothing else; organization, billing and admin routes answer
 * 403, as they are for people with a session. Each call takes one from the key's requests per
 * minute (by plan, shared by every instance: 429 rate_limited past it), then is counted as
 * `api_call` usage (written within a second: usage-batches.ts).
 */
export function apiKeyAuth(apiKeys: ApiKeys, limits: PlanLimits, rateLimits: RateLimits): RequestHandler {
  const actAs = keyHolder(apiKeys, limits, rateLimits);
  return async (req, res, next) => {
    const key = keyOf(req);
    if (!key) return next();
    if (!BRAIN.test(req.path)) {
      return next(new AppError('forbidden', 'API keys reach /api/v1, /api/patterns, /api/chat and /api/import only; sign in for the rest.'));
    }
    await actAs(req, res, key);
    next();
  };
}

/**
 * The gate of /api/v1: an organization API key, and nothing else. A session cookie or a stage-3
 * JWT is refused with a 401 that says what to send instead.
 */
export function requireApiKey(apiKeys: ApiKeys, limits: PlanLimits, rateLimits: RateLimits): RequestHandler {
  const actAs = keyHolder(apiKeys, limits, rateLimits);
  return async (req, res, next) => {
    const key = keyOf(req);
    if (!key) {
      return next(new AppError('api_key_required', '/api/v1 takes an organization API key: send Authorization: Bearer jrny_sk_… (create a key under API keys). A session cookie or sign-in token is not accepted here.'));
    }
    await actAs(req, res, key);
    next();
  };
}

/** Sets req.apiKey, req.user (the key's creator) and req.org (with member rights) from the key, or refuses it (401). */
function keyHolder(apiKeys: ApiKeys, limits: PlanLimits, rateLimits: RateLimits) {
  return async (req: Request, res: Response, key: string): Promise<void> => {
    const { holder, org } = await apiKeys.authenticate(key);
    await rateLimits.forKey(holder.keyId, org.plan, res);
    limits.countApiCall(holder.orgId, holder.keyId);
    req.apiKey = holder;
    req.user = { id: holder.creator.id, email: holder.creator.email, createdAt: new Date(0).toISOString() };
    // Member rights, and never more than its maker has now: a maker demoted to viewer makes a read-only key.
    req.org = { ...org, role: org.role === 'viewer' ? 'viewer' : 'member' };
  };
}
