import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { AppError } from '../app-error';

/**
 * bcrypt at cost 12 is a third of a second of pure CPU. On the event loop it would stall every
 * other request for that long (ten signups: seconds). It runs on worker threads instead: one per
 * core but one, which stays with the event loop, so health checks and chat answer meanwhile.
 */
export const HASH_THREADS = Math.max(1, availableParallelism() - 1);

/**
 * The global budget of the routes that cost a hash (signup, login, token, reset): this many may
 * wait for a thread, whoever sends them; one more gets 503 with Retry-After instead of a queue
 * that grows without end. Per-address and per-account throttles come first (throttle.ts).
 */
export const HASH_QUEUE = 20;
const RETRY_AFTER_SECONDS = 5;

const pool = new Piscina({
  filename: new URL('./password-worker.js', import.meta.url).href,
  minThreads: 0, // none until the first hash; idle ones leave after idleTimeout
  maxThreads: HASH_THREADS,
  maxQueue: HASH_QUEUE,
  idleTimeout: 30_000,
});

export type BcryptJob = { op: 'hash'; password: string; cost: number } | { op: 'verify'; password: string; hash: string };

/** Runs one bcrypt job on a worker thread; 503 when the budget is spent. */
export async function runBcrypt<T extends string | boolean>(job: BcryptJob): Promise<T> {
  if (pool.queueSize >= HASH_QUEUE) {
    throw new AppError('busy', 'The server is busy. Try again in a few seconds.', { retryAfterSeconds: RETRY_AFTER_SECONDS });
  }
  return (await pool.run(job)) as T;
}
