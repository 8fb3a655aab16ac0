import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

export interface ThrottleOptions {
  /** Attempts allowed per key within the window; the next one waits. */
  attempts: number;
  windowSeconds: number;
}

/** Where the counters live. In memory here (one process); stage 5 passes a Redis-backed limiter. */
export type LimiterFactory = (options: { keyPrefix: string; points: number; duration: number }) => RateLimiterAbstract;
export const inMemory: LimiterFactory = (options) => new RateLimiterMemory(options);

export type Verdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Slows down password guessing. Each rule counts attempts by one key (e.g. the account, the
 * address, or both together); every attempt takes a point from each rule's key BEFORE the password
 * is checked, so fifty parallel guesses cannot all slip past a check that only counted failures
 * afterwards. A success gives its points back.
 */
export class AttemptThrottle<Rule extends string> {
  private readonly limiters: [Rule, RateLimiterAbstract][];

  /** `rules` in the order they are checked: the first one out of points refuses, the later ones are not charged. */
  constructor(name: string, rules: Record<Rule, ThrottleOptions>, createLimiter: LimiterFactory = inMemory) {
    this.limiters = (Object.entries(rules) as [Rule, ThrottleOptions][]).map(([rule, options]) => [
      rule,
      createLimiter({ keyPrefix: `${name}:${rule}`, points: options.attempts, duration: options.windowSeconds }),
    ]);
  }

  /** Takes one attempt from every rule's key; refuses at the first rule that has none left. */
  async attempt(keys: Record<Rule, string>): Promise<Verdict> {
    for (const [rule, limiter] of this.limiters) {
      try {
        await limiter.consume(keys[rule]);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection; // the store failed: let it be a 500
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      }
    }
    return { allowed: true };
  }

  /** A success: give back this attempt's point on every rule. */
  async succeeded(keys: Record<Rule, string>): Promise<void> {
    await Promise.all(this.limiters.map(([rule, limiter]) => limiter.reward(keys[rule], 1)));
  }
}
