import type { Logger } from 'pino';
import type { PatternsService } from '../patterns-service';
import type { SharedState } from './shared-state';

const CHANNEL = 'patterns-changed'; // after REDIS_PREFIX: journey:patterns-changed

/**
 * Pub/sub for speed, the patterns version for correctness. After a pattern write commits, its
 * instance announces `orgId version`; every instance that holds an older engine for that
 * organization drops it and rebuilds it at once, so its next chat finds it ready. A lost message
 * (Redis down, a reconnect) costs nothing but time: the next chat reads the version in its own
 * transaction and rebuilds the engine itself (patterns-service.ts).
 */
export async function shareEngineFreshness(shared: SharedState, patterns: PatternsService, logger: Logger): Promise<(orgId: string, version: number) => void> {
  await shared.subscribe(CHANNEL, (message) => {
    const [orgId, version] = message.split(' ');
    if (!orgId || !Number.isSafeInteger(Number(version))) return;
    patterns.heard(orgId, Number(version)).catch((err: unknown) => logger.warn({ err, orgId }, 'could not rebuild an engine after another instance wrote'));
  });
  return (orgId, version) => shared.publish(CHANNEL, `${orgId} ${version}`);
}
