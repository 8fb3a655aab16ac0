import type { Db } from './db';
import { usageRepo as repo, type ChatOutcome, type UsageEvent, type UsageKind } from './usage-repo';

/** How often this process writes the usage it holds. */
export const USAGE_WRITTEN_EVERY_MS = 1_000;
/** A batch that keeps failing (its organization was deleted meanwhile) is dropped after this many tries. */
const TRIES = 3;

/** A month's counter to add to: how many, and their tokens. */
type Counter = { period: string; kind: UsageKind; count: number; tokens: number };
/** One organization's usage not written yet: events, API calls by key and month, and counters. */
type Batch = { events: UsageEvent[]; apiCalls: Map<string, UsageEvent>; counters: Map<string, Counter>; tries: number };

/**
 * What no limit depends on is kept in memory and written once a second, one transaction per
 * organization: each chat's analytics event (which pattern answered, or the question none did),
 * each teach and import (its event and its month's counter), and each API call (the same). A
 * request then waits for none of these writes, and a thousand requests a second do not queue on
 * the same rows (the daily rollups, the month's counters), each locked until the commit of the one
 * before. A chat's own counter is still written in its request, exactly: the plan's limit depends
 * on it (plan-limits.ts).
 *
 * The price, said in the README: a process that is killed (kill -9) loses its last second of
 * analytics and of these counts (SIGTERM writes them); and a batch fails as a whole, so one that
 * names a user deleted within that second is dropped after three tries, and said.
 */
export function createUsageBatches(db: Db, { log = console.error }: { log?: (message: string, error: unknown) => void } = {}) {
  let pending = new Map<string, Batch>(); // organization → not written yet
  let writing: Promise<void> = Promise.resolve();

  const batchOf = (orgId: string): Batch => {
    let batch = pending.get(orgId);
    if (!batch) pending.set(orgId, (batch = { events: [], apiCalls: new Map(), counters: new Map(), tries: 0 }));
    return batch;
  };

  const addTo = (counters: Map<string, Counter>, { period, kind, count, tokens }: Counter) => {
    const id = `${period} ${kind}`;
    const now = counters.get(id);
    counters.set(id, now ? { ...now, count: now.count + count, tokens: now.tokens + tokens } : { period, kind, count, tokens });
  };

  /** A failed batch goes back in front of what came meanwhile, one try older. */
  function retry(orgId: string, failed: Batch): void {
    const batch = batchOf(orgId);
    batch.events = [...failed.events, ...batch.events];
    for (const [id, calls] of failed.apiCalls) {
      const now = batch.apiCalls.get(id);
      batch.apiCalls.set(id, now ? { ...calls, times: calls.times + now.times } : calls);
    }
    for (const counter of failed.counters.values()) addTo(batch.counters, counter);
    batch.tries = Math.max(batch.tries, failed.tries + 1);
  }

  async function writeAll(): Promise<void> {
    const batches = pending;
    pending = new Map(); // usage counted while this writes waits for the next write
    for (const [orgId, batch] of batches) {
      try {
        await db.forOrg(orgId, async (tx) => {
          await repo.record(tx, orgId, [...batch.events, ...batch.apiCalls.values()]);
          for (const { period, kind, count, tokens } of batch.counters.values()) await repo.bump(tx, orgId, period, kind, count, tokens, null);
        });
      } catch (error) {
        const again = batch.tries + 1 < TRIES;
        if (again) retry(orgId, batch);
        log(`usage: ${again ? 'will retry' : 'dropped'} the usage of organization ${orgId}`, error);
      }
    }
  }

  /** Writes what is pending now; writes never overlap, so nothing is written twice. */
  const write = (): Promise<void> => (writing = writing.then(writeAll));
  const timer = setInterval(() => void write(), USAGE_WRITTEN_EVERY_MS).unref();

  return {
    /** A chat that was counted: its event, for analytics. */
    chat(orgId: string, userId: string, tokens: number, outcome: ChatOutcome): void {
      batchOf(orgId).events.push({ userId, keyId: null, kind: 'chat', tokens, outcome, at: new Date(), times: 1 });
    },
    /** A committed teach or import: its event, and `count` onto its month's counter (`period`). */
    wrote(orgId: string, userId: string, kind: 'teach' | 'import', tokens: number, count: number, period: string): void {
      const batch = batchOf(orgId);
      batch.events.push({ userId, keyId: null, kind, tokens, at: new Date(), times: 1 });
      addTo(batch.counters, { period, kind, count, tokens });
    },
    /** One call with this key, in this month (`period`, as usage_counters counts it). */
    apiCall(orgId: string, keyId: string, period: string): void {
      const batch = batchOf(orgId);
      const id = `${keyId} ${period}`;
      const now = batch.apiCalls.get(id);
      if (now) now.times++;
      else batch.apiCalls.set(id, { userId: null, keyId, kind: 'api_call', tokens: 0, at: new Date(), times: 1 });
      addTo(batch.counters, { period, kind: 'api_call', count: 1, tokens: 0 });
    },
    /** Before reading usage this process may hold: its own is then always in what it reads. */
    write,
    /** At shutdown: no more timer, and the last usage written before the database closes. */
    stop(): Promise<void> {
      clearInterval(timer);
      return write();
    },
  };
}

export type UsageBatches = ReturnType<typeof createUsageBatches>;
