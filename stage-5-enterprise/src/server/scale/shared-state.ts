import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { LimiterFactory } from '../auth/throttle';

/**
 * What instances share besides the database: the counters of rate limits and throttles, and a
 * channel on which an instance says "I changed this organization's patterns". With REDIS_URL, in
 * Redis, so every instance counts against the same numbers and hears every other instance. Without
 * it, in-memory stand-ins that serve one instance (config.ts refuses more than one without Redis).
 *
 * What is NOT shared, by nature: the password-hashing budget (auth/password-pool.ts) is this
 * process's CPU, so each instance keeps its own; and each instance's engine cache, kept fresh by
 * the patterns version (engine-cache.ts).
 */
export interface SharedState {
  readonly mode: 'redis' | 'memory';
  /** Counters for throttles and rate limits. */
  readonly limiter: LimiterFactory;
  /** Tells every instance (this one included) `message` on `channel`. Best effort: a lost message must be harmless. */
  publish(channel: string, message: string): void;
  subscribe(channel: string, listener: (message: string) => void): Promise<void>;
  /** For readiness: rejects when the shared store does not answer. */
  check(): Promise<void>;
  close(): Promise<void>;
}

/** In memory: one instance, no network, and no other instance to tell anything. */
export function memoryState(): SharedState {
  return {
    mode: 'memory',
    limiter: (options) => new RateLimiterMemory(options),
    publish: () => {},
    subscribe: async () => {},
    check: async () => {},
    close: async () => {},
  };
}

/**
 * Redis at `url`. It must answer at start (a typo should stop the server, not surface later).
 * Afterwards, when Redis goes away, every limiter falls back to its in-memory insurance limiter
 * (rate-limiter-flexible's `insuranceLimiter`): requests keep being served and limited, per
 * instance, and a warning is logged; engines stay correct through the patterns version. Commands
 * fail at once instead of queueing while disconnected (`enableOfflineQueue: false`), so a request
 * never waits for Redis to come back. `prefix` goes before every key and channel name.
 */
export async function redisState(url: string, prefix: string, logger: Logger): Promise<SharedState> {
  const options = { keyPrefix: prefix, lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2_000 };
  const client = new Redis(url, options);
  const subscriber = new Redis(url, { ...options, enableOfflineQueue: true }); // its SUBSCRIBE is replayed on reconnect
  // One warning when Redis goes away, one line when it is back (ioredis reconnects by itself).
  let down = false;
  client.on('error', (err: Error) => {
    if (down) return;
    down = true;
    logger.warn({ err: err.message }, 'redis unavailable: rate limits and throttles fall back to per-instance memory until it returns');
  });
  client.on('ready', () => {
    if (!down) return;
    down = false;
    logger.info('redis is back: rate limits are shared again');
  });
  subscriber.on('error', () => {}); // the same outage: already told by the client
  try {
    await Promise.all([client.connect(), subscriber.connect()]);
  } catch (err) {
    client.disconnect();
    subscriber.disconnect();
    throw new Error(`REDIS_URL: cannot reach Redis at ${new URL(url).host} (${(err as Error).message})`);
  }
  const listeners = new Map<string, (message: string) => void>();
  subscriber.on('message', (channel: string, message: string) => listeners.get(channel)?.(message));

  return {
    mode: 'redis',
    limiter: (limits) =>
      new RateLimiterRedis({
        ...limits,
        storeClient: client,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory(limits),
      }),
    publish: (channel, message) => void client.publish(prefix + channel, message).catch(() => undefined), // lost: the version check covers it
    async subscribe(channel, listener) {
      listeners.set(prefix + channel, listener);
      await subscriber.subscribe(prefix + channel);
    },
    check: async () => void (await client.ping()),
    async close() {
      await Promise.allSettled([client.quit(), subscriber.quit()]);
    },
  };
}
