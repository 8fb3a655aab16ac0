import type { Logger } from 'pino';
import type { PatternsChanged, PatternsService } from '../patterns-service';
import type { SharedState } from './shared-state';

const CHANNEL = 'patterns-changed'; // after REDIS_PREFIX: journey:patterns-changed

/**
 * Pub/sub for speed, the patterns version for correctness. After a pattern write commits, its
 * instance announces `orgId version [patternId]`; every instance that holds an older engine for that
 * organization brings it up to date at once (one pattern read again, or a rebuild), so its next
 * chat finds it ready. A message carries ids, never pattern text: the database stays the only
 * source. A lost message (Redis down, a reconnect) costs nothing but time: the next chat reads the
 * version in its own transaction and rebuilds the engine itself (patterns-service.ts).
 */
export async function shareEngineFreshness(shared: SharedState, patterns: PatternsService, logger: Logger): Promise<PatternsChanged> {
  await shared.subscribe(CHANNEL, (message) => {
    const [orgId, version, patternId] = message.split(' ');
    if (!orgId || !Number.isSafeInteger(Number(version))) return;
    patterns.heard(orgId, Number(version), patternId).catch((err: unknown) => logger.warn({ err, orgId }, 'could not update an engine after another instance wrote'));
  });
  return (orgId, version, patternId) => shared.publish(CHANNEL, [orgId, version, patternId].filter((part) => part !== undefined).join(' '));
}
