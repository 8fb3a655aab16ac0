import { AppError } from './app-error';

/**
 * Patterns one organization may keep, unless PATTERN_QUOTA says otherwise: every store has a
 * limit, even the enterprise plan's "unlimited" (plans are checked before it, in plan-limits.ts).
 */
export const DEFAULT_PATTERN_QUOTA = 50_000;

/** Throws `quota_exceeded` when adding `adding` patterns to `used` would pass `limit`; nothing is stored then. */
export function checkQuota(limit: number, used: number, adding: number): void {
  if (used + adding <= limit) return;
  const room = Math.max(0, limit - used);
  throw new AppError(
    'quota_exceeded',
    `You have ${used} of ${limit} patterns; ${adding === 1 ? 'this one does not fit' : `these ${adding} do not fit (room for ${room})`}. Delete some first.`,
    { limit, used, adding },
  );
}
