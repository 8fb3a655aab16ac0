/**
 * When to try again, and how long to wait first. Exponential backoff with full jitter (a random
 * wait between 0 and base·2^attempt, capped): many clients that failed together spread out instead
 * of returning together. A server's `Retry-After` wins, as long as it is a wait worth making.
 */
export const BACKOFF = { baseMs: 500, maxMs: 8_000, maxRetryAfterMs: 60_000 } as const;

/** 429 (slow down) and 5xx (the server's trouble, likely passing). Any other 4xx will fail again. */
export const isRetryableStatus = (status: number): boolean => status === 429 || status >= 500;

/** `Retry-After` in ms: seconds ("2") or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * The wait before retry number `attempt + 1` (attempt 0 is the first try), or undefined when the
 * server asks for longer than `maxRetryAfterMs`: hanging that long, or retrying sooner than asked,
 * helps nobody, so the caller gets the error now.
 */
export function retryDelayMs(attempt: number, retryAfter: string | null, random = Math.random, now = Date.now()): number | undefined {
  const asked = parseRetryAfter(retryAfter, now);
  if (asked !== undefined) return asked <= BACKOFF.maxRetryAfterMs ? asked : undefined;
  return random() * Math.min(BACKOFF.maxMs, BACKOFF.baseMs * 2 ** attempt);
}
