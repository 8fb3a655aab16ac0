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
 * Slows down password guessing: every attempt takes a point from each of its keys (the account,
 * the client's IP) BEFORE the password is checked, so fifty parallel guesses cannot all slip past
 * a check that only counted failures afterwards. A success gives its point back.
 */
export class AttemptThrottle {
  private readonly limiter: RateLimiterAbstract;

  constructor(name: string, options: ThrottleOptions, createLimiter: LimiterFactory = inMemory) {
    this.limiter = createLimiter({ keyPrefix: name, points: options.attempts, duration: options.windowSeconds });
  }

  /** Takes one attempt on every key, in order; refuses at the first key that has none left. */
  async attempt(keys: readonly string[]): Promise<Verdict> {
    for (const key of keys) {
      try {
        await this.limiter.consume(key);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection; // the store failed: let it be a 500
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      }
    }
    return { allowed: true };
  }

  /** A success: give back this attempt's point on every key. */
  async succeeded(keys: readonly string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.limiter.reward(key, 1)));
  }
}
