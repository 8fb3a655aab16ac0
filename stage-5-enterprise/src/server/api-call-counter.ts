import type { Db } from './db';
import { usageRepo as repo } from './usage-repo';

/** How often this process writes the API calls it counted. */
export const API_CALLS_WRITTEN_EVERY_MS = 1_000;
/** A batch that keeps failing (its organization was deleted meanwhile) is dropped after this many tries. */
const TRIES = 3;

type Batch = { orgId: string; keyId: string; period: string; count: number; tries: number };

/**
 * API calls are counted in memory and written once a second: one transaction per organization,
 * one event row per call. A call then waits for no write, and a thousand calls a second do not
 * queue on the one counter row (usage_counters is a row per organization, month and kind) that
 * each would otherwise lock until its commit. Calls have no plan limit, so a count that trails by
 * a second refuses nothing. The price, said in the README: a process that is killed (kill -9)
 * loses its last second of counts. Chats and patterns are still counted in their own transactions,
 * exactly: their limits depend on it.
 */
export function createApiCallCounter(db: Db, { log = console.error }: { log?: (message: string, error: unknown) => void } = {}) {
  let pending = new Map<string, Batch>(); // `${orgId} ${keyId} ${period}` → calls not written yet
  let writing: Promise<void> = Promise.resolve();

  function add({ orgId, keyId, period, count, tries }: Batch): void {
    const id = `${orgId} ${keyId} ${period}`;
    const batch = pending.get(id) ?? { orgId, keyId, period, count: 0, tries };
    batch.count += count;
    batch.tries = Math.max(batch.tries, tries);
    pending.set(id, batch);
  }

  async function writeAll(): Promise<void> {
    const byOrg = new Map<string, Batch[]>();
    for (const batch of pending.values()) byOrg.set(batch.orgId, [...(byOrg.get(batch.orgId) ?? []), batch]);
    pending = new Map(); // calls counted while this writes wait for the next write
    for (const [orgId, own] of byOrg) {
      try {
        await db.forOrg(orgId, async (tx) => {
          for (const { keyId, period, count } of own) {
            await repo.record(tx, orgId, { keyId }, 'api_call', 0, count);
            await repo.bump(tx, orgId, period, 'api_call', count, 0, null);
          }
        });
      } catch (error) {
        const kept = own.filter((batch) => batch.tries + 1 < TRIES);
        kept.forEach((batch) => add({ ...batch, tries: batch.tries + 1 }));
        log(`usage: ${own.length - kept.length ? 'dropped' : 'will retry'} API call counts of organization ${orgId}`, error);
      }
    }
  }

  /** Writes what is pending now; writes never overlap, so counts are never written twice. */
  const write = (): Promise<void> => (writing = writing.then(writeAll));
  const timer = setInterval(() => void write(), API_CALLS_WRITTEN_EVERY_MS).unref();

  return {
    /** One call with this key, in this month (`period`, as usage_counters counts it). */
    count: (orgId: string, keyId: string, period: string): void => add({ orgId, keyId, period, count: 1, tries: 0 }),
    /** Before reading counts this process may hold: its own calls are then always in what it reads. */
    write,
    /** At shutdown: no more timer, and the last counts written before the database closes. */
    stop(): Promise<void> {
      clearInterval(timer);
      return write();
    },
  };
}

export type ApiCallCounter = ReturnType<typeof createApiCallCounter>;
