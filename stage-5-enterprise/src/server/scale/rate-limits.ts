import type { RequestHandler, Response } from 'express';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from '../app-error';
import { PLANS, PLAN_NAMES, type Plan } from '../billing/plans';
import type { LimiterFactory } from '../auth/throttle';

const MINUTE = 60;

/**
 * Requests per minute: per API key by its organization's plan (PLANS.apiRequestsPerMinute), and per
 * address on the routes anyone may call. The counters live where `limiter` keeps them (Redis: the
 * same for every instance; see shared-state.ts for what happens when Redis is down). Every answer
 * says where the caller stands (RateLimit-Limit, -Remaining, -Reset in seconds); a refusal is
 * 429 rate_limited with Retry-After.
 */
export function createRateLimits(limiter: LimiterFactory, { anonymousPerMinute }: { anonymousPerMinute: number }) {
  const perPlan = Object.fromEntries(
    PLAN_NAMES.map((plan) => [plan, limiter({ keyPrefix: `rate:key:${plan}`, points: PLANS[plan].apiRequestsPerMinute, duration: MINUTE })]),
  ) as Record<Plan, RateLimiterAbstract>;
  const perAddress = limiter({ keyPrefix: 'rate:address', points: anonymousPerMinute, duration: MINUTE });

  /** Takes one request from `key`'s minute, sets the headers, and refuses (429) when none was left. */
  async function take(limits: RateLimiterAbstract, key: string, res: Response): Promise<void> {
    const show = (state: RateLimiterRes) => {
      res.set('RateLimit-Limit', String(limits.points));
      res.set('RateLimit-Remaining', String(Math.max(0, state.remainingPoints)));
      res.set('RateLimit-Reset', String(Math.max(1, Math.ceil(state.msBeforeNext / 1000))));
    };
    try {
      show(await limits.consume(key));
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection; // neither Redis nor its insurance answered: a 500
      show(rejection);
      const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new AppError('rate_limited', `Too many requests: ${limits.points} a minute are allowed. Try again in ${retryAfterSeconds} s.`, {
        limit: limits.points,
        retryAfterSeconds,
      });
    }
  }

  return {
    /** One request with an API key, counted against its plan's minute. */
    forKey: (keyId: string, plan: Plan, res: Response) => take(perPlan[plan], keyId, res),

    /** Middleware for the routes anyone may call (sign up, log in, reset): per client address. */
    perAddress: (async (req, res, next) => {
      await take(perAddress, req.ip ?? 'unknown', res);
      next();
    }) as RequestHandler,
  };
}

export type RateLimits = ReturnType<typeof createRateLimits>;
