import { createHash } from 'node:crypto';
import { AppError } from '../app-error';
import type { Db } from '../db';
import { idempotencyRepo as repo } from './idempotency-repo';

/** What a POST answers: its status and its JSON body. */
export type Answer = { status: number; body: unknown };

/** The method, path and body, hashed: the same key with another request is a client's bug, refused. */
export const fingerprintOf = (method: string, path: string, body: unknown) =>
  createHash('sha256').update(`${method} ${path}\n${JSON.stringify(body ?? null)}`).digest('hex');

/**
 * `Idempotency-Key` on the public API's POSTs: a retry with the same key and the same request
 * within 24 hours gets the first answer again (replayed: true) instead of doing the work twice.
 * Only successes are kept: a request that failed changed nothing, so its retry runs again.
 */
export function createIdempotency(db: Db) {
  return {
    async once(orgId: string, key: string, fingerprint: string, work: () => Promise<Answer>): Promise<Answer & { replayed: boolean }> {
      const found = await db.forOrg(orgId, (tx) => repo.claim(tx, orgId, key, fingerprint));
      if (found !== 'claimed') {
        if (found && found.fingerprint !== fingerprint) {
          throw new AppError('idempotency_key_reused', 'This Idempotency-Key was used with another request in the last 24 hours; use a new key for a new request.');
        }
        if (!found || found.status === null) {
          throw new AppError('idempotency_in_progress', 'A request with this Idempotency-Key is still running; retry in a moment to get its answer.');
        }
        return { status: found.status, body: JSON.parse(found.body!), replayed: true };
      }
      let answer: Answer;
      try {
        answer = await work();
      } catch (error) {
        await db.forOrg(orgId, (tx) => repo.release(tx, orgId, key));
        throw error;
      }
      await db.forOrg(orgId, (tx) => repo.complete(tx, orgId, key, answer.status, JSON.stringify(answer.body)));
      return { ...answer, replayed: false };
    },
  };
}

export type Idempotency = ReturnType<typeof createIdempotency>;
